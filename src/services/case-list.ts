import { z } from "zod";
import { PROGRAMMES, type Programme } from "../domain/programmes.js";
import { statusIdSchema, STATUS_IDS, type StatusId } from "../domain/statuses.js";
import type { Submission } from "../domain/submission.js";
import type { SubmissionFilter, SubmissionsRepository } from "../store/repositories.js";

/** The longest page anyone may ask for (a chat shows 8; a web desk may show more). */
export const MAX_CASE_PAGE_SIZE = 50;

/**
 * What an officials' list asks for: every condition given must hold. Checked here, since a web
 * desk passes what a browser sent.
 */
export const caseListQuerySchema = z
  .object({
    programme: z.enum(PROGRAMMES).optional(),
    status: statusIdSchema.optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    /** The start of tracking codes, as `parseCodePrefix` writes it ("GT-2026"). */
    codePrefix: z
      .string()
      .regex(/^(GT|NS)(-\d{1,4}(-\d{1,6})?)?$/)
      .optional(),
    /** From 1. */
    page: z.number().int().min(1).max(100_000),
    pageSize: z.number().int().min(1).max(MAX_CASE_PAGE_SIZE),
  })
  .strict();
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

/** One line of a list: what an official needs to pick a case. */
export interface CaseRow {
  code: string;
  programme: Programme;
  awardYear: number;
  status: StatusId;
  organisation: string;
  /** When it was registered (ISO). */
  registeredAt: string;
  /** The last status change (ISO). */
  lastChangeAt: string;
}

export interface CaseList {
  rows: CaseRow[];
  /** How many match in all. */
  total: number;
  /** The page shown (1-based; the last page when the one asked for is past the end). */
  page: number;
  pageSize: number;
  pages: number;
}

export type CaseListResult = { ok: true; list: CaseList } | { ok: false; error: { key: "case-list-invalid" } };

export function caseRow(s: Submission): CaseRow {
  return {
    code: s.code,
    programme: s.programme,
    awardYear: s.awardYear,
    status: s.status,
    organisation: s.organisation.name,
    registeredAt: s.createdAt,
    lastChangeAt: s.statusHistory[s.statusHistory.length - 1]?.at ?? s.createdAt,
  };
}

const filterOf = (q: Omit<z.output<typeof caseListQuerySchema>, "page" | "pageSize">): SubmissionFilter => ({
  ...(q.programme !== undefined ? { programme: q.programme } : {}),
  ...(q.year !== undefined ? { year: q.year } : {}),
  ...(q.status !== undefined ? { statuses: [q.status] } : {}),
  ...(q.codePrefix !== undefined ? { codePrefix: q.codePrefix } : {}),
});

/**
 * The officials' queue: submissions newest first (registration time, then code), filtered by
 * programme, status, award year and the start of the code, a page at a time. A page past the end
 * gives the last one. The caller checks the role (the chat desk and the web desk both do, on every call).
 */
export async function listCases(submissions: SubmissionsRepository, query: CaseListQuery): Promise<CaseListResult> {
  const parsed = caseListQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, error: { key: "case-list-invalid" } };
  const { page, pageSize, ...rest } = parsed.data;
  const filter = filterOf(rest);
  let result = await submissions.newest(filter, (page - 1) * pageSize, pageSize);
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const shown = Math.min(page, pages);
  if (shown !== page) result = await submissions.newest(filter, (shown - 1) * pageSize, pageSize);
  return { ok: true, list: { rows: result.found.map(caseRow), total: result.total, page: shown, pageSize, pages } };
}

/**
 * How many submissions have each status, under the same conditions but the status (for the
 * list's filter buttons); statuses with none are left out, in workflow order.
 */
export async function caseStatusCounts(submissions: SubmissionsRepository, query: Omit<CaseListQuery, "page" | "pageSize" | "status">): Promise<{ status: StatusId; count: number }[]> {
  const parsed = caseListQuerySchema.omit({ page: true, pageSize: true, status: true }).safeParse(query);
  if (!parsed.success) return [];
  const counts = await submissions.statusCounts(filterOf(parsed.data));
  return STATUS_IDS.flatMap((status) => {
    const count = counts.get(status) ?? 0;
    return count > 0 ? [{ status, count }] : [];
  });
}
