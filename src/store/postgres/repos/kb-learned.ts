import { z } from "zod";
import type { KbLearned } from "../../../domain/records/kb-learned.js";
import type { KbLearnedRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

const LIST = sql(`SELECT key, record FROM kb_learned WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2) ORDER BY first_at, key`);
const STAMP = sql(`SELECT coalesce(sum(steps), 0)::int AS n FROM kb_learned`);
const stampSchema = z.object({ n: z.number().int().min(0) });

/** Learned phrasings and drafted entries; the stamp is one sum over a small table. */
export function pgKbLearned(ctx: PgContext, table: Table<KbLearned>): KbLearnedRepository {
  return {
    ...keyedRecords(table),
    async list(filter = {}) {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(LIST, [filter.kind ?? null, filter.status ?? null]);
      return rows.map((row) => ({ id: row.key, record: table.parse(row.key, row.record) }));
    },
    async stamp() {
      const { rows } = await ctx.read(STAMP, []);
      return ctx.checkRead(stampSchema, rows[0], "kb-learned stamp").n;
    },
  };
}
