import type { DeskCredential } from "../../../domain/records/desk-credential.js";
import type { DeskCredentialsRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, lockFor, type JsonContext } from "./context.js";

/** A few links and sessions per official: the walks below are short. */
export function jsonDeskCredentials(ctx: JsonContext, collection: Collection<DeskCredential>): DeskCredentialsRepository {
  const remove = async (keep: (r: DeskCredential) => boolean): Promise<number> => {
    await collection.readyAll();
    let removed = 0;
    for (const [key, r] of [...collection.entries()]) {
      if (keep(r)) continue;
      const unit = await lockFor(ctx, collection, key);
      if (collection.delete(key, unit)) removed++;
    }
    return removed;
  };
  return {
    ...keyedRecords(ctx, collection),
    endSessions: (userKey) => remove((r) => !(r.kind === "session" && r.userKey === userKey)),
    prune(linksExpiredBefore, sessionsSeenBefore) {
      const links = Date.parse(linksExpiredBefore);
      const sessions = Date.parse(sessionsSeenBefore);
      return remove((r) => (r.kind === "link" ? Date.parse(r.expiresAt) >= links : Date.parse(r.lastSeenAt) >= sessions));
    },
  };
}
