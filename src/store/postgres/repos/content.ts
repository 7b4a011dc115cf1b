import { z } from "zod";
import { contentHistoryKey, contentKey, type ContentDocument, type ContentHistoryStep } from "../../../domain/records/content.js";
import type { ContentRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import type { Table } from "../table.js";

const LIST = sql(`SELECT key, record FROM content ORDER BY key`);
const HISTORY = sql(`SELECT key, record FROM content_history WHERE kind = $1 AND doc_id = $2 ORDER BY version`);
const STAMP = sql(`SELECT coalesce(sum(version), 0)::int AS n FROM content`);
const stampSchema = z.object({ n: z.number().int().min(0) });

/** The edited documents and their history: the document's row locked for a save, its history row written in the same transaction. */
export function pgContent(ctx: PgContext, documents: Table<ContentDocument>, history: Table<ContentHistoryStep>): ContentRepository {
  return {
    get: (kind, id) => documents.get(contentKey(kind, id)),
    async list() {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(LIST, []);
      return rows.map((row) => documents.parse(row.key, row.record));
    },
    async save(input) {
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
    },
    async history(kind, id) {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(HISTORY, [kind, id]);
      return rows.map((row) => history.parse(row.key, row.record));
    },
    async stamp() {
      const { rows } = await ctx.read(STAMP, []);
      return ctx.checkRead(stampSchema, rows[0], "content stamp").n;
    },
  };
}
