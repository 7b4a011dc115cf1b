import { dossierRules, type DossierItems } from "../domain/dossier-checklist.js";
import { awardYearFor } from "../domain/award-year.js";
import { daysBetween } from "../domain/dates.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import type { Programme } from "../domain/programmes.js";
import { SIZE_CLASSES, type SizeClass } from "../domain/size-class.js";
import { STATUSES, isOpen, statusInfo, type StatusId } from "../domain/statuses.js";
import type { SectorGroup } from "../domain/submission.js";
import { cycleFor, dossierDeadline, type PhaseId, type Timeline } from "../domain/timeline.js";
import type { SubmissionsRepository } from "../store/repositories.js";


const DAY_MS = 24 * 60 * 60 * 1000;
/** "New this week" = registered in the last seven days. */
export const NEW_WINDOW_DAYS = 7;

export interface StatsQuery {
  programme: Programme;
  year: number;
  now: Date;
  /** A submission waiting (for its dossier, or for a first decision) longer than this is stalled. */
  stalledAfterDays: number;
  timeline: Timeline;
  /** The dossier items per regime (data/dossier-items.json): complete award dossiers are counted by them. */
  dossierItems?: DossierItems;
}

export interface StalledSubmission {
  code: string;
  organisation: string;
  status: StatusId;
  /** When it entered that status. */
  since: string;
  days: number;
}

export interface UpcomingPhase {
  phase: PhaseId;
  start: string | null;
  end: string | null;
  /** Days from today to the phase's start (if ahead) or end; null when the dates are unknown. */
  daysLeft: number | null;
  /** Whether `daysLeft` counts to the start (the phase has not begun) or to the end. */
  counts: "start" | "end" | null;
}

export interface Stats {
  programme: Programme;
  year: number;
  today: string;
  total: number;
  open: number;
  /** Every status of the programme, in workflow order, zeros included. */
  byStatus: { status: StatusId; count: number }[];
  bySector: Record<SectorGroup | "unknown", number>;
  bySize: Record<SizeClass | "unknown", number>;
  /** By xã/phường (folded key), largest first; `name` is the spelling first seen. */
  byCommune: { key: string | null; name: string | null; count: number }[];
  newThisWeek: number;
  stalledAfterDays: number;
  stalled: StalledSubmission[];
  dossierDeadline: { date: string | null; daysLeft: number | null };
  /** Phases of the province timeline for this programme and year that have not ended; unknown dates included. */
  upcoming: UpcomingPhase[];
  /** Whether the province profile has a timeline for this programme and year at all. */
  hasCycle: boolean;
  /** Open submissions of the same programme in other award years (a year may run past twelve months). */
  otherYearsOpen: { year: number; count: number }[];
  /** Award dossiers (not withdrawn) with every required item sent or đạt and none cần bổ sung; null for NSCL or when not counted. */
  completeDossiers: number | null;
}

/** Statuses where a submission waits: for its dossier (GTCLQG), or for a first decision (both programmes). */
export function waitingStatuses(programme: Programme): StatusId[] {
  return STATUSES[programme].filter((info) => isOpen(programme, info.id) && (statusInfo(programme, info.id)?.awaitsDossier === true || info.id === "registered")).map((i) => i.id);
}

/**
 * The award year /thongke shows unless asked: the latest one with submissions of the programme,
 * else the year a registration made now would get. Not simply this calendar year: one award
 * year's council and decision often run into the next.
 */
export async function defaultStatsYear(submissions: SubmissionsRepository, programme: Programme, timeline: Timeline, now: Date): Promise<number> {
  return (await submissions.years(programme))[0] ?? awardYearFor(timeline, programme, now);
}

/** Award years that have submissions of the programme, newest first. */
export function yearsWithSubmissions(submissions: SubmissionsRepository, programme: Programme): Promise<number[]> {
  return submissions.years(programme);
}

/** Everything /thongke and `npm run cli -- stats` show: the repository counts, the service adds the calendar. */
export async function computeStats(submissions: SubmissionsRepository, q: StatsQuery): Promise<Stats> {
  const today = todayInVietnam(q.now);
  const f = await submissions.figures({
    programme: q.programme,
    year: q.year,
    openStatuses: STATUSES[q.programme].filter((i) => isOpen(q.programme, i.id)).map((i) => i.id),
    waitingStatuses: waitingStatuses(q.programme),
    newSince: new Date(q.now.getTime() - NEW_WINDOW_DAYS * DAY_MS).toISOString(),
    // Stalled = more than `stalledAfterDays` whole days since the last change.
    stalledBefore: new Date(q.now.getTime() - (q.stalledAfterDays + 1) * DAY_MS).toISOString(),
    ...(q.dossierItems ? { dossier: dossierRules(q.dossierItems) } : {}),
  });
  const bySector: Stats["bySector"] = { production: f.bySector.production ?? 0, services: f.bySector.services ?? 0, unknown: f.bySector.unknown ?? 0 };
  const bySize = Object.fromEntries([...SIZE_CLASSES, "unknown"].map((k) => [k, f.bySize[k] ?? 0])) as Stats["bySize"];
  const stalled: StalledSubmission[] = f.stalled.map((x) => ({ ...x, days: Math.floor((q.now.getTime() - Date.parse(x.since)) / DAY_MS) }));

  const cycle = cycleFor(q.timeline, q.programme, q.year);
  const upcoming: UpcomingPhase[] = [];
  for (const p of cycle?.phases ?? []) {
    if (p.end !== null && p.end < today) continue;
    if (p.start !== null && p.start > today) upcoming.push({ phase: p.id, start: p.start, end: p.end, daysLeft: daysBetween(today, p.start), counts: "start" });
    else if (p.end !== null) upcoming.push({ phase: p.id, start: p.start, end: p.end, daysLeft: daysBetween(today, p.end), counts: "end" });
    else if (p.start === null) upcoming.push({ phase: p.id, start: null, end: null, daysLeft: null, counts: null });
    // Started, end unknown: still running, no count to give.
    else upcoming.push({ phase: p.id, start: p.start, end: null, daysLeft: null, counts: null });
  }
  const deadline = dossierDeadline(q.timeline, q.programme, q.year);

  return {
    programme: q.programme,
    year: q.year,
    today,
    total: f.total,
    open: f.open,
    byStatus: STATUSES[q.programme].map((info) => ({ status: info.id, count: f.byStatus[info.id] ?? 0 })),
    bySector,
    bySize,
    byCommune: [...f.byCommune].sort((a, b) => b.count - a.count || (a.name ?? "").localeCompare(b.name ?? "", "vi")),
    newThisWeek: f.newSince,
    stalledAfterDays: q.stalledAfterDays,
    stalled: stalled.sort((a, b) => b.days - a.days || a.code.localeCompare(b.code)),
    dossierDeadline: { date: deadline, daysLeft: deadline === null ? null : daysBetween(today, deadline) },
    upcoming,
    hasCycle: cycle !== undefined,
    otherYearsOpen: [...f.otherYearsOpen].sort((a, b) => b.year - a.year),
    completeDossiers: f.completeDossiers,
  };
}
