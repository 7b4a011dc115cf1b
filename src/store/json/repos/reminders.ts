import type { ReminderRecord } from "../../../services/broadcasts/reminders.js";
import type { RemindersRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { lockFor, type JsonContext } from "./context.js";

export function jsonReminders(ctx: JsonContext, collection: Collection<ReminderRecord>): RemindersRepository {
  return {
    async claim(keys, record) {
      const claimed: string[] = [];
      for (const key of keys) {
        const unit = await lockFor(ctx, collection, key);
        if (collection.has(key)) continue;
        collection.set(key, record, unit);
        claimed.push(key);
      }
      return claimed;
    },
    ofJob: async (job) =>
      [...collection.entries()]
        .filter(([, r]) => r.job === job)
        .map(([key]) => key)
        .sort(),
    recorded: async (keys) => new Set(keys.filter((k) => collection.has(k))),
    all: async () => new Map(collection.entries()),
  };
}
