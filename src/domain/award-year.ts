import { cycleFor, type Timeline } from "./timeline.js";
import { todayInVietnam, yearInVietnam } from "./vietnam-time.js";
import type { Programme } from "./programmes.js";

export type RuleSet = "legacy" | "2026";

/**
 * The award (or plan) year a registration made now belongs to: this calendar year, unless the
 * province timeline says this year's registration — or, when that is not given, its dossier
 * deadline — has already ended; then the next. Unknown dates never move the year.
 */
export function awardYearFor(timeline: Timeline, programme: Programme, now: Date): number {
  const year = yearInVietnam(now);
  const phases = cycleFor(timeline, programme, year)?.phases ?? [];
  const end = (id: string) => {
    const p = phases.find((x) => x.id === id);
    return p?.end ?? null;
  };
  const closes = end("registration") ?? end("dossier-deadline");
  return closes !== null && closes < todayInVietnam(now) ? year + 1 : year;
}

/**
 * Which rules govern an award year: what the province cycle says, else the 2026 rules
 * (Luật 78/2025 + NĐ 37/2026) from 2026 on and the legacy decrees before (domain.md §0).
 */
export function rulesFor(timeline: Timeline, programme: Programme, year: number): RuleSet {
  return regimeFor(timeline, programme, year).rules;
}

/** The regime of an award year, whether an official confirmed it, and where that comes from. */
export interface Regime {
  rules: RuleSet;
  confirmed: boolean;
  /** The profile's source, or null for the default (no cycle for that year in the profile). */
  source: string | null;
}

/** The first award year the 2026 rules are presumed to govern (Luật 78/2025 in force 01/01/2026; NĐ 37/2026 of 23/01/2026 — domain.md §0). */
export const FIRST_2026_RULES_YEAR = 2026;

/**
 * Which regime governs an award year. The profile's cycle says so (and whether an official confirmed
 * it); without a cycle: the 2026 rules from 2026 on, NOT confirmed — the switch-over date and the
 * transition are not published (domain.md §0, §6.1) — and the legacy decrees before, which were in force.
 */
export function regimeFor(timeline: Timeline, programme: Programme, year: number): Regime {
  const cycle = cycleFor(timeline, programme, year);
  if (cycle) return { rules: cycle.rules, confirmed: cycle.rulesConfirmed, source: cycle.rulesSource ?? cycle.source };
  return year >= FIRST_2026_RULES_YEAR ? { rules: "2026", confirmed: false, source: null } : { rules: "legacy", confirmed: true, source: null };
}
