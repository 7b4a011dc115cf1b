import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { projectRoot } from "../../paths.js";
import { StoreError } from "../errors.js";
import { oneLine, safeUrl } from "./connection.js";

/** The SQL files, read from the repository at run time (tsc does not copy them to dist/). */
export const MIGRATIONS_DIR = path.join(projectRoot, "src", "store", "postgres", "migrations");

/** Held (session lock) while migrating: two instances starting together migrate one after the other. */
const MIGRATION_LOCK = "nscl-bot:migrations";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `NNN_name.sql`, in order of NNN. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = /^(\d{3})_[a-z0-9_-]+\.sql$/.exec(file);
    if (!m) throw new Error(`migration file ${file}: name it NNN_name.sql`);
    const version = Number(m[1]);
    if (out.some((x) => x.version === version)) throw new Error(`migration ${version} twice (${file})`);
    out.push({ version, name: file, sql: await readFile(path.join(dir, file), "utf8") });
  }
  return out;
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

/**
 * Brings the database up to the newest migration, each in its own transaction, under an advisory
 * lock. Problems stop the start with one line naming the database (never its password).
 */
export async function migrate(client: pg.ClientBase, url: string, dir = MIGRATIONS_DIR): Promise<number> {
  const where = safeUrl(url);
  const migrations = await readMigrations(dir);
  await client.query("SET lock_timeout = 0");
  await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [MIGRATION_LOCK]);
  try {
    await client.query(CREATE_TABLE);
    const applied = new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
    const pending = migrations.filter((m) => !applied.has(m.version));
    await checkExtensions(client, url, pending);
    for (const m of pending) {
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
        await client.query("COMMIT");
      } catch (error) {
        // The migration's own error is what is thrown; a broken connection rolls back by itself.
        await client.query("ROLLBACK").catch(() => undefined);
        throw new StoreError(where, `migration ${m.name} failed: ${oneLine(error, url)}`);
      }
    }
    return pending.length;
  } finally {
    // A session lock: released with the connection if this fails.
    await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [MIGRATION_LOCK]).catch(() => undefined);
  }
}

/** A read-only opener (the CLI beside a running bot) never migrates: the database must be up to date. */
export async function checkMigrated(client: pg.ClientBase, url: string, dir = MIGRATIONS_DIR): Promise<void> {
  const migrations = await readMigrations(dir);
  const found = await client.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  const applied = found.rows[0]?.exists ? new Set((await client.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version)) : new Set<number>();
  const missing = migrations.filter((m) => !applied.has(m.version));
  if (missing.length > 0) {
    throw new StoreError(safeUrl(url), `lacks ${missing.length} of the bot's ${migrations.length} schema migrations (start the bot once: it creates its tables; a read-only opener changes nothing)`);
  }
}

/** Extensions the pending migrations create (pg_trgm) must be installable: said in one clear line, not as a failed migration. */
async function checkExtensions(client: pg.ClientBase, url: string, pending: readonly Migration[]): Promise<void> {
  const wanted = [...new Set(pending.flatMap((m) => [...m.sql.matchAll(/CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z0-9_]+)"?/gi)].map((x) => x[1]!.toLowerCase())))];
  if (wanted.length === 0) return;
  const { rows } = await client.query<{ name: string; available: boolean; installed: boolean }>(
    `SELECT e.name, EXISTS (SELECT 1 FROM pg_available_extensions a WHERE a.name = e.name) AS available,
            EXISTS (SELECT 1 FROM pg_extension x WHERE x.extname = e.name) AS installed
       FROM unnest($1::text[]) AS e(name)`,
    [wanted],
  );
  for (const r of rows) {
    if (!r.installed && !r.available) {
      throw new StoreError(safeUrl(url), `needs the PostgreSQL extension ${r.name}, which this server does not have (install postgresql-contrib on the database server)`);
    }
  }
}
