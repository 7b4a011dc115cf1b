import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import type { Markup } from "../../core/markup.js";
import type { Programme } from "../programmes.js";
import { awardEntrySchema, contactSchema, organisationSchema, submissionSchema, supportRequestSchema, type Submission } from "../submission.js";
import type { Answers, Column, FormFacts, Reader, SharedLines, SubmissionField } from "./field.js";
import { SUBMISSION_FIELDS } from "./fields.js";
import { PART_PROGRAMME, partOf, valueAt, type FormParts, type PartName } from "./path.js";

/** Everything below is read off the field declarations: nothing here names a field. */

const answered = SUBMISSION_FIELDS.flatMap((f) => (f.answer ? [{ field: f, answer: f.answer }] : []));

/** Must be answered in every registration: stored in a part every programme has, with nothing to store instead. */
const required = (f: SubmissionField) => !f.optional && (partOf(f.path) === null || PART_PROGRAMME[partOf(f.path)!.part] === null);

/** Everything a registration form collected, read back through the fields' schemas. */
export const answersSchema = z.object(
  Object.fromEntries(answered.map(({ field, answer }) => [answer.id, required(field) ? answer.schema : answer.schema.nullable().optional()])),
);

const PART_SCHEMAS = { organisation: organisationSchema, award: awardEntrySchema, support: supportRequestSchema, contact: contactSchema } as const;

const formPartsSchema = z.object({
  consentAt: submissionSchema.shape.consentAt,
  organisation: organisationSchema,
  award: awardEntrySchema.nullable(),
  support: supportRequestSchema.nullable(),
  contact: contactSchema,
  documents: submissionSchema.shape.documents,
});

/**
 * The stored parts of a submission from a finished form, each field at its path. A part kept
 * for one programme (the award entry, the support request) is there only for that programme and
 * when its required fields were answered.
 */
export function storedParts(programme: Programme, answers: Answers, facts: FormFacts): FormParts {
  const typed = answersSchema.parse(answers);
  const top: Record<string, unknown> = {};
  const parts: Record<PartName, Record<string, unknown>> = { organisation: {}, award: {}, support: {}, contact: {} };
  const missing = new Set<PartName>();
  for (const f of SUBMISSION_FIELDS) {
    const value = f.stored(typed, facts);
    const at = partOf(f.path);
    if (!at) top[f.path] = value;
    else if (value === undefined) missing.add(at.part);
    else parts[at.part][at.key] = value;
  }
  const kept = (part: PartName) => {
    const only = PART_PROGRAMME[part];
    return only !== null && (only !== programme || missing.has(part)) ? null : parts[part];
  };
  return formPartsSchema.parse({ ...top, organisation: kept("organisation"), award: kept("award"), support: kept("support"), contact: kept("contact") });
}

/** One part from the answers of a form that asks only it (the contact update). */
export function partFrom<G extends PartName>(part: G, answers: Answers): z.output<(typeof PART_SCHEMAS)[G]> {
  const out: Record<string, JsonValue | undefined> = {};
  for (const { field, answer } of answered) {
    const at = partOf(field.path);
    if (at?.part === part) out[at.key] = answers[answer.id];
  }
  return PART_SCHEMAS[part].parse(out) as z.output<(typeof PART_SCHEMAS)[G]>;
}

/** The answers that would give a stored part again (to start a form from what is on record). */
export function answersFrom(part: PartName, s: FormParts): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const { field, answer } of answered) {
    if (partOf(field.path)?.part !== part) continue;
    const value = answer.schema.safeParse(valueAt(s, field.path));
    if (value.success) out[answer.id] = value.data;
  }
  return out;
}

/** The fields' lines as the owner and the officials read them; lines shared by several fields once. */
export function fieldLines(s: Submission, r: Reader): Markup[] {
  const seen = new Set<SharedLines>();
  const out: (Markup | null)[] = [];
  for (const f of SUBMISSION_FIELDS) {
    if (typeof f.line === "function") out.push(f.line(s, r));
    else if (!seen.has(f.line)) {
      seen.add(f.line);
      out.push(...f.line.lines(s, r));
    }
  }
  return out.filter((l): l is Markup => l !== null);
}

/** The fields' export columns, in order; a column shared by several fields once. */
export const FIELD_COLUMNS: readonly Column[] = [...new Set(SUBMISSION_FIELDS.flatMap((f) => f.columns))];
