import type { SelfCheckRecord } from "../../../domain/records/self-check.js";
import type { SelfCheckFigures, SelfCheckGroup, SelfChecksRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, type JsonContext } from "./context.js";

const emptyGroup = (): SelfCheckGroup => ({ takers: 0, criteria: {} });

function add(group: SelfCheckGroup, scores: Readonly<Record<string, number>>): void {
  group.takers++;
  for (const [criterion, score] of Object.entries(scores)) {
    const c = (group.criteria[criterion] ??= { sum: 0, n: 0 });
    c.sum += score;
    c.n++;
  }
}

/** One record per user; the figures walk the newest result of each (a record per enterprise that took it). */
export function jsonSelfChecks(ctx: JsonContext, collection: Collection<SelfCheckRecord>): SelfChecksRepository {
  const { get, put, delete: remove } = keyedRecords(ctx, collection);
  return {
    get,
    put,
    delete: remove,
    async figures() {
      await collection.readyAll();
      const figures: SelfCheckFigures = { all: emptyGroup(), bySector: {}, bySize: {} };
      for (const [, record] of collection.entries()) {
        const newest = record.results[record.results.length - 1]!;
        add(figures.all, newest.scores);
        add((figures.bySector[newest.sector ?? "unknown"] ??= emptyGroup()), newest.scores);
        add((figures.bySize[newest.sizeClass ?? "unknown"] ??= emptyGroup()), newest.scores);
      }
      return figures;
    },
  };
}
