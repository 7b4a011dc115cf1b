import { reminderRecordSchema, type ReminderRecord } from "../../../domain/records/reminder.js";
import type { RemindersRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import type { Table } from "../table.js";

/** Keys another unit recorded first are not taken again (it waits for that unit, then skips them). */
const CLAIM = sql(`INSERT INTO reminders (key, job, record) SELECT k, $2, $3 FROM unnest($1::text[]) AS k ON CONFLICT (key) DO NOTHING RETURNING key`);
const OF_JOB = sql(`SELECT key FROM reminders WHERE job = $1 ORDER BY key`);
const RECORDED = sql(`SELECT key FROM reminders WHERE key = ANY($1::text[])`);

export function pgReminders(ctx: PgContext, table: Table<ReminderRecord>): RemindersRepository {
  return {
    async claim(keys, record) {
      if (keys.length === 0) return [];
      const run = ctx.writer(`reminders[${keys[0]}]`);
      const checked = ctx.checkWrite(reminderRecordSchema, record, `reminders[${keys[0]}]`);
      const { rows } = await run<{ key: string }>(CLAIM, [[...new Set(keys)], checked.job, JSON.stringify(checked)]);
      const claimed = new Set(rows.map((r) => r.key));
      // In the order given, each key once.
      return keys.filter((k, i) => claimed.has(k) && keys.indexOf(k) === i);
    },
    async ofJob(job) {
      const { rows } = await ctx.read<{ key: string }>(OF_JOB, [job]);
      return rows.map((r) => r.key);
    },
    async recorded(keys) {
      if (keys.length === 0) return new Set();
      const { rows } = await ctx.read<{ key: string }>(RECORDED, [[...new Set(keys)]]);
      return new Set(rows.map((r) => r.key));
    },
    all: async () => new Map((await table.entries()).map(({ key, record }) => [key, record])),
  };
}
