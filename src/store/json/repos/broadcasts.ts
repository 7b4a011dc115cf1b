import type { Job } from "../../../domain/records/broadcast-job.js";
import type { BroadcastJobsRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, type JsonContext } from "./context.js";

const newestFirst = (a: Job, b: Job) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1);
const startedFirst = (a: Job, b: Job) => {
  const x = a.startedAt ?? a.createdAt;
  const y = b.startedAt ?? b.createdAt;
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
};

/** A few hundred jobs a year: answered by looking at each. */
export function jsonBroadcastJobs(ctx: JsonContext, collection: Collection<Job>): BroadcastJobsRepository {
  return {
    ...keyedRecords(ctx, collection),
    async list(limit) {
      await collection.readyAll();
      return [...collection.values()].sort(newestFirst).slice(0, limit);
    },
    async inStates(states) {
      await collection.readyAll();
      return [...collection.values()].filter((j) => states.includes(j.state)).sort(startedFirst);
    },
    dueScheduled: async (now) => {
      await collection.readyAll();
      const at = Date.parse(now);
      return [...collection.values()].filter((j) => j.state === "scheduled" && j.scheduledAt !== null && Date.parse(j.scheduledAt) <= at).sort(startedFirst);
    },
  };
}
