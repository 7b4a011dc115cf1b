import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Logger } from "../../core/log.js";
import type { Coordination } from "../port.js";
import { sql } from "./context.js";

/** How often an instance writes `seen_at` (for people reading the table; liveness is the life lock). */
export const HEARTBEAT_MS = 5_000;
/** Every this many heartbeats: rows of long-gone instances and old send slots are deleted. */
const CLEANUP_EVERY = 12;

const HELLO = sql(`INSERT INTO instances (id, lock_key, started_at, seen_at) VALUES ($1, hashtextextended($1, 0), now(), now()) ON CONFLICT (id) DO UPDATE SET seen_at = now()`);
const BEAT = sql(`UPDATE instances SET seen_at = now() WHERE id = $1`);
const GOODBYE = sql(`DELETE FROM instances WHERE id = $1`);
/** The lock an instance holds for its life, on its own connection. */
const HOLD = sql(`SELECT pg_advisory_lock(hashtextextended($1, 0))`);
/** Instances whose lock is held now (a 64-bit advisory key shows in pg_locks as classid = high half, objid = low half). */
const LIVE = sql(`
  SELECT i.id FROM instances i
  WHERE EXISTS (
    SELECT 1 FROM pg_locks l
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND l.classid::bigint = ((i.lock_key >> 32) & 4294967295) AND l.objid::bigint = (i.lock_key & 4294967295))
  ORDER BY i.id`);
const CLEANUP = sql(`
  WITH gone AS (DELETE FROM instances WHERE seen_at < now() - interval '1 day')
  DELETE FROM send_slots WHERE tick < (extract(epoch FROM now()) * 10)::bigint - 600`);
/**
 * One send slot of the current tenth of a second (the database's clock, the same for every
 * instance): tick k of a second gets floor((k+1)·rate/10) − floor(k·rate/10) slots, so each
 * second holds exactly `$1` and no sliding one-second window holds more than `$1` plus one tick's
 * share. `taken` 1 when got, and the milliseconds to the next tick.
 */
const TAKE_SLOT = sql(`
  WITH t AS (SELECT floor(extract(epoch FROM clock_timestamp()) * 10)::bigint AS tick, extract(epoch FROM clock_timestamp())::float8 * 10 AS exact),
  share AS (SELECT tick, exact, (floor(((tick % 10) + 1) * $1::int / 10.0) - floor((tick % 10) * $1::int / 10.0))::int AS budget FROM t),
  slot AS (
    INSERT INTO send_slots AS s (tick, used) SELECT tick, 1 FROM share WHERE budget > 0
    ON CONFLICT (tick) DO UPDATE SET used = s.used + 1 WHERE s.used < (SELECT budget FROM share)
    RETURNING used)
  SELECT (SELECT count(*) FROM slot)::int AS taken, greatest(1, ceil((tick + 1 - exact) * 100))::int AS wait_ms FROM share`);
const TRY_LOCK = sql(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got`);
const UNLOCK = sql(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`);

export interface PgCoordination extends Coordination {
  /** Records this instance, takes its life lock and starts its heartbeat (not for a read-only opener). */
  start(): Promise<void>;
  /** Stops the heartbeat and removes this instance's row. */
  stop(): Promise<void>;
}

/**
 * The `instances` table and each instance's life lock, a per-second send budget in `send_slots`,
 * session advisory locks. `connect` opens a connection of its own (not from the pool) for the
 * life lock and the locks held while running.
 */
export function pgCoordination(pool: pg.Pool, log: Logger, countFailure: () => void, connect: () => Promise<pg.Client>): PgCoordination {
  const instanceId = randomUUID();
  let timer: NodeJS.Timeout | null = null;
  let beats = 0;
  let started = false;
  /** Holds this instance's life lock, and the locks taken with `hold`. */
  let life: pg.Client | null = null;

  const beat = async () => {
    try {
      await pool.query({ ...BEAT, values: [instanceId] });
      if (++beats % CLEANUP_EVERY === 0) await pool.query(CLEANUP.text);
    } catch (error) {
      // Missed for long, other instances take this one for dead (and its sends in flight for uncertain).
      countFailure();
      log.warn("postgres heartbeat failed", { instance: instanceId, beats, error: String(error) });
    }
  };

  return {
    instanceId,
    async start() {
      life = await connect();
      // A client that vanishes without closing its connection is noticed by the server within ~25 s.
      await life.query("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3");
      await life.query({ ...HOLD, values: [instanceId] });
      await pool.query({ ...HELLO, values: [instanceId] });
      started = true;
      timer = setInterval(() => void beat(), HEARTBEAT_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (!started) return;
      started = false;
      await pool.query({ ...GOODBYE, values: [instanceId] }).catch((error: unknown) => log.warn("postgres: could not remove this instance's row", { error: String(error) }));
      // Closing the connection lets go of the life lock and of every lock held with `hold`.
      await life?.end().catch(() => undefined);
      life = null;
    },
    async hold(name) {
      if (!life) throw new Error("hold: this instance is not started (read-only?)");
      const { rows } = await life.query<{ got: boolean }>({ ...TRY_LOCK, values: [`hold:${name}`] });
      if (!rows[0]!.got) return null;
      const held = life;
      return async () => {
        // If the connection is gone, so is the lock: nothing is left held.
        await held.query({ ...UNLOCK, values: [`hold:${name}`] }).catch(() => undefined);
      };
    },
    async liveInstances() {
      const { rows } = await pool.query<{ id: string }>(LIVE.text);
      const ids = rows.map((r) => r.id);
      // This one is alive while it asks, even if a heartbeat was late.
      return started && !ids.includes(instanceId) ? [...ids, instanceId].sort() : ids;
    },
    async takeSendSlot(perSecond) {
      const { rows } = await pool.query<{ taken: number; wait_ms: number }>({ ...TAKE_SLOT, values: [Math.floor(perSecond)] });
      return rows[0]!.taken > 0 ? 0 : rows[0]!.wait_ms;
    },
    async exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
      // A session lock on a connection of its own, held while `work` runs (its units use other connections).
      const client = await pool.connect();
      const key = `exclusively:${name}`;
      let got = false;
      try {
        got = (await client.query<{ got: boolean }>({ ...TRY_LOCK, values: [key] })).rows[0]!.got;
      } catch (error) {
        client.release(error as Error);
        throw error;
      }
      if (!got) {
        client.release();
        return undefined;
      }
      try {
        return await work();
      } finally {
        try {
          await client.query({ ...UNLOCK, values: [key] });
          client.release();
        } catch (error) {
          // The connection is dropped: its session lock goes with it.
          client.release(error as Error);
        }
      }
    },
  };
}
