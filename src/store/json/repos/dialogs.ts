import type { DialogState } from "../../../core/feature.js";
import type { DialogsRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, lockFor, type JsonContext } from "./context.js";

export function jsonDialogs(ctx: JsonContext, collection: Collection<DialogState>): DialogsRepository {
  return {
    ...keyedRecords(ctx, collection),
    async takeExpired(flows, updatedBefore, limit) {
      await collection.readyAll();
      const wanted = new Set(flows);
      const before = Date.parse(updatedBefore);
      const expired = [...collection.entries()]
        .filter(([, d]) => wanted.has(d.flow) && Date.parse(d.updatedAt) < before)
        .sort((a, b) => Date.parse(a[1].updatedAt) - Date.parse(b[1].updatedAt))
        .slice(0, limit);
      const taken: { userKey: string; dialog: DialogState }[] = [];
      for (const [userKey] of expired) {
        const unit = await lockFor(ctx, collection, userKey);
        // Looked at again under the lock: the user may have written meanwhile.
        const dialog = collection.get(userKey);
        if (!dialog || !wanted.has(dialog.flow) || Date.parse(dialog.updatedAt) >= before) continue;
        collection.delete(userKey, unit);
        taken.push({ userKey, dialog });
      }
      return taken;
    },
    async newestUpdate(flows, before) {
      await collection.readyAll();
      const wanted = new Set(flows);
      const limit = before === undefined ? Infinity : Date.parse(before);
      let newest = -Infinity;
      let found: string | null = null;
      for (const [, d] of collection.entries()) {
        const at = Date.parse(d.updatedAt);
        if (wanted.has(d.flow) && at < limit && at > newest) [newest, found] = [at, d.updatedAt];
      }
      return found;
    },
  };
}
