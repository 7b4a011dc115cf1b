import type pg from "pg";
import type { StoreStats, UnitOptions } from "../port.js";
import { NoUnitOfWorkError } from "../port.js";
import { UnitContext } from "../unit-context.js";
import { sql, type PgUnit } from "./context.js";

/** `unit:` and `lock:` names never collide (a lock key and a lock name may be spelled alike). */
const unitLock = (key: string) => `unit:${key}`;
const namedLock = (name: string) => `lock:${name}`;
const LOCK = sql(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`);

export interface PgUnits {
  readonly context: UnitContext<PgUnit>;
  unit<T>(work: () => Promise<T>, options?: UnitOptions): Promise<T>;
  inUnit(): boolean;
  lock(name: string): Promise<void>;
  afterCommit(effect: () => void): void;
  /** No unit starts after this. */
  close(): void;
}

/**
 * A unit of work is one transaction on one pooled connection, found by the repositories through
 * an AsyncLocalStorage. Round trips: BEGIN and the lockKey's advisory lock in one (a simple-protocol
 * query with two statements), the unit's statements, COMMIT.
 */
export function pgUnits(
  pool: pg.Pool,
  options: {
    readOnly: boolean;
    stats: StoreStats;
    /** The table of a kind and the SQL reading one record of it (UnitOptions.prefetch); null for a kind that cannot be fetched ahead. */
    prefetch?: (kind: string, keyLiteral: string) => { table: string; sql: string } | null;
  },
): PgUnits {
  const context = new UnitContext<PgUnit>();
  const begin = options.readOnly ? "BEGIN READ ONLY" : "BEGIN";
  let closed = false;

  const unit = async <T>(work: () => Promise<T>, unitOptions?: UnitOptions): Promise<T> => {
    const outer = context.current();
    if (outer && !outer.ended && !unitOptions?.own) {
      // Joins the outer unit; its key is held too, until the outer unit ends.
      if (unitOptions?.lockKey !== undefined) await outer.client.query({ ...LOCK, values: [unitLock(unitOptions.lockKey)] });
      return work();
    }
    if (closed) throw new Error("store is closed");
    const client = await pool.connect();
    const u: PgUnit = { client, effects: [], ended: false, prefetched: new Map() };
    let result: T;
    try {
      // One round trip: BEGIN, the key's lock, and the records the unit will read first.
      const statements = [begin];
      if (unitOptions?.lockKey !== undefined) statements.push(`SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(unitLock(unitOptions.lockKey))}, 0))`);
      const ahead = (unitOptions?.prefetch ?? []).flatMap((p) => {
        const found = options.prefetch?.(p.kind, client.escapeLiteral(p.key));
        return found ? [{ ...found, key: p.key }] : [];
      });
      if (ahead.length) statements.push(ahead.map((a) => a.sql).join(" UNION ALL "));
      const results = await client.query(statements.join("; "));
      if (ahead.length) {
        const last = (Array.isArray(results) ? results[results.length - 1] : results) as pg.QueryResult<{ t: string; key: string; record: unknown }>;
        for (const a of ahead) u.prefetched.set(`${a.table}\u0000${a.key}`, null);
        for (const row of last.rows) u.prefetched.set(`${row.t}\u0000${row.key}`, row.record);
      }
      result = await context.run(u, work);
    } catch (error) {
      u.ended = true;
      try {
        await client.query("ROLLBACK");
        client.release();
      } catch (rollbackError) {
        client.release(rollbackError as Error);
      }
      throw error;
    }
    u.ended = true;
    try {
      await client.query("COMMIT");
    } catch (error) {
      // Rolled back by the server (or the connection is gone): nothing of the unit is kept.
      client.release(error as Error);
      throw error;
    }
    client.release();
    options.stats.commits++;
    // The unit's effects (waking the broadcast runner…) run outside it.
    context.outside(() => {
      for (const effect of u.effects) effect();
    });
    return result;
  };

  return {
    context,
    unit,
    inUnit: () => context.current() !== undefined && !context.current()!.ended,
    async lock(name) {
      const u = context.current();
      if (!u || u.ended) throw new NoUnitOfWorkError(`lock ${name}`);
      await u.client.query({ ...LOCK, values: [namedLock(name)] });
    },
    afterCommit(effect) {
      const u = context.current();
      if (u && !u.ended) u.effects.push(effect);
      else effect();
    },
    close() {
      closed = true;
    },
  };
}
