import type { JsonValue } from "../../../core/feature.js";
import type { Mailbox } from "../../json/collections.js";
import { NoUnitOfWorkError } from "../../port.js";
import type { MailboxesRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import type { Table } from "../table.js";

const TAKE = sql(`DELETE FROM mailboxes WHERE key = $1 RETURNING record`);

/** A row per web chat session holding what waits for its page, oldest first. */
export function pgMailboxes(ctx: PgContext, table: Table<Mailbox>): MailboxesRepository {
  return {
    async push(session, messages, limit) {
      // Under the row's lock: the newest `limit` of what waited and what comes.
      await table.update(session, (box) => ({ messages: [...(box?.messages ?? []), ...messages].slice(-limit) }));
    },
    async take(session) {
      if (!ctx.inUnit()) {
        // Like the JSON backend: nothing waiting is no write.
        if ((await table.get(session)) === undefined) return [];
        throw new NoUnitOfWorkError(`mailboxes[${session}]`);
      }
      const { rows } = await ctx.writer(`mailboxes[${session}]`)<{ record: unknown }>(TAKE, [session]);
      return rows[0] ? table.parse(session, rows[0].record).messages : ([] as JsonValue[]);
    },
    all: async () => new Map((await table.entries()).map(({ key, record }) => [key, record.messages])),
  };
}
