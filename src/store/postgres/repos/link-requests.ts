import type { LinkRequest } from "../../../domain/records/link-request.js";
import { NoUnitOfWorkError } from "../../port.js";
import type { LinkRequestsRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

const PRUNE = sql(`DELETE FROM link_requests WHERE at < $1`);
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
  };
}
