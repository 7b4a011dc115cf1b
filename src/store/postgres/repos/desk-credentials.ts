import type { DeskCredential } from "../../../domain/records/desk-credential.js";
import { NoUnitOfWorkError } from "../../port.js";
import type { DeskCredentialsRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

const END_SESSIONS = sql(`DELETE FROM desk_credentials WHERE user_key = $1 AND kind = 'session'`);
const PRUNE = sql(`DELETE FROM desk_credentials WHERE (kind = 'link' AND at < $1) OR (kind = 'session' AND at < $2)`);
const ANY_SESSION = sql(`SELECT EXISTS (SELECT 1 FROM desk_credentials WHERE user_key = $1 AND kind = 'session') AS found`);
const ANY_OLD = sql(`SELECT EXISTS (SELECT 1 FROM desk_credentials WHERE (kind = 'link' AND at < $1) OR (kind = 'session' AND at < $2)) AS found`);

export function pgDeskCredentials(ctx: PgContext, table: Table<DeskCredential>): DeskCredentialsRepository {
  // Like the JSON backend: outside a unit, only a delete that would remove something is an error.
  const outside = async (what: string, statement: typeof ANY_SESSION, values: unknown[]) => {
    const { rows } = await ctx.read<{ found: boolean }>(statement, values);
    if (rows[0]!.found) throw new NoUnitOfWorkError(what);
    return 0;
  };
  return {
    ...keyedRecords(table),
    async endSessions(userKey) {
      if (!ctx.inUnit()) return outside("desk-credentials endSessions", ANY_SESSION, [userKey]);
      const { rowCount } = await ctx.writer("desk-credentials endSessions")(END_SESSIONS, [userKey]);
      return rowCount ?? 0;
    },
    async prune(linksExpiredBefore, sessionsSeenBefore) {
      if (!ctx.inUnit()) return outside("desk-credentials prune", ANY_OLD, [linksExpiredBefore, sessionsSeenBefore]);
      const { rowCount } = await ctx.writer("desk-credentials prune")(PRUNE, [linksExpiredBefore, sessionsSeenBefore]);
      return rowCount ?? 0;
    },
  };
}
