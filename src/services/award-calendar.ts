import { daysBetween } from "../domain/dates.js";
import type { Programme } from "../domain/programmes.js";
import { PHASE_IDS, type Cycle, type Phase, type PhaseId, type Timeline } from "../domain/timeline.js";
import { todayInVietnam } from "../domain/vietnam-time.js";


export type PhaseStatus =
  | { kind: "unknown" }
  /** Starts later. */
  | { kind: "upcoming"; days: number }
  /** Running; `days` left until its last day, null when the end is not known. */
  | { kind: "open"; days: number | null }
  /** Only a last day is known and it has not passed. */
  | { kind: "due"; days: number }
  | { kind: "ended" };

export function phaseStatus(phase: Pick<Phase, "start" | "end">, today: string): PhaseStatus {
  const { start, end } = phase;
  if (start === null && end === null) return { kind: "unknown" };
  if (end !== null && today > end) return { kind: "ended" };
  if (start !== null && today < start) return { kind: "upcoming", days: daysBetween(today, start) };
  if (start === null) return { kind: "due", days: daysBetween(today, end!) };
  return { kind: "open", days: end === null ? null : daysBetween(today, end) };
}

export interface CycleView {
  cycle: Cycle;
  phases: { phase: Phase; status: PhaseStatus }[];
  /** No phase of this cycle has a known date. */
  allUnknown: boolean;
}

export interface CalendarView {
  today: string;
  /** The award year of `today`. */
  year: number;
  cycles: CycleView[];
  /** Usual timing from past plans, for when this year's dates are unknown. */
  typical: Timeline["typical"];
}

/**
 * What `/lich` shows for a programme: this award year and the next (if the profile has them), and
 * last year's cycle while any of its known steps is still ahead — award years run past 12 months.
 */
export function calendarView(timeline: Timeline, programme: Programme, now: Date): CalendarView {
  // Deadlines are Vietnamese calendar days: "còn 12 ngày" is counted in Vietnam's time, whatever the server's zone.
  const today = todayInVietnam(now);
  const year = Number(today.slice(0, 4));
  const order = (id: PhaseId) => PHASE_IDS.indexOf(id);
  const cycles = timeline.cycles
    .filter((c) => c.programme === programme && c.year >= year - 1 && c.year <= year + 1)
    .sort((a, b) => a.year - b.year)
    .map((cycle) => {
      const phases = [...cycle.phases].sort((a, b) => order(a.id) - order(b.id)).map((phase) => ({ phase, status: phaseStatus(phase, today) }));
      return { cycle, phases, allUnknown: phases.every((p) => p.status.kind === "unknown") };
    })
    .filter((v) => v.cycle.year >= year || v.phases.some((p) => p.status.kind !== "ended" && p.status.kind !== "unknown"));
  // The usual timing in the profiles is the award's; the NSCL programme has no yearly phases of its own.
  return { today, year, cycles, typical: programme === "gtclqg" ? timeline.typical : [] };
}
