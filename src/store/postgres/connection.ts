import pg from "pg";
import { StoreError } from "../errors.js";

/** The database URL as it may be shown: without its password (also in `?password=`). */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.searchParams.delete("password");
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1@").replace(/([?&])password=[^&]*/g, "$1");
  }
}

/** An error's message on one line, with the password cut out wherever it appears. */
export function oneLine(error: unknown, url: string): string {
  let text = error instanceof Error ? error.message : String(error);
  const password = passwordOf(url);
  // Never shown, even if a driver one day quotes it (a very short one would only garble the text).
  if (password && password.length >= 3) text = text.split(password).join("***");
  return text.replace(/\s+/g, " ").trim() || "unknown error";
}

function passwordOf(url: string): string | null {
  try {
    const u = new URL(url);
    return (u.password ? decodeURIComponent(u.password) : null) ?? u.searchParams.get("password");
  } catch {
    return /\/\/[^:/@]*:([^@]*)@/.exec(url)?.[1] ?? null;
  }
}

export interface PoolOptions {
  url: string;
  poolSize: number;
  readOnly?: boolean;
  /** How long a statement waits for a lock (a row, an advisory lock) before it fails; JSON's is 10 s too. */
  lockTimeoutMs?: number;
  /** false: `synchronous_commit = off` for these sessions (see PostgresStorageOptions). */
  synchronousCommit?: boolean;
}

/** A pool of `poolSize` connections; settings go with the connection (no extra round trip). */
export function createPool(options: PoolOptions): pg.Pool {
  // Name search by word similarity (repos/submissions.ts) lets the trigram index prune at 0.7,
  // the threshold the query checks anyway, instead of pg_trgm's 0.6 (far fewer rows to recheck).
  const settings = [`-c lock_timeout=${options.lockTimeoutMs ?? 10_000}`, "-c pg_trgm.word_similarity_threshold=0.7"];
  if (options.readOnly) settings.push("-c default_transaction_read_only=on");
  if (options.synchronousCommit === false) settings.push("-c synchronous_commit=off");
  return new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: 15_000,
    idleTimeoutMillis: 60_000,
    application_name: "nscl-bot",
    options: settings.join(" "),
  });
}

/** The first connection: a database that cannot be reached stops the start with one line naming it. */
export async function checkReachable(pool: pg.Pool, url: string): Promise<void> {
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === "3D000"
        ? "does not exist"
        : code === "28P01" || code === "28000"
          ? "refused the login"
          : "cannot be reached";
    throw new StoreError(safeUrl(url), `${reason}: ${oneLine(error, url)}`);
  }
}

/** A connection of its own, outside the pool (for locks held as long as the process lives). */
export async function connectAlone(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "nscl-bot", connectionTimeoutMillis: 15_000, keepAlive: true });
  await client.connect();
  return client;
}
