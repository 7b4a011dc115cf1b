import { z } from "zod";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

/** Sequences that only go up (tracking codes): a number once handed out is never handed out again. */
export const counterRecordSchema = z.object({ last: z.number().int().min(0) });
export type CounterRecord = z.infer<typeof counterRecordSchema>;

/** One small file: a handful of keys per year ("submission:gtclqg:2026"). */
export const countersCollection = defineCollection({ name: "counters", version: 1, record: counterRecordSchema, shards: 1 });

export interface Counters {
  /**
   * The next number for `key` (1, 2, …), and never one at or below `atLeastAfter` (the highest
   * number already in use): a counter restored from an older backup than the records it numbers
   * must not hand a number out twice. Written with the turn's commit.
   */
  next(key: string, atLeastAfter?: number): number;
  /** The last number handed out, 0 if none. */
  last(key: string): number;
}

export function createCounters(collection: Collection<CounterRecord>): Counters {
  return {
    next(key, atLeastAfter = 0) {
      const last = Math.max(collection.get(key)?.last ?? 0, atLeastAfter) + 1;
      collection.set(key, { last });
      return last;
    },
    last: (key) => collection.get(key)?.last ?? 0,
  };
}
