import { contentHistoryKey, contentKey, type ContentDocument, type ContentHistoryStep } from "../domain/records/content.js";
import type { ContentRepository, ContentSave, KeyedRecords } from "./repositories.js";

/**
 * A save of one content document, the same on both backends: the document's next version under
 * its lock (held to the end of the unit, so saves of one document run one after the other), refused
 * when `expectedVersion` is stale, then its history step with the document it replaced.
 */
export async function saveContent(
  documents: Pick<KeyedRecords<ContentDocument>, "update">,
  history: Pick<KeyedRecords<ContentHistoryStep>, "put">,
  input: ContentSave,
): ReturnType<ContentRepository["save"]> {
  let refused: number | null = null;
  let previous = input.previous;
  const stored = await documents.update(contentKey(input.kind, input.id), (current) => {
    const version = current?.version ?? 0;
    if (current) previous = current.document;
    if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
      refused = version;
      return undefined;
    }
    return { kind: input.kind, id: input.id, version: version + 1, document: input.document, added: input.added, savedAt: input.at, savedBy: input.by };
  });
  if (refused !== null || !stored) return { ok: false, current: refused ?? 0 };
  await history.put(contentHistoryKey(input.kind, input.id, stored.version), {
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
}
