import { DUMP_KINDS } from "../json/backend.js";
import type { DumpItem } from "../port.js";
import type { DeliveriesRepository, RecipientDump } from "../repositories.js";
import type pg from "pg";
import type { PgContext } from "./context.js";
import type { DumpSource } from "./table.js";

/** Records per unit of work when restoring (the JSON backend's batch). */
const RESTORE_BATCH = 500;
const SLICE = 1_000;

export interface DumpSources {
  /** Every kind but the deliveries, by the name a dump uses. */
  sources: ReadonlyMap<string, DumpSource>;
  deliveries: DeliveriesRepository;
}

/** Checks at start that every kind the JSON backend dumps has a table here (a new kind must be added to both). */
export function checkKinds(sources: ReadonlyMap<string, DumpSource>): void {
  for (const kind of DUMP_KINDS) if (kind !== "deliveries" && !sources.has(kind)) throw new Error(`postgres backend: no table for dump kind ${kind}`);
  for (const kind of sources.keys()) if (!(DUMP_KINDS as readonly string[]).includes(kind)) throw new Error(`postgres backend: dump kind ${kind} unknown to the JSON backend`);
}

/** Every record, kind by kind in the JSON backend's order, keys in byte order; read a slice at a time. */
export async function* dumpAll({ sources, deliveries }: DumpSources): AsyncGenerator<DumpItem> {
  for (const kind of DUMP_KINDS) {
    if (kind === "deliveries") {
      for (const job of await deliveries.jobs()) yield { kind, key: job, record: await deliveries.dump(job) };
      continue;
    }
    const source = sources.get(kind)!;
    for (let after: string | null = null; ; ) {
      const slice = await source.slice(after, SLICE);
      for (const { key, record } of slice) yield { kind, key, record };
      if (slice.length < SLICE) break;
      after = slice[slice.length - 1]!.key;
    }
  }
}

/** Writes dumped records, each checked against its schema, 500 per unit of work. */
export async function restoreAll({ sources, deliveries }: DumpSources, items: AsyncIterable<DumpItem>, unit: <T>(work: () => Promise<T>) => Promise<T>): Promise<number> {
  let count = 0;
  let batch: DumpItem[] = [];
  const flush = async () => {
    const todo = batch;
    batch = [];
    await unit(async () => {
      // Consecutive items of one kind go in one statement.
      for (let from = 0; from < todo.length; ) {
        const kind = todo[from]!.kind;
        let to = from;
        while (to < todo.length && todo[to]!.kind === kind) to++;
        const run = todo.slice(from, to);
        if (kind === "deliveries") {
          for (const item of run) await deliveries.restore(item.key, item.record as RecipientDump[]);
        } else {
          const source = sources.get(kind);
          if (!source) throw new Error(`restore: unknown kind ${kind}`);
          await source.restore(run);
        }
        from = to;
      }
    });
  };
  for await (const item of items) {
    batch.push(item);
    count++;
    if (batch.length >= RESTORE_BATCH) await flush();
  }
  if (batch.length) await flush();
  return count;
}

/**
 * Empties every table of records — all but the applied migrations and the instances — in one
 * statement (`store copy --replace`). The tables are read from the catalogue, so a table a later
 * migration adds is emptied too.
 */
export async function clearTables(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'instances') ORDER BY tablename`,
  );
  if (rows.length) await pool.query(`TRUNCATE ${rows.map((r) => r.name).join(", ")}`);
}

/** True when no table holds a record (one statement). */
export async function isEmpty(ctx: PgContext, sources: ReadonlyMap<string, DumpSource>): Promise<boolean> {
  const checks = [...[...sources.values()].map((s) => s.emptySql), "NOT EXISTS (SELECT 1 FROM delivery_jobs)"];
  const { rows } = await ctx.read<{ empty: boolean }>(`SELECT ${checks.join(" AND ")} AS empty`);
  return rows[0]!.empty;
}
