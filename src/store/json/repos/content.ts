import { contentHistoryKey, contentKey, type ContentDocument, type ContentHistoryStep } from "../../../domain/records/content.js";
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
    async save(input) {
      let refused: number | null = null;
      let previous = input.previous;
      // The document's lock is held to the end of the unit: saves of one document run one after the other.
      const stored = await docs.update(contentKey(input.kind, input.id), (current) => {
        const version = current?.version ?? 0;
        if (current) previous = current.document;
        if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
          refused = version;
          return undefined;
        }
        return { kind: input.kind, id: input.id, version: version + 1, document: input.document, added: input.added, savedAt: input.at, savedBy: input.by };
      });
      if (refused !== null || !stored) return { ok: false, current: refused ?? 0 };
      await steps.put(contentHistoryKey(input.kind, input.id, stored.version), {
        kind: input.kind,
        id: input.id,
        version: stored.version,
        at: input.at,
        by: input.by,
        role: input.role,
        via: input.via,
        previous,
        next: input.document,
      });
      return { ok: true, document: stored };
    },
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
