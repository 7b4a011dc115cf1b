import type { KeyedRecords } from "../../repositories.js";
import type { Collection } from "../collection.js";
import type { Store } from "../store.js";
import type { JsonUnit } from "../unit.js";

/** What the JSON repositories share: the engine, and the unit of work the caller runs in. */
export interface JsonContext {
  store: Store;
  /** The caller's unit; throws NoUnitOfWorkError outside one (`what` names the write). */
  unit(what: string): JsonUnit;
}

/** Locks the record for the caller's unit (held until it ends), its shard read, and returns the unit. */
export async function lockFor<T>(ctx: JsonContext, collection: Collection<T>, key: string): Promise<JsonUnit> {
  const unit = ctx.unit(`${collection.name}[${key}]`);
  await collection.ready(key);
  await ctx.store.lock(unit, collection.name, key);
  return unit;
}

/** Get, put, update, delete over one collection; reads answer from memory, writes lock the record. */
export function keyedRecords<T>(ctx: JsonContext, collection: Collection<T>): KeyedRecords<T> {
  const lock = (key: string) => lockFor(ctx, collection, key);
  return {
    async get(key) {
      await collection.ready(key);
      return collection.get(key);
    },
    async getMany(keys) {
      const out = new Map<string, T>();
      for (const key of keys) {
        await collection.ready(key);
        const value = collection.get(key);
        if (value !== undefined) out.set(key, value);
      }
      return out;
    },
    async put(key, value) {
      const unit = await lock(key);
      return collection.set(key, value, unit);
    },
    async update(key, change) {
      const unit = await lock(key);
      const next = change(collection.get(key));
      if (next === undefined) return collection.get(key);
      if (next === null) {
        collection.delete(key, unit);
        return undefined;
      }
      return collection.set(key, next, unit);
    },
    async delete(key) {
      const unit = await lock(key);
      return collection.delete(key, unit);
    },
    async count() {
      await collection.readyAll();
      return collection.size;
    },
  };
}

/** Keys of a collection in sorted order, rebuilt only after a key was added or removed (reading in slices). */
export function sortedKeys<T>(collection: Collection<T>): () => string[] {
  let cache: string[] | null = null;
  // A deletion leaves the order as it is: the sorted keys are filtered (linear) instead of sorted
  // again — a sweep deleting while it pages through a million users would re-sort at every page.
  let deleted = false;
  collection.watch((_key, before, after) => {
    if (before === undefined && after !== undefined) cache = null;
    else if (before !== undefined && after === undefined) deleted = true;
  });
  return () => {
    if (cache && deleted) cache = cache.filter((key) => collection.get(key) !== undefined);
    deleted = false;
    cache ??= [...collection.entries()].map(([key]) => key).sort();
    return cache;
  };
}

/** The first index in sorted `keys` after `after` (binary search). */
export function startAfter(keys: readonly string[], after: string | null): number {
  if (after === null) return 0;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
