import type { ReminderRecord } from "../../../domain/records/reminder.js";
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
    async ofJob(job) {
      await collection.readyAll();
      return [...collection.entries()]
        .filter(([, r]) => r.job === job)
        .map(([key]) => key)
        .sort();
    },
    async recorded(keys) {
      for (const k of keys) await collection.ready(k);
      return new Set(keys.filter((k) => collection.has(k)));
    },
    async all() {
      await collection.readyAll();
      return new Map(collection.entries());
    },
  };
}
