import { seenRecordSchema, type ChoicesRecord, type HandoffRecord, type SeenRecord } from "../../../domain/records/channel-state.js";
import type { ChannelStateRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

const REMEMBER = sql(`INSERT INTO zalo_seen (key, at, record) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`);
/** Forgets every key older than the newest `$1` (skipping rows another unit holds). */
const PRUNE = sql(`
  DELETE FROM zalo_seen WHERE key IN (
    SELECT z.key FROM zalo_seen z, (SELECT at, seq FROM zalo_seen ORDER BY at DESC, seq DESC OFFSET $1 LIMIT 1) cut
    WHERE (z.at, z.seq) <= (cut.at, cut.seq) FOR UPDATE OF z SKIP LOCKED)`);
const SEEN = sql(`SELECT key, record FROM zalo_seen ORDER BY at, key`);

export function pgChannelState(ctx: PgContext, tables: { choices: Table<ChoicesRecord>; handoff: Table<HandoffRecord>; seen: Table<SeenRecord> }): ChannelStateRepository {
  // Pruned now and then (every tenth of the capacity this process adds), not on every event:
  // about `capacity` keys are kept, a little more between two prunes.
  let sincePrune = 0;
  return {
    choices: keyedRecords(tables.choices),
    handoff: keyedRecords(tables.handoff),
    async firstTime(key, now, capacity) {
      const what = `zalo-seen[${key}]`;
      const run = ctx.writer(what);
      const record = ctx.checkWrite(seenRecordSchema, { at: now.toISOString() }, what);
      const { rowCount } = await run(REMEMBER, [key, record.at, JSON.stringify(record)]);
      if (rowCount !== 1) return false;
      if (++sincePrune >= Math.max(1, Math.ceil(capacity / 10))) {
        sincePrune = 0;
        await run(PRUNE, [Math.max(0, capacity)]);
      }
      return true;
    },
    async seen() {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(SEEN);
      return rows.map((r) => ({ key: r.key, at: tables.seen.parse(r.key, r.record).at }));
    },
  };
}
