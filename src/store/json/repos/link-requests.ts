import type { LinkRequest } from "../../../domain/records/link-request.js";
import type { LinkRequestsRepository } from "../../repositories.js";
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
  };
}
