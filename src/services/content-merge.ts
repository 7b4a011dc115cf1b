import type { ContentDocument } from "../domain/records/content.js";
import { firstIssue } from "../knowledge/json-file.js";
import { kbEntrySchema, sourcesFileSchema, type KbEntry, type KnowledgeContent, type SourceInfo } from "../knowledge/kb.js";
import { provinceSchema, type Province } from "../knowledge/province.js";

/** One source of data/kb/sources.json. */
export const sourceInfoSchema = sourcesFileSchema.shape.sources.element;

/** What data/ ships, with the officials' edits over it: the profile and the knowledge base the bot serves. */
export interface EditedContent {
  content: KnowledgeContent;
  province: Province;
  /** Stored documents that no longer fit their schema (a data/ change since): left out, data/'s served instead. */
  problems: string[];
}

/**
 * data/ with the edited documents over it: the province's profile replaced by its edited one, an
 * edited entry in its place, an added one after the others, added sources in the registry. Each
 * document is checked again with the schema data/ is loaded with; one that does not fit is left out
 * (and named in `problems`), so a schema change never stops the bot.
 */
export function applyEdited(shipped: KnowledgeContent, province: Province, documents: Iterable<ContentDocument>): EditedContent {
  const problems: string[] = [];
  let profile = province;
  const entries = new Map<string, KbEntry>(shipped.entries.map((e) => [e.id, e]));
  const sources = new Map<string, SourceInfo>(shipped.sources);
  for (const d of documents) {
    if (d.kind === "profile") {
      if (d.id !== province.id) continue;
      const read = provinceSchema.safeParse(d.document);
      if (read.success && read.data.id === province.id) profile = read.data;
      else problems.push(`profile ${d.id} v${d.version}: ${read.success ? "another province's id" : firstIssue(read.error)}`);
    } else if (d.kind === "source") {
      const read = sourceInfoSchema.safeParse(d.document);
      if (read.success && read.data.key === d.id) sources.set(d.id, read.data);
      else problems.push(`source ${d.id} v${d.version}: ${read.success ? "key differs" : firstIssue(read.error)}`);
    } else {
      const read = kbEntrySchema.safeParse(d.document);
      if (read.success && read.data.id === d.id) entries.set(d.id, read.data);
      else problems.push(`entry ${d.id} v${d.version}: ${read.success ? "id differs" : firstIssue(read.error)}`);
    }
  }
  return { content: { ...shipped, entries: [...entries.values()], sources }, province: profile, problems };
}
