import type { LinkRequest } from "../../../domain/records/link-request.js";
import { NoUnitOfWorkError } from "../../port.js";
import type { LinkRequestsRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

const PRUNE = sql(`DELETE FROM link_requests WHERE at < $1`);
// No index on the code or the requester: the table holds one day of rate-limited requests.
const SINCE_BY_REQUESTER = sql(`SELECT count(*)::int AS n, min(record->>'at') AS earliest FROM link_requests WHERE at >= $1 AND record->'requester'->>'userKey' = $2`);
const SINCE_BY_CODE = sql(`SELECT count(*)::int AS n, min(record->>'at') AS earliest FROM link_requests WHERE at >= $1 AND record->>'code' = $2`);
const ANY_BEFORE = sql(`SELECT EXISTS (SELECT 1 FROM link_requests WHERE at < $1) AS found`);

export function pgLinkRequests(ctx: PgContext, table: Table<LinkRequest>): LinkRequestsRepository {
  return {
    ...keyedRecords(table),
    async prune(before) {
      if (!ctx.inUnit()) {
        // Like the JSON backend: outside a unit, only a prune that would remove something is an error.
        const { rows } = await ctx.read<{ found: boolean }>(ANY_BEFORE, [before]);
        if (rows[0]!.found) throw new NoUnitOfWorkError("link-requests prune");
        return 0;
      }
      const { rowCount } = await ctx.writer("link-requests prune")(PRUNE, [before]);
      return rowCount ?? 0;
    },
    async countSince(since, filter) {
      const [statement, value] = "code" in filter ? [SINCE_BY_CODE, filter.code] : [SINCE_BY_REQUESTER, filter.requesterKey];
      const { rows } = await ctx.read<{ n: number; earliest: string | null }>(statement, [since, value]);
      // Every `at` is written by toISOString, so the smallest text is the earliest time.
      return { count: rows[0]!.n, earliest: rows[0]!.earliest };
    },
  };
}
