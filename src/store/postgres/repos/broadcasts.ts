import type { Job } from "../../../domain/records/broadcast-job.js";
import type { BroadcastJobsRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import { keyedRecords, type Table } from "../table.js";

const LIST = sql(`SELECT key, record FROM broadcast_jobs ORDER BY created_at DESC, key DESC LIMIT $1`);
const IN_STATES = sql(`SELECT key, record FROM broadcast_jobs WHERE state = ANY($1::text[]) ORDER BY coalesce(started_at, created_at), key`);
const DUE = sql(`SELECT key, record FROM broadcast_jobs WHERE state = 'scheduled' AND scheduled_at <= $1 ORDER BY coalesce(started_at, created_at), key`);

/** A few hundred jobs a year. */
export function pgBroadcastJobs(ctx: PgContext, table: Table<Job>): BroadcastJobsRepository {
  const jobs = async (statement: typeof LIST, values: unknown[]) => {
    const { rows } = await ctx.read<{ key: string; record: unknown }>(statement, values);
    return rows.map((r) => table.parse(r.key, r.record));
  };
  return {
    ...keyedRecords(table),
    list: (limit) => jobs(LIST, [Math.max(0, limit)]),
    inStates: (states) => jobs(IN_STATES, [states]),
    dueScheduled: (now) => jobs(DUE, [now]),
  };
}
