import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import { awardYearFor } from "../domain/award-year.js";
import { todayInVietnam } from "../domain/dates.js";
import type { Programme } from "../domain/programmes.js";
import { SIZE_CLASSES, type SizeClass } from "../domain/size-class.js";
import { STATUSES, isOpen, statusInfo, type StatusId } from "../domain/statuses.js";
import { SECTOR_GROUPS, type SectorGroup, type Submission } from "../domain/submission.js";
import { cycleFor, dossierDeadline, type PhaseId, type Timeline } from "../knowledge/timeline.js";

dayjs.extend(utc);

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
}

/** Whole days from `fromIso` to `toIso` (YYYY-MM-DD), negative when `toIso` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  return dayjs.utc(toIso).diff(dayjs.utc(fromIso), "day");
}

function lastChange(s: Submission): string {
  return s.statusHistory[s.statusHistory.length - 1]!.at;
}

/** Waiting on the enterprise's dossier (GTCLQG) or on a first decision (both programmes). */
function waiting(s: Submission): boolean {
  return isOpen(s.programme, s.status) && (statusInfo(s.programme, s.status)?.awaitsDossier === true || s.status === "registered");
}

/**
 * The award year /thongke shows unless asked: the latest one with submissions of the programme,
 * else the year a registration made now would get. Not simply this calendar year: one award
 * year's council and decision often run into the next.
 */
export function defaultStatsYear(all: Iterable<Submission>, programme: Programme, timeline: Timeline, now: Date): number {
  let latest = 0;
  for (const s of all) if (s.programme === programme && s.awardYear > latest) latest = s.awardYear;
  return latest || awardYearFor(timeline, programme, now);
}

/** Award years that have submissions of the programme, newest first. */
export function yearsWithSubmissions(all: Iterable<Submission>, programme: Programme): number[] {
  const years = new Set<number>();
  for (const s of all) if (s.programme === programme) years.add(s.awardYear);
  return [...years].sort((a, b) => b - a);
}

/** One pass over the submissions; everything /thongke and `npm run cli -- stats` show. */
export function computeStats(all: Iterable<Submission>, q: StatsQuery): Stats {
  const today = todayInVietnam(q.now);
  const counts = new Map<StatusId, number>();
  const bySector: Stats["bySector"] = { production: 0, services: 0, unknown: 0 };
  const bySize = Object.fromEntries([...SIZE_CLASSES, "unknown"].map((k) => [k, 0])) as Stats["bySize"];
  const communes = new Map<string, { key: string | null; name: string | null; count: number }>();
  const otherYears = new Map<number, number>();
  const stalled: StalledSubmission[] = [];
  const weekAgo = q.now.getTime() - NEW_WINDOW_DAYS * DAY_MS;
  let total = 0;
  let open = 0;
  let newThisWeek = 0;

  for (const s of all) {
    if (s.programme !== q.programme) continue;
    if (s.awardYear !== q.year) {
      if (isOpen(s.programme, s.status)) otherYears.set(s.awardYear, (otherYears.get(s.awardYear) ?? 0) + 1);
      continue;
    }
    total++;
    counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    if (isOpen(s.programme, s.status)) open++;
    const o = s.organisation;
    bySector[o.sectorGroup && (SECTOR_GROUPS as readonly string[]).includes(o.sectorGroup) ? o.sectorGroup : "unknown"]++;
    bySize[o.sizeClass ?? "unknown"]++;
    const key = o.address.communeKey;
    const c = communes.get(key ?? "") ?? { key, name: o.address.commune, count: 0 };
    c.count++;
    communes.set(key ?? "", c);
    if (Date.parse(s.createdAt) >= weekAgo) newThisWeek++;
    if (waiting(s)) {
      const since = lastChange(s);
      const days = Math.floor((q.now.getTime() - Date.parse(since)) / DAY_MS);
      if (days > q.stalledAfterDays) stalled.push({ code: s.code, organisation: o.name, status: s.status, since, days });
    }
  }

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
    total,
    open,
    byStatus: STATUSES[q.programme].map((info) => ({ status: info.id, count: counts.get(info.id) ?? 0 })),
    bySector,
    bySize,
    byCommune: [...communes.values()].sort((a, b) => b.count - a.count || (a.name ?? "").localeCompare(b.name ?? "", "vi")),
    newThisWeek,
    stalledAfterDays: q.stalledAfterDays,
    stalled: stalled.sort((a, b) => b.days - a.days || a.code.localeCompare(b.code)),
    dossierDeadline: { date: deadline, daysLeft: deadline === null ? null : daysBetween(today, deadline) },
    upcoming,
    hasCycle: cycle !== undefined,
    otherYearsOpen: [...otherYears].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year),
  };
}
