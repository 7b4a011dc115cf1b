import type { MessageArgs } from "../core/i18n.js";
import { dateText, readDate } from "../domain/dates.js";
import type { ContentProblem } from "../knowledge/kb.js";

/**
 * What is wrong with an official's edit, next to the field it belongs to (`unit.phone`,
 * `award.phases.dossier-deadline.end`, `answer.vi`; null = the edit as a whole), as a message key
 * of locales/{vi,en}/content.ftl (or validation.ftl) — a value, never a throw.
 */
export interface FieldProblem {
  field: string | null;
  messageKey: string;
  args?: MessageArgs;
}

/** A save's outcome: kept (with the document's new version), or refused with every problem found and nothing kept. */
export type SaveResult = { ok: true; version: number } | { ok: false; problems: FieldProblem[] };

export const problem = (field: string | null, messageKey: string, args?: MessageArgs): FieldProblem => (args ? { field, messageKey, args } : { field, messageKey });

/** A zod issue's path as a field name (`unit.phone`, `timeline.cycles.2.phases.0.end`). */
export const fieldOf = (path: readonly PropertyKey[]): string | null => (path.length ? path.map(String).join(".") : null);

/** A `kb check` problem found in the edited content (its message is the check's own English line). */
export const checkProblem = (field: string | null, p: ContentProblem): FieldProblem => problem(field, "content-error-check", { problem: p.message });

/** Text an official typed, on one line: control characters become spaces, spaces single, trimmed. */
export function cleanLine(text: string): string {
  return text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A date an official typed or a date field sent (`15/3/2026`, `2026-03-15`): the ISO day, null for empty, or why not. */
export function readDay(text: string | null | undefined): { ok: true; date: string | null } | { ok: false; key: string } {
  const plain = cleanLine(text ?? "");
  if (plain === "") return { ok: true, date: null };
  const read = readDate(dateText(plain));
  if (!read || !read.ok || read.value.precision !== "day") return { ok: false, key: "content-error-date" };
  return { ok: true, date: read.value.date };
}
