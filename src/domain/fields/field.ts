import type { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import { raw, type MessageArgs } from "../../core/i18n.js";
import { esc, type Markup } from "../../core/markup.js";
import type { FileRef, Locale } from "../../core/types.js";
import type { Submission } from "../submission.js";
import { valueAt, type FieldPath, type StoredAt } from "./path.js";

/** Texts in the reader's language; a turn's context is one. */
export interface Words {
  readonly locale: Locale;
  t(key: string, args?: MessageArgs): Markup;
}

/** What the owner's and officials' view needs besides texts: the names of the support kinds (a data file). */
export interface Reader extends Words {
  supportKindName(id: string): string;
}

/** An export's view: plain text of a key in the export's language. */
export interface Exporter {
  readonly locale: Locale;
  label(key: string): string;
  supportKindName(id: string): string;
}

export type Cell = string | number | Date | null;
export type CellKind = "text" | "number" | "date" | "datetime";

/** A column of the submissions sheet. */
export interface Column {
  key: string;
  kind: CellKind;
  cell(s: Submission, x: Exporter): Cell;
}

/** Lines for several fields read together (the contact); a field list names it and it is shown once. */
export interface SharedLines {
  shared: "lines";
  lines(s: Submission, r: Reader): readonly (Markup | null)[];
}

/** One column for several fields (the certificates and the "other" ones); written once. */
export interface SharedColumn {
  shared: "column";
  column: Column;
}

/** What the form knows besides the answers. */
export interface FormFacts {
  files: readonly FileRef[];
  now: Date;
}

/** Answers by field id, as the form keeps them. */
export type Answers = Readonly<Record<string, JsonValue | undefined>>;

/** A column of one field: the cell is the value (or its choice's label) unless `cell` says otherwise. */
export interface OwnColumn<V> {
  key: string;
  kind?: CellKind;
  cell?(value: V, s: Submission, x: Exporter): Cell;
}

interface Presentation<V> {
  /** Shown in the form's summary, on its "Sửa" button and on the owner's line. */
  labelKey: string;
  /** A choice: the label key of an option (of each option, for a list). */
  choiceKey?(item: string): string;
  /** How a value reads (the summary and the owner's line); default: its choice's label, or the text. */
  show?(value: V, w: Words): Markup;
  /** The owner's and officials' line, when it is not "label: show(value)" — or lines shared with other fields. */
  line?: ((value: V, s: Submission, r: Reader) => Markup | null) | SharedLines;
  /** The export's columns, in order; [] = not exported (say why where it is declared). */
  columns: readonly (OwnColumn<V> | SharedColumn)[];
}

/** A question whose answer is stored as given, at `path`. */
export interface FieldSpec<P extends FieldPath> extends Presentation<NonNullable<StoredAt<P>>> {
  /** The answer's id in the forms (letters only: it is in button data). */
  id: string;
  path: P;
  /** The answer's shape, checked when a saved form is loaded and when the submission is built. */
  schema: z.ZodType<NonNullable<StoredAt<P>> & JsonValue>;
  /** Stored when the form did not ask it; without it the answer is required wherever its part is stored. */
  absent?: StoredAt<P>;
}

/** A value stored from the form but not as an answer: computed from answers, or the files sent. */
export interface DerivedSpec<P extends FieldPath> extends Presentation<NonNullable<StoredAt<P>>> {
  path: P;
  /** The step that collects it, if one does (the files). */
  step?: { id: string; schema: z.ZodType<JsonValue> };
  from(answers: Answers, facts: FormFacts): StoredAt<P>;
}

/** A field with the types erased, for the code that derives from all of them. */
export interface SubmissionField {
  readonly path: FieldPath;
  readonly labelKey: string;
  /** The answer in the forms; null for a value no one is asked. */
  readonly answer: { id: string; schema: z.ZodType<JsonValue> } | null;
  /** Has a value to store when the form did not ask it (`absent`, or derived). */
  readonly optional: boolean;
  /** The value to store, from the typed answers (undefined = not answered). */
  stored(answers: Answers, facts: FormFacts): unknown;
  choiceKey?(item: string): string;
  show?(value: JsonValue, w: Words): Markup;
  readonly line: ((s: Submission, r: Reader) => Markup | null) | SharedLines;
  readonly columns: readonly Column[];
}

export type AnsweredField = SubmissionField & { readonly answer: { id: string; schema: z.ZodType<JsonValue> } };

/** "• Label: value"; no line without a value. */
export function line(r: Words, labelKey: string, value: Markup | null): Markup | null {
  return value === null ? null : r.t("form-summary-line", { label: raw(r.t(labelKey)), value: raw(value) });
}

/** A date as Excel shows it: midnight, no time zone. */
export function excelDate(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00.000Z`);
}

export function sharedLines(lines: SharedLines["lines"]): SharedLines {
  return { shared: "lines", lines };
}

export function sharedColumn(key: string, kind: CellKind, cell: Column["cell"]): SharedColumn {
  return { shared: "column", column: { key, kind, cell } };
}

/** How the two kinds of field read and are exported, from the parts they declare. */
function present<P extends FieldPath>(spec: Presentation<NonNullable<StoredAt<P>>>, path: P, schema: z.ZodType<NonNullable<StoredAt<P>>> | null) {
  type V = NonNullable<StoredAt<P>>;
  const choice = (value: V, label: (key: string) => string): string | null => (spec.choiceKey && typeof value === "string" ? label(spec.choiceKey(value)) : null);
  const reads = (value: V, w: Words): Markup => {
    if (spec.show) return spec.show(value, w);
    if (spec.choiceKey && typeof value === "string") return w.t(spec.choiceKey(value));
    return esc(String(value));
  };
  const stored = (s: Submission): V | null => valueAt(s, path) ?? null;
  const own = spec.line;
  const lineOf: SubmissionField["line"] =
    own && "shared" in own
      ? own
      : (s, r) => {
          const value = stored(s);
          if (value === null) return null;
          return own ? own(value, s, r) : line(r, spec.labelKey, reads(value, r));
        };
  const columns = spec.columns.map((c): Column => {
    if ("shared" in c) return c.column;
    return {
      key: c.key,
      kind: c.kind ?? "text",
      cell(s, x) {
        const value = stored(s);
        if (value === null) return null;
        if (c.cell) return c.cell(value, s, x);
        return choice(value, (k) => x.label(k)) ?? (typeof value === "number" || typeof value === "string" ? value : null);
      },
    };
  });
  // The summary reads the answer as it is kept (JSON): checked against the schema, then typed.
  const show = (value: JsonValue, w: Words): Markup => {
    const parsed = schema?.safeParse(value);
    return parsed?.success ? reads(parsed.data, w) : esc(String(value));
  };
  return {
    labelKey: spec.labelKey,
    ...(spec.choiceKey ? { choiceKey: spec.choiceKey } : {}),
    ...(spec.show ? { show } : {}),
    line: lineOf,
    columns,
  };
}

/** A question whose answer is stored as given. */
export function field<P extends FieldPath>(spec: FieldSpec<P>): AnsweredField {
  return {
    path: spec.path,
    answer: { id: spec.id, schema: spec.schema },
    optional: spec.absent !== undefined,
    stored: (answers) => (answers[spec.id] === undefined || answers[spec.id] === null ? spec.absent : answers[spec.id]),
    ...present(spec, spec.path, spec.schema),
  };
}

/** A value the form stores without asking it as such. */
export function derivedField<P extends FieldPath>(spec: DerivedSpec<P> & Required<Pick<DerivedSpec<P>, "step">>): AnsweredField;
export function derivedField<P extends FieldPath>(spec: DerivedSpec<P>): SubmissionField;
export function derivedField<P extends FieldPath>(spec: DerivedSpec<P>): SubmissionField {
  return {
    path: spec.path,
    answer: spec.step ?? null,
    optional: true,
    stored: (answers, facts) => spec.from(answers, facts),
    ...present(spec, spec.path, null),
  };
}
