import path from "node:path";
import { z } from "zod";
import { loadJsonFile } from "./json-file.js";

/** The kinds of support the NSCL programme offers; the support request form and the FAQ both use this list. */
const bilingualList = z.object({ vi: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) });

export const supportKindSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  examples: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  source: z.string().min(1),
  reviewed: z.iso.date(),
  /** The FAQ's entry for this kind: phrasings users type, and lines (safe markup) added to its answer. */
  faq: z
    .object({
      questions: z.object({ vi: z.array(z.string().min(3)).min(3), en: z.array(z.string().min(3)).min(1) }),
      details: bilingualList,
      sourceExtra: z.string().min(1).optional(),
    })
    .optional(),
});
export type SupportKind = z.infer<typeof supportKindSchema>;

/** The FAQ entry listing every kind (its answer is built from the list itself). */
export const supportKindsFaqSchema = z.object({
  listQuestions: z.object({ vi: z.array(z.string().min(3)).min(3), en: z.array(z.string().min(3)).min(1) }),
});

export const supportKindsFileSchema = z.object({
  version: z.literal(1),
  faq: supportKindsFaqSchema.optional(),
  kinds: z.array(supportKindSchema).min(1),
});

export class SupportKindsError extends Error {}

export function loadSupportKinds(dataDir: string): SupportKind[] {
  const file = path.join(dataDir, "nscl-support-kinds.json");
  const { kinds } = loadJsonFile(file, supportKindsFileSchema, (m) => new SupportKindsError(m));
  const ids = new Set<string>();
  for (const kind of kinds) {
    if (ids.has(kind.id)) throw new SupportKindsError(`${file}: support kind ${kind.id} appears twice`);
    ids.add(kind.id);
  }
  return kinds;
}
