import { PROGRAMMES, type Programme } from "../domain/programmes.js";
import type { SizeClass } from "../domain/size-class.js";
import { STATUSES, isOpen, type StatusId } from "../domain/statuses.js";
import type { SectorGroup, Submission } from "../domain/submission.js";
import type { SubmissionFilter, SubmissionsRepository } from "../store/repositories.js";
import { searchCases } from "./case-search.js";
import { waitingStatuses } from "./stats.js";

const DAY_MS = 86_400_000;
/** A name search lists at most this many (it is a search, not a list). */
const SEARCH_LIMIT = 500;
/** An export holds at most this many rows (a province has a few thousand). */
const EXPORT_LIMIT = 100_000;

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
/** Stalled = more than `stalledAfterDays` whole days since the last change (the /thongke rule). */
const stalledBefore = (now: Date, stalledAfterDays: number) => new Date(now.getTime() - (stalledAfterDays + 1) * DAY_MS).toISOString();

/** Whether the submission waits longer than `stalledAfterDays` whole days (the /thongke rule). */
export function isStalled(s: Submission, now: Date, stalledAfterDays: number): boolean {
  return waitingStatuses(s.programme).includes(s.status) && lastChange(s) <= stalledBefore(now, stalledAfterDays);
}

/**
 * The query as repository filters, one per programme ("open" and "stalled" depend on the
 * programme's workflow); none when no status of a programme can match.
 */
export function dossierFilters(query: DossierQuery, now: Date, stalledAfterDays: number): SubmissionFilter[] {
  return (query.programme ? [query.programme] : PROGRAMMES).flatMap((programme): SubmissionFilter[] => {
    let statuses: StatusId[] | undefined =
      query.status === "open" ? STATUSES[programme].filter((i) => isOpen(programme, i.id)).map((i) => i.id) : query.status ? [query.status] : undefined;
    if (query.stalled) {
      const waiting = waitingStatuses(programme);
      statuses = statuses ? statuses.filter((s) => waiting.includes(s)) : waiting;
    }
    // A status of the other programme matches nothing here.
    if (statuses) statuses = statuses.filter((s) => STATUSES[programme].some((i) => i.id === s));
    if (statuses && statuses.length === 0) return [];
    return [
      {
        programme,
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(statuses ? { statuses } : {}),
        ...(query.sector ? { sectorGroup: query.sector === "unknown" ? null : query.sector } : {}),
        ...(query.size ? { sizeClass: query.size === "unknown" ? null : query.size } : {}),
        ...(query.commune ? { communeKey: query.commune } : {}),
        ...(query.stalled ? { changedBefore: stalledBefore(now, stalledAfterDays) } : {}),
      },
    ];
  });
}

/** The codes a search finds (as /hoso searches), or undefined for no search. */
async function searched(repo: SubmissionsRepository, q: string | undefined): Promise<{ codes?: string[]; near: boolean }> {
  if (!q || !q.trim()) return { near: false };
  const found = await searchCases(repo, q, SEARCH_LIMIT);
  if (found.kind === "code") return { codes: found.submission ? [found.submission.code] : [], near: false };
  // The start of a code ("GT-2026"): every code that starts so, as the /hoso queue lists them.
  if (found.kind === "prefix") return { codes: (await repo.newest({ codePrefix: found.prefix }, 0, SEARCH_LIMIT)).found.map((s) => s.code), near: false };
  return { codes: found.found.map((s) => s.code), near: found.kind === "name" && found.near };
}

/** One page of the list, with the counts of everything matching; the repository filters, sorts and counts. */
export async function listDossiers(
  repo: SubmissionsRepository,
  query: DossierQuery,
  view: { sort: DossierSort; descending: boolean; page: number; perPage: number },
  now: Date,
  stalledAfterDays: number,
): Promise<DossierPage> {
  const anyOf = dossierFilters(query, now, stalledAfterDays);
  const search = await searched(repo, query.q);
  if (anyOf.length === 0 || search.codes?.length === 0) return { rows: [], total: 0, page: 1, pages: 1, byStatus: {}, near: search.near };
  const first = await repo.list({ anyOf, ...(search.codes ? { codes: search.codes } : {}), sort: view.sort, descending: view.descending, offset: (Math.max(1, view.page) - 1) * view.perPage, limit: view.perPage });
  const pages = Math.max(1, Math.ceil(first.total / view.perPage));
  // A page past the end shows the last one.
  const page = Math.min(Math.max(1, view.page), pages);
  const result = page === view.page ? first : await repo.list({ anyOf, ...(search.codes ? { codes: search.codes } : {}), sort: view.sort, descending: view.descending, offset: (page - 1) * view.perPage, limit: view.perPage });
  return { rows: result.rows, total: result.total, page, pages, byStatus: result.byStatus, near: search.near };
}

/** Every submission matching the query, in code order: what the exports hold. */
export async function selectDossiers(repo: SubmissionsRepository, query: DossierQuery, now: Date, stalledAfterDays: number): Promise<{ list: Submission[]; near: boolean }> {
  const anyOf = dossierFilters(query, now, stalledAfterDays);
  const search = await searched(repo, query.q);
  if (anyOf.length === 0 || search.codes?.length === 0) return { list: [], near: search.near };
  const { rows } = await repo.list({ anyOf, ...(search.codes ? { codes: search.codes } : {}), sort: "code", descending: false, offset: 0, limit: EXPORT_LIMIT });
  return { list: rows, near: search.near };
}
