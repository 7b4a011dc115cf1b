import type { DialogState } from "../../../core/feature.js";
import { NoUnitOfWorkError } from "../../port.js";
import type { DialogsRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

/** Each expired dialog to one caller: rows another unit holds are skipped, not waited for. */
const TAKE = sql(`
  WITH taken AS (
    DELETE FROM dialogs WHERE key IN (
      SELECT key FROM dialogs WHERE flow = ANY($1::text[]) AND updated_at < $2
      ORDER BY updated_at, key LIMIT $3 FOR UPDATE SKIP LOCKED)
    RETURNING key, updated_at, record)
  SELECT key, record FROM taken ORDER BY updated_at, key`);
const NEWEST = sql(`SELECT max(updated_at) AS newest FROM dialogs WHERE flow = ANY($1::text[]) AND ($2::timestamptz IS NULL OR updated_at < $2)`);
const ANY_EXPIRED = sql(`SELECT EXISTS (SELECT 1 FROM dialogs WHERE flow = ANY($1::text[]) AND updated_at < $2) AS found`);

export function pgDialogs(ctx: PgContext, table: Table<DialogState>): DialogsRepository {
  return {
    ...keyedRecords(table),
    async takeExpired(flows, updatedBefore, limit) {
      if (limit <= 0 || flows.length === 0) return [];
      if (!ctx.inUnit()) {
        // Like the JSON backend: outside a unit, only taking something is an error.
        const { rows } = await ctx.read<{ found: boolean }>(ANY_EXPIRED, [flows, updatedBefore]);
        if (rows[0]!.found) throw new NoUnitOfWorkError("dialogs takeExpired");
        return [];
      }
      const { rows } = await ctx.writer("dialogs takeExpired")<{ key: string; record: unknown }>(TAKE, [flows, updatedBefore, limit]);
      return rows.map((r) => ({ userKey: r.key, dialog: table.parse(r.key, r.record) }));
    },
    async newestUpdate(flows, before) {
      if (flows.length === 0) return null;
      const { rows } = await ctx.read<{ newest: Date | null }>(NEWEST, [flows, before ?? null]);
      return rows[0]?.newest ? rows[0].newest.toISOString() : null;
    },
  };
}
