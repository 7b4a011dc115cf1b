import type { LinkRequest } from "../../../domain/records/link-request.js";
import type { LinkRequestFilter, LinkRequestsRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, lockFor, type JsonContext } from "./context.js";

export function jsonLinkRequests(ctx: JsonContext, collection: Collection<LinkRequest>): LinkRequestsRepository {
  return {
    ...keyedRecords(ctx, collection),
    async prune(before) {
      await collection.readyAll();
      const cutoff = Date.parse(before);
      let removed = 0;
      for (const [token, r] of [...collection.entries()]) {
        if (Date.parse(r.at) >= cutoff) continue;
        const unit = await lockFor(ctx, collection, token);
        if (collection.delete(token, unit)) removed++;
      }
      return removed;
    },
    async countSince(since, filter: LinkRequestFilter) {
      await collection.readyAll();
      const from = Date.parse(since);
      const matches = (r: LinkRequest) => ("code" in filter ? r.code === filter.code : r.requester.userKey === filter.requesterKey);
      // Pruned to a day's requests, and those rate-limited: a short walk.
      const times = [...collection.entries()].filter(([, r]) => Date.parse(r.at) >= from && matches(r)).map(([, r]) => r.at);
      return { count: times.length, earliest: times.length ? times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null };
    },
  };
}
