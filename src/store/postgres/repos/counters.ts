import { counterRecordSchema, type CounterRecord } from "../../../domain/records/counter.js";
import type { CountersRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import type { DumpSource } from "../table.js";

/** Taken in one statement: never read-then-write. The row stays locked until the unit ends. */
const NEXT = sql(`
  INSERT INTO counters AS c (key, last) VALUES ($1, $2::bigint + 1)
  ON CONFLICT (key) DO UPDATE SET last = GREATEST(c.last, $2::bigint) + 1
  RETURNING last`);
const LAST = sql(`SELECT last FROM counters WHERE key = $1`);
const FIRST_SLICE = sql(`SELECT key, last FROM counters ORDER BY key LIMIT $1`);
const NEXT_SLICE = sql(`SELECT key, last FROM counters WHERE key > $2 ORDER BY key LIMIT $1`);

export function pgCounters(ctx: PgContext): CountersRepository & DumpSource {
  const record = (key: string, last: string | number): CounterRecord => ctx.checkRead(counterRecordSchema, { last: Number(last) }, `counters[${key}]`);
  const slice = async (after: string | null, limit: number) => {
    const { rows } = after === null ? await ctx.read<{ key: string; last: string }>(FIRST_SLICE, [limit]) : await ctx.read<{ key: string; last: string }>(NEXT_SLICE, [limit, after]);
    return rows.map((r) => ({ key: r.key, record: record(r.key, r.last) }));
  };
  return {
    kind: "counters",
    emptySql: "NOT EXISTS (SELECT 1 FROM counters)",
    async next(key, atLeastAfter) {
      const run = ctx.writer(`counters[${key}]`);
      // The smallest value it could take must fit the record (a whole number): checked before SQL sees it.
      const floor = Math.max(0, atLeastAfter);
      ctx.checkWrite(counterRecordSchema, { last: floor + 1 }, `counters[${key}]`);
      const { rows } = await run<{ last: string }>(NEXT, [key, floor]);
      return record(key, rows[0]!.last).last;
    },
    async last(key) {
      const { rows } = await ctx.read<{ last: string }>(LAST, [key]);
      return rows[0] ? record(key, rows[0].last).last : 0;
    },
    async all() {
      const out = new Map<string, CounterRecord>();
      for (let after: string | null = null; ; ) {
        const part = await slice(after, 1000);
        for (const { key, record: r } of part) out.set(key, r);
        if (part.length < 1000) return out;
        after = part[part.length - 1]!.key;
      }
    },
    slice,
    async restore(items) {
      const run = ctx.writer("restore counters");
      for (const { key, record: value } of items) {
        const { last } = ctx.checkWrite(counterRecordSchema, value, `counters[${key}]`);
        await run(`INSERT INTO counters (key, last) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET last = EXCLUDED.last`, [key, last]);
      }
    },
  };
}
