import type { DialogStore } from "../core/conversation.js";
import type { DialogsRepository } from "../store/repositories.js";

/** What each user is in the middle of; only users mid-flow have a record. */
export function dialogStore(repo: DialogsRepository): DialogStore {
  return {
    get: (key) => repo.get(key),
    set: async (key, dialog) => void (await repo.put(key, dialog)),
    delete: async (key) => void (await repo.delete(key)),
  };
}
