import type { KbLearned } from "../../../domain/records/kb-learned.js";
import type { KbLearnedRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, type JsonContext } from "./context.js";

const firstAt = (r: KbLearned) => r.history[0]!.at;

/** One small file: every learned change in memory, listed by a walk (a few hundred records). */
export function jsonKbLearned(ctx: JsonContext, collection: Collection<KbLearned>): KbLearnedRepository {
  return {
    ...keyedRecords(ctx, collection),
    async list(filter = {}) {
      await collection.readyAll();
      return [...collection.entries()]
        .filter(([, r]) => (!filter.kind || r.kind === filter.kind) && (!filter.status || r.status === filter.status))
        .map(([id, record]) => ({ id, record }))
        .sort((a, b) => firstAt(a.record).localeCompare(firstAt(b.record)) || a.id.localeCompare(b.id));
    },
    async stamp() {
      await collection.readyAll();
      let n = 0;
      for (const [, r] of collection.entries()) n += r.history.length;
      return n;
    },
  };
}
