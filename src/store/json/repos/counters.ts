import type { CounterRecord } from "../../../domain/records/counter.js";
import type { CountersRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { lockFor, type JsonContext } from "./context.js";

export function jsonCounters(ctx: JsonContext, collection: Collection<CounterRecord>): CountersRepository {
  return {
    async next(key, atLeastAfter) {
      const unit = await lockFor(ctx, collection, key);
      const last = Math.max(collection.get(key)?.last ?? 0, atLeastAfter) + 1;
      collection.set(key, { last }, unit);
      return last;
    },
    async last(key) {
      await collection.ready(key);
      return collection.get(key)?.last ?? 0;
    },
    async all() {
      await collection.readyAll();
      return new Map(collection.entries());
    },
  };
}
