import path from "node:path";
import { z } from "zod";
import { dossierItemIdSchema, type DossierItems } from "../domain/dossier-checklist.js";
import { readJsonFile } from "./json-file.js";
import { parseSource, sourcesFileSchema } from "./kb.js";

/**
 * data/dossier-items.json: the items of an award dossier per regime. `legacy` holds the 8 items of
 * past provincial notices (domain.md §1.5); `2026.items` is null until the new regime's dossier is
 * published — an official sets it here, no code.
 */
const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const dossierItemSchema = z.strictObject({
  id: dossierItemIdSchema,
  /** Short: a button label and a line of the checklist. */
  name: z.object({ vi: z.string().min(1).max(40), en: z.string().min(1).max(40) }),
  /** The full wording of the item, as the notices list it. */
  detail: bilingual,
  required: z.boolean(),
  source: z.string().min(1),
  reviewed: z.iso.date(),
});

const regimeSchema = z.strictObject({
  items: z.array(dossierItemSchema).min(1).max(20).nullable(),
  /** Why the list is null (not published), or anything an official should know. */
  note: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  reviewed: z.iso.date().optional(),
});

export const dossierItemsFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  regimes: z.strictObject({ legacy: regimeSchema.extend({ items: z.array(dossierItemSchema).min(1).max(20) }), "2026": regimeSchema }),
});

export class DossierItemsError extends Error {}

export interface DossierItemsProblem {
  file: string;
  id: string | null;
  message: string;
}

export const dossierItemsFile = (dataDir: string): string => path.join(dataDir, "dossier-items.json");

/** Reads and checks the file: the schema, one id per item in a regime, every source in data/kb/sources.json, no review date after `today`. */
export function readDossierItems(dataDir: string, today?: string): { items: DossierItems | null; problems: DossierItemsProblem[] } {
  const file = dossierItemsFile(dataDir);
  const read = readJsonFile(file, dossierItemsFileSchema);
  if (!read.ok) return { items: null, problems: [{ file, id: null, message: read.message }] };
  const problems: DossierItemsProblem[] = [];
  const sourcesRead = readJsonFile(path.join(dataDir, "kb", "sources.json"), sourcesFileSchema);
  const known = sourcesRead.ok ? new Set(sourcesRead.value.sources.map((s) => s.key)) : null;
  if (!sourcesRead.ok) problems.push({ file, id: null, message: `cannot check sources: ${sourcesRead.message}` });
  const { regimes } = read.value;
  for (const [regime, r] of Object.entries(regimes)) {
    if (r.items === null && !r.note) problems.push({ file, id: regime, message: "a regime without items needs a note saying why" });
    if (r.source && known) for (const s of parseSource(r.source)) if (!known.has(s.key)) problems.push({ file, id: regime, message: `source "${s.key}" is not in data/kb/sources.json` });
    const ids = new Set<string>();
    for (const item of r.items ?? []) {
      if (ids.has(item.id)) problems.push({ file, id: item.id, message: `${regime}: item id appears twice` });
      ids.add(item.id);
      if (today && item.reviewed > today) problems.push({ file, id: item.id, message: `${regime}: reviewed date ${item.reviewed} is in the future` });
      if (known) for (const s of parseSource(item.source)) if (!known.has(s.key)) problems.push({ file, id: item.id, message: `${regime}: source "${s.key}" is not in data/kb/sources.json` });
    }
    if (r.items && !r.items.some((i) => i.required)) problems.push({ file, id: regime, message: "no item is required" });
  }
  return { items: { legacy: regimes.legacy.items, "2026": regimes["2026"].items }, problems };
}

/** For the bot's start: the lists, or an error naming the first problem. */
export function loadDossierItems(dataDir: string): DossierItems {
  const { items, problems } = readDossierItems(dataDir);
  const first = problems[0];
  if (first || !items) throw new DossierItemsError(`${first?.file ?? dossierItemsFile(dataDir)}${first?.id ? ` [${first.id}]` : ""}: ${first?.message ?? "unreadable"}`);
  return items;
}
