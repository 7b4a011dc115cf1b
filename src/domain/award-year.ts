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
  return cycleFor(timeline, programme, year)?.rules ?? (year >= 2026 ? "2026" : "legacy");
}
