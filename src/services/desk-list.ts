import { PROGRAMMES, type Programme } from "../domain/programmes.js";
import type { SizeClass } from "../domain/size-class.js";
import { STATUSES, isOpen, type StatusId } from "../domain/statuses.js";
import type { SectorGroup, Submission } from "../domain/submission.js";
import { fold } from "../domain/text.js";
import type { SubmissionFilter, SubmissionsRepository } from "../store/repositories.js";
import { searchCases } from "./case-search.js";
import { waitingStatuses } from "./stats.js";

const DAY_MS = 86_400_000;
/** Rows read per query. */
const SLICE = 1000;
/** A name search lists at most this many (it is a search, not a list). */
const SEARCH_LIMIT = 500;

export const DOSSIER_SORTS = ["code", "name", "changed", "created"] as const;
export type DossierSort = (typeof DOSSIER_SORTS)[number];

/** The officials' web desk's list: the filters of /thongke and /xuat, a search, a sort and a page. */
export interface DossierQuery {
  programme?: Programme;
  year?: number;
  /** One status, or every status still moving. */
  status?: StatusId | "open";
  sector?: SectorGroup | "unknown";
  size?: SizeClass | "unknown";
  /** `organisation.address.communeKey`. */
  commune?: string;
  /** Waiting (for the dossier, or a first decision) longer than the desk's STALLED_AFTER_DAYS. */
  stalled?: boolean;
  /** A tracking code, a tax code, or part of the name (diacritics optional), as /hoso takes it. */
  q?: string;
}

export interface DossierPage {
  rows: Submission[];
  /** How many match the filters in all. */
  total: number;
  page: number;
  pages: number;
  /** Of those matching, by status id (the two programmes share ids such as `registered`). */
  byStatus: Record<string, number>;
  /** The search found names spelled nearly the same, not containing it. */
  near: boolean;
}

const lastChange = (s: Submission) => s.statusHistory[s.statusHistory.length - 1]!.at;

/** Whether the submission waits longer than `stalledAfterDays` whole days (the /thongke rule). */
export function isStalled(s: Submission, now: Date, stalledAfterDays: number): boolean {
  return waitingStatuses(s.programme).includes(s.status) && Date.parse(lastChange(s)) <= now.getTime() - (stalledAfterDays + 1) * DAY_MS;
}

/** Every submission matching the query, in code order: the list's rows before paging, and the exports. */
export async function selectDossiers(repo: SubmissionsRepository, query: DossierQuery, now: Date, stalledAfterDays: number): Promise<{ list: Submission[]; near: boolean }> {
  let candidates: Submission[];
  let near = false;
  if (query.q && query.q.trim()) {
    const found = await searchCases(repo, query.q, SEARCH_LIMIT);
    candidates = found.kind === "code" ? (found.submission ? [found.submission] : []) : found.found;
    near = found.kind === "name" && found.near;
  } else {
    // What the repository can filter on, it filters (one query per programme: "open" depends on it).
    candidates = [];
    for (const programme of query.programme ? [query.programme] : PROGRAMMES) {
      const statuses = query.status === "open" ? STATUSES[programme].filter((i) => isOpen(programme, i.id)).map((i) => i.id) : query.status ? [query.status] : undefined;
      if (statuses && statuses.length === 0) continue;
      const filter: SubmissionFilter = {
        programme,
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(statuses ? { statuses } : {}),
        ...(query.sector && query.sector !== "unknown" ? { sectorGroup: query.sector } : {}),
        ...(query.commune ? { communeKey: query.commune } : {}),
      };
      for (let after: string | null = null; ; ) {
        const slice = await repo.page(filter, after, SLICE);
        candidates.push(...slice);
        if (slice.length < SLICE) break;
        after = slice[slice.length - 1]!.code;
      }
    }
  }
  const list = candidates.filter((s) => {
    if (query.programme && s.programme !== query.programme) return false;
    if (query.year !== undefined && s.awardYear !== query.year) return false;
    if (query.status === "open" && !isOpen(s.programme, s.status)) return false;
    if (query.status && query.status !== "open" && s.status !== query.status) return false;
    if (query.sector && (s.organisation.sectorGroup ?? "unknown") !== query.sector) return false;
    if (query.size && (s.organisation.sizeClass ?? "unknown") !== query.size) return false;
    if (query.commune && s.organisation.address.communeKey !== query.commune) return false;
    if (query.stalled && !isStalled(s, now, stalledAfterDays)) return false;
    return true;
  });
  return { list: list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)), near };
}

function comparator(sort: DossierSort): (a: Submission, b: Submission) => number {
  switch (sort) {
    case "code":
      return (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    case "name": {
      return (a, b) => fold(a.organisation.name).localeCompare(fold(b.organisation.name)) || (a.code < b.code ? -1 : 1);
    }
    case "changed":
      return (a, b) => lastChange(a).localeCompare(lastChange(b)) || (a.code < b.code ? -1 : 1);
    case "created":
      return (a, b) => a.createdAt.localeCompare(b.createdAt) || (a.code < b.code ? -1 : 1);
  }
}

/** One page of the list, with the counts of everything matching. */
export async function listDossiers(
  repo: SubmissionsRepository,
  query: DossierQuery,
  view: { sort: DossierSort; descending: boolean; page: number; perPage: number },
  now: Date,
  stalledAfterDays: number,
): Promise<DossierPage> {
  const { list, near } = await selectDossiers(repo, query, now, stalledAfterDays);
  const byStatus: Record<string, number> = {};
  for (const s of list) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
  const compare = comparator(view.sort);
  const sorted = view.sort === "code" && !view.descending ? list : [...list].sort(view.descending ? (a, b) => compare(b, a) : compare);
  const pages = Math.max(1, Math.ceil(list.length / view.perPage));
  const page = Math.min(Math.max(1, view.page), pages);
  return { rows: sorted.slice((page - 1) * view.perPage, page * view.perPage), total: list.length, page, pages, byStatus, near };
}

