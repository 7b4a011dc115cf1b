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
  const closes = intakeCloses(timeline, programme, year);
  return closes !== null && closes < todayInVietnam(now) ? year + 1 : year;
}

/** The last day this year's registration (or, when not given, its dossier deadline) is taken, if the profile says. */
function intakeCloses(timeline: Timeline, programme: Programme, year: number): string | null {
  const phases = cycleFor(timeline, programme, year)?.phases ?? [];
  const end = (id: string) => phases.find((x) => x.id === id)?.end ?? null;
  return end("registration") ?? end("dossier-deadline");
}

/**
 * Past provincial plans close the registration forms in March–May and the full dossiers in April–July
 * (domain.md §1.7: Phú Thọ, Bình Thuận, Hà Nội, Bắc Giang, Vĩnh Long, Quảng Ninh). After this day of a
 * year whose dates the profile does not give, a registration may be meant for this award year or the next.
 */
export const USUAL_INTAKE_END = "07-31";

/**
 * The award year of a registration made now, or the two years to ask about: the profile's dates
 * decide when it has them; without them, up to the usual end of the intake it is this year, after it
 * (e.g. in December) either this year or the next — the form asks rather than guess.
 */
export function awardYearChoice(timeline: Timeline, programme: Programme, now: Date): { year: number } | { ask: readonly [number, number] } {
  const year = yearInVietnam(now);
  if (intakeCloses(timeline, programme, year) !== null) return { year: awardYearFor(timeline, programme, now) };
  return todayInVietnam(now).slice(5) > USUAL_INTAKE_END ? { ask: [year, year + 1] } : { year };
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
