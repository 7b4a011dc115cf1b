import type { Programme } from "../programmes.js";
import type { Submission } from "../submission.js";

/** The parts of a submission a registration form fills. */
export type FormParts = Pick<Submission, "consentAt" | "organisation" | "award" | "support" | "contact" | "documents">;

export type PartName = "organisation" | "award" | "support" | "contact";

/** Parts kept only for one programme (the award's product, the support request); null = for both. */
export const PART_PROGRAMME: Readonly<Record<PartName, Programme | null>> = {
  organisation: null,
  award: "gtclqg",
  support: "nscl",
  contact: null,
};

type Members<G extends PartName> = NonNullable<FormParts[G]>;

/** Where a field lands in the stored submission: `organisation.employees`, `consentAt`. */
export type FieldPath = { [G in PartName]: `${G}.${keyof Members<G> & string}` }[PartName] | "consentAt" | "documents";

/** The stored type at a path. */
export type StoredAt<P extends FieldPath> = P extends `${infer G extends PartName}.${infer K}`
  ? K extends keyof Members<G>
    ? Members<G>[K]
    : never
  : P extends keyof FormParts
    ? FormParts[P]
    : never;

const PART_NAMES = Object.keys(PART_PROGRAMME) as readonly string[];
const isPart = (name: string): name is PartName => PART_NAMES.includes(name);

/** The part a path is in, or null for a top-level field. */
export function partOf(path: FieldPath): { part: PartName; key: string } | null {
  const [head = "", key] = path.split(".");
  return key !== undefined && isPart(head) ? { part: head, key } : null;
}

export function programmeOfPart(path: FieldPath): Programme | null {
  const at = partOf(path);
  return at ? PART_PROGRAMME[at.part] : null;
}

/** The stored value at a path; null when its part is not there (no award entry for a support request). */
export function valueAt<P extends FieldPath>(s: FormParts, path: P): StoredAt<P> | null {
  const at = partOf(path);
  const holder: object | null = at ? s[at.part] : s;
  const key = at ? at.key : path;
  if (holder === null || !(key in holder)) return null;
  // The path's type says what is there; zod checked the record when it was read.
  return (holder as Record<string, unknown>)[key] as StoredAt<P>;
}
