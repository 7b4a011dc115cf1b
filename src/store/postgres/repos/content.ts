import { z } from "zod";
import { contentHistoryKey, contentKey, type ContentDocument, type ContentHistoryStep } from "../../../domain/records/content.js";
import { saveContent } from "../../content-save.js";
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
    save: (input) => saveContent(documents, history, input),
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
