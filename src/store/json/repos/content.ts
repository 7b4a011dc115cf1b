import { contentHistoryKey, contentKey, type ContentDocument, type ContentHistoryStep } from "../../../domain/records/content.js";
import { saveContent } from "../../content-save.js";
import type { ContentRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, type JsonContext } from "./context.js";

/** Two small files: the documents served now and one history step per save, walked in memory. */
export function jsonContent(ctx: JsonContext, documents: Collection<ContentDocument>, history: Collection<ContentHistoryStep>): ContentRepository {
  const docs = keyedRecords(ctx, documents);
  const steps = keyedRecords(ctx, history);
  return {
    get: (kind, id) => docs.get(contentKey(kind, id)),
    async list() {
      await documents.readyAll();
      return [...documents.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
    },
    save: (input) => saveContent(docs, steps, input),
    async history(kind, id) {
      await history.readyAll();
      const prefix = `${contentKey(kind, id)}:`;
      return [...history.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, step]) => step);
    },
    async stamp() {
      await documents.readyAll();
      let n = 0;
      for (const [, d] of documents.entries()) n += d.version;
      return n;
    },
  };
}
