import type { InboxItem } from "../../../domain/records/inbox-item.js";
import type { InboxRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

// Every time is written by toISOString, so text order is time order.
const OPEN = sql(`SELECT key, record FROM inbox WHERE status = 'open' ORDER BY created_at, key OFFSET $1 LIMIT $2`);
const OPEN_COUNT = sql(`SELECT count(*)::int AS n FROM inbox WHERE status = 'open'`);
const OPEN_OF = sql(`SELECT key, record FROM inbox WHERE status = 'open' AND user_key = $1 ORDER BY created_at, key LIMIT 1`);
const OF_USER = sql(`SELECT key, record FROM inbox WHERE user_key = $1 ORDER BY created_at, key`);
const SINCE = sql(`SELECT key, record FROM inbox WHERE created_at >= $1 ORDER BY created_at, key`);

export function pgInbox(ctx: PgContext, table: Table<InboxItem>): InboxRepository {
  const parse = (rows: { key: string; record: unknown }[]) => rows.map((r) => table.parse(r.key, r.record));
  return {
    ...keyedRecords(table),
    async open(offset, limit) {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(OPEN, [offset, limit]);
      const count = await ctx.read<{ n: number }>(OPEN_COUNT, []);
      return { items: parse(rows), total: count.rows[0]!.n };
    },
    async openOf(userKey) {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(OPEN_OF, [userKey]);
      return parse(rows)[0];
    },
    async ofUser(userKey) {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(OF_USER, [userKey]);
      return parse(rows);
    },
    async createdSince(since) {
      const { rows } = await ctx.read<{ key: string; record: unknown }>(SINCE, [since]);
      return parse(rows);
    },
  };
}
