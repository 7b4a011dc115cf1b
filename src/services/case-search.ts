import { parseTaxCode } from "../domain/tax-code.js";
import { fold } from "../domain/text.js";
import { parseCodePrefix, parseTrackingCode } from "../domain/tracking-code.js";
import type { Submission } from "../domain/submission.js";
import type { SubmissionsRepository } from "../store/repositories.js";

export const MAX_SEARCH_RESULTS = 8;

export type CaseSearch =
  | { kind: "code"; submission: Submission | undefined; code: string }
  | { kind: "tax-code"; taxCode: string; found: Submission[] }
  /** The start of a code ("GT-2026"): listed with `listCases`, newest first. */
  | { kind: "prefix"; prefix: string }
  /** `near`: no name contains the words as typed; these are spelled nearly the same. */
  | { kind: "name"; found: Submission[]; more: number; near: boolean };

/** Words that nearly every organisation name has; a query of only these finds nothing useful. */
const NOISE = /\b(cong ty|cty|tnhh|co phan|cp|mtv|mot thanh vien|hop tac xa|htx|doanh nghiep|dntn|tu nhan)\b/g;

/**
 * An official's search for a submission: a tracking code (as typed: `gt-2026-42`) or its start
 * (`GT-2026`: every code beginning so, for `listCases`), a tax code
 * (dots and spaces allowed; a company's code also finds its branches), or part of the
 * organisation's name without diacritics ("minh an" finds "Công ty TNHH Minh An"); when no name
 * contains it, names spelled nearly the same, offered as a list and never opened directly. The
 * repository answers each (the JSON backend from memory, PostgreSQL from its indexes).
 */
export async function searchCases(submissions: SubmissionsRepository, query: string): Promise<CaseSearch> {
  const text = query.trim();
  const code = parseTrackingCode(text);
  if (code) return { kind: "code", code: code.code, submission: await submissions.get(code.code) };
  const prefix = parseCodePrefix(text);
  if (prefix) return { kind: "prefix", prefix };
  const tax = parseTaxCode(text);
  if (tax.ok) return { kind: "tax-code", taxCode: tax.value, found: await submissions.byTaxCode(tax.value, true) };

  const core = fold(text).replace(NOISE, " ").replace(/\s+/g, " ").trim();
  if (core.length < 2) return { kind: "name", found: [], more: 0, near: false };
  const exact = await submissions.nameContains(core, MAX_SEARCH_RESULTS);
  if (exact.total > 0) return { kind: "name", found: exact.found, more: Math.max(0, exact.total - MAX_SEARCH_RESULTS), near: false };
  // Nothing contains the words as typed: names spelled nearly the same (a typo, a missing word).
  const near = await submissions.nameSimilar(core, MAX_SEARCH_RESULTS + 1);
  return { kind: "name", found: near.slice(0, MAX_SEARCH_RESULTS), more: Math.max(0, near.length - MAX_SEARCH_RESULTS), near: true };
}

/** Submissions with a contact change proposed by someone other than the owner, oldest first. */
export function pendingContacts(submissions: SubmissionsRepository, limit = 50): Promise<Submission[]> {
  return submissions.pendingContacts(limit);
}
