import { z } from "zod";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

/** Sequences that only go up (tracking codes): a number once handed out is never handed out again. */
export const counterRecordSchema = z.object({ last: z.number().int().min(0) });
export type CounterRecord = z.infer<typeof counterRecordSchema>;

/** One small file: a handful of keys per year ("submission:gtclqg:2026"). */
export const countersCollection = defineCollection({ name: "counters", version: 1, record: counterRecordSchema, shards: 1 });

export interface Counters {
  /** The next number for `key` (1, 2, …); written with the turn's commit. */
  next(key: string): number;
  /** The last number handed out, 0 if none. */
  last(key: string): number;
}

export function createCounters(collection: Collection<CounterRecord>): Counters {
  return {
    next(key) {
      const last = (collection.get(key)?.last ?? 0) + 1;
      collection.set(key, { last });
      return last;
    },
    last: (key) => collection.get(key)?.last ?? 0,
  };
}
