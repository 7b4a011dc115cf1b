import Fuse from "fuse.js";
import { parseTaxCode } from "../domain/tax-code.js";
import { fold } from "../domain/text.js";
import { parseTrackingCode } from "../domain/tracking-code.js";
import type { Submission } from "../domain/submission.js";
import type { Submissions } from "./submissions.js";

export const MAX_SEARCH_RESULTS = 8;

export type CaseSearch =
  | { kind: "code"; submission: Submission | undefined; code: string }
  | { kind: "tax-code"; taxCode: string; found: Submission[] }
  /** `near`: no name contains the words as typed; these are spelled nearly the same. */
  | { kind: "name"; found: Submission[]; more: number; near: boolean };

/** Words that nearly every organisation name has; a query of only these finds nothing useful. */
const NOISE = /\b(cong ty|cty|tnhh|co phan|cp|mtv|mot thanh vien|hop tac xa|htx|doanh nghiep|dntn|tu nhan)\b/g;

/**
 * An official's search for a submission: a tracking code (as typed: `gt-2026-42`), a tax code
 * (dots and spaces allowed; a branch code too), or part of the organisation's name without
 * diacritics ("minh an" finds "Công ty TNHH Minh An"); when no name contains it, names spelled
 * nearly the same (fuse.js), offered as a list and never opened directly.
 */
export function searchCases(submissions: Submissions, query: string): CaseSearch {
  const text = query.trim();
  const code = parseTrackingCode(text);
  if (code) return { kind: "code", code: code.code, submission: submissions.get(code.code) };
  const tax = parseTaxCode(text);
  if (tax.ok) {
    // A company's own code also finds its branches (0314409058-001 …).
    const found = [...submissions.byTaxCode(tax.value)];
    if (!tax.value.includes("-")) {
      for (const s of submissions.all()) if (s.organisation.taxCode.startsWith(`${tax.value}-`)) found.push(s);
    }
    return { kind: "tax-code", taxCode: tax.value, found: newestFirst(found) };
  }

  const wanted = fold(text);
  const core = wanted.replace(NOISE, " ").replace(/\s+/g, " ").trim();
  if (core.length < 2) return { kind: "name", found: [], more: 0, near: false };
  const items = [...submissions.all()].map((s) => ({ s, name: fold(s.organisation.name) }));
  // Names that contain the words as typed come first; then fuse.js for typos.
  const exact = newestFirst(items.filter((i) => i.name.includes(core)).map((i) => i.s));
  const cut = (list: Submission[], near: boolean): CaseSearch => ({ kind: "name", found: list.slice(0, MAX_SEARCH_RESULTS), more: Math.max(0, list.length - MAX_SEARCH_RESULTS), near });
  if (exact.length) return cut(exact, false);
  // Nothing contains the words as typed: names spelled nearly the same (a typo, a missing word).
  const fuse = new Fuse(items, { keys: ["name"], threshold: 0.3, ignoreLocation: true });
  return cut(
    fuse.search(core).map((r) => r.item.s),
    true,
  );
}

function newestFirst(list: Submission[]): Submission[] {
  return list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.code < b.code ? 1 : -1));
}

/** Submissions with a contact change proposed by someone other than the owner, oldest first. */
export function pendingContacts(submissions: Submissions): Submission[] {
  const out: Submission[] = [];
  for (const s of submissions.all()) if (s.pendingContact) out.push(s);
  return out.sort((a, b) => (a.pendingContact!.at < b.pendingContact!.at ? -1 : 1));
}
