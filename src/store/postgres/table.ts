import type { z } from "zod";
import type { KeyedRecords } from "../repositories.js";
import { sql, type PgContext, type Run, type Statement } from "./context.js";

/** A column computed from the record, for the queries that filter or sort on it. */
export interface Column<T> {
  name: string;
  value: (record: T, key: string) => unknown;
}

/** A table holding one kind of record: key, computed columns, the record as jsonb. */
export interface TableDefinition<T> {
  /** The kind a dump names it by ("users", "link-requests", …). */
  kind: string;
  table: string;
  /** The key column. */
  keyColumn: string;
  schema: z.ZodType<T>;
  columns: readonly Column<T>[];
}

export function defineTable<T>(definition: TableDefinition<T>): TableDefinition<T> {
  return definition;
}

/** Something a dump reads in key order and a restore writes (tables, and the counters). */
export interface DumpSource {
  kind: string;
  /** Up to `limit` records after `after` in key order. */
  slice(after: string | null, limit: number): Promise<{ key: string; record: unknown }[]>;
  /** Writes dumped records (checked first) in the caller's unit. */
  restore(items: readonly { key: string; record: unknown }[]): Promise<void>;
  /** Whether it holds a row (SQL for a NOT EXISTS check). */
  readonly emptySql: string;
}

/**
 * Get, put, update, delete and a few more over one table. Every record is checked against its
 * schema on the way in and on the way out. Writes need the caller's unit; `update` locks the row
 * (`SELECT … FOR UPDATE`) until the unit ends.
 */
export class Table<T> implements KeyedRecords<T>, DumpSource {
  readonly kind: string;
  readonly emptySql: string;
  readonly #ctx: PgContext;
  readonly #def: TableDefinition<T>;
  readonly #get: Statement;
  readonly #getMany: Statement;
  readonly #lockGet: Statement;
  readonly #upsert: Statement;
  readonly #insertIfAbsent: Statement;
  readonly #delete: Statement;
  readonly #count: Statement;
  readonly #sliceFirst: Statement;
  readonly #sliceAfter: Statement;
  readonly #columnNames: string[];
  readonly #updateSet: string;

  constructor(ctx: PgContext, def: TableDefinition<T>) {
    this.#ctx = ctx;
    this.#def = def;
    this.kind = def.kind;
    const { table, keyColumn: key } = def;
    this.emptySql = `NOT EXISTS (SELECT 1 FROM ${table})`;
    this.#columnNames = [key, ...def.columns.map((c) => c.name), "record"];
    const params = this.#columnNames.map((_, i) => `$${i + 1}`).join(", ");
    this.#updateSet = this.#columnNames
      .slice(1)
      .map((c) => `${c} = EXCLUDED.${c}`)
      .join(", ");
    this.#get = sql(`SELECT record FROM ${table} WHERE ${key} = $1`);
    this.#getMany = sql(`SELECT ${key} AS key, record FROM ${table} WHERE ${key} = ANY($1::text[])`);
    this.#lockGet = sql(`SELECT record FROM ${table} WHERE ${key} = $1 FOR UPDATE`);
    this.#upsert = sql(`INSERT INTO ${table} (${this.#columnNames.join(", ")}) VALUES (${params}) ON CONFLICT (${key}) DO UPDATE SET ${this.#updateSet}`);
    this.#insertIfAbsent = sql(`INSERT INTO ${table} (${this.#columnNames.join(", ")}) VALUES (${params}) ON CONFLICT (${key}) DO NOTHING`);
    this.#delete = sql(`DELETE FROM ${table} WHERE ${key} = $1`);
    this.#count = sql(`SELECT count(*)::int AS n FROM ${table}`);
    this.#sliceFirst = sql(`SELECT ${key} AS key, record FROM ${table} ORDER BY ${key} LIMIT $1`);
    this.#sliceAfter = sql(`SELECT ${key} AS key, record FROM ${table} WHERE ${key} > $2 ORDER BY ${key} LIMIT $1`);
  }

  /** The SQL that reads one record for a prefetch (literals escaped by the caller). */
  prefetchSql(keyLiteral: string): string {
    return `SELECT '${this.#def.table}' AS t, ${this.#def.keyColumn} AS key, record FROM ${this.#def.table} WHERE ${this.#def.keyColumn} = ${keyLiteral}`;
  }

  get table(): string {
    return this.#def.table;
  }

  /** `kind[key]`, for messages. */
  what(key: string): string {
    return `${this.kind}[${key}]`;
  }

  /** A stored record, checked. */
  parse(key: string, record: unknown): T {
    return this.#ctx.checkRead(this.#def.schema, record, this.what(key));
  }

  /** A record to store, checked, and the values of the upsert/insert statements. */
  #prepare(key: string, value: unknown): { record: T; values: unknown[] } {
    const record = this.#ctx.checkWrite(this.#def.schema, value, this.what(key));
    return { record, values: [key, ...this.#def.columns.map((c) => c.value(record, key)), JSON.stringify(record)] };
  }

  async get(key: string): Promise<T | undefined> {
    const ahead = this.#ctx.prefetched(this.#def.table, key);
    if (ahead) return ahead.record === null ? undefined : this.parse(key, ahead.record);
    const { rows } = await this.#ctx.read<{ record: unknown }>(this.#get, [key]);
    return rows[0] ? this.parse(key, rows[0].record) : undefined;
  }

  async getMany(keys: readonly string[]): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    if (keys.length === 0) return out;
    const { rows } = await this.#ctx.read<{ key: string; record: unknown }>(this.#getMany, [[...new Set(keys)]]);
    const found = new Map(rows.map((r) => [r.key, r.record]));
    // In the order asked, like the JSON backend.
    for (const key of keys) if (found.has(key) && !out.has(key)) out.set(key, this.parse(key, found.get(key)));
    return out;
  }

  async put(key: string, value: T): Promise<T> {
    const run = this.#ctx.writer(this.what(key));
    this.#ctx.forget(this.#def.table, key);
    const { record, values } = this.#prepare(key, value);
    await run(this.#upsert, values);
    return record;
  }

  /** Stores the record unless the key exists; false when it does (nothing written). */
  async insert(key: string, value: T): Promise<{ inserted: boolean; record: T }> {
    const run = this.#ctx.writer(this.what(key));
    this.#ctx.forget(this.#def.table, key);
    const { record, values } = this.#prepare(key, value);
    const { rowCount } = await run(this.#insertIfAbsent, values);
    return { inserted: rowCount === 1, record };
  }

  async update(key: string, change: (current: T | undefined) => T | null | undefined): Promise<T | undefined> {
    const run = this.#ctx.writer(this.what(key));
    this.#ctx.forget(this.#def.table, key);
    for (;;) {
      const current = await this.lockedGet(run, key);
      const next = change(current);
      if (next === undefined) return current;
      if (next === null) {
        if (current !== undefined) await run(this.#delete, [key]);
        return undefined;
      }
      const { record, values } = this.#prepare(key, next);
      if (current !== undefined) {
        await run(this.#upsert, values);
        return record;
      }
      // No row to lock: insert it unless another unit did meanwhile (then look again, under its lock).
      const { rowCount } = await run(this.#insertIfAbsent, values);
      if (rowCount === 1) return record;
    }
  }

  /** The record, its row locked by the unit `run` belongs to until it ends. */
  async lockedGet(run: Run, key: string): Promise<T | undefined> {
    const { rows } = await run<{ record: unknown }>(this.#lockGet, [key]);
    return rows[0] ? this.parse(key, rows[0].record) : undefined;
  }

  async delete(key: string): Promise<boolean> {
    this.#ctx.forget(this.#def.table, key);
    const { rowCount } = await this.#ctx.writer(this.what(key))(this.#delete, [key]);
    return (rowCount ?? 0) > 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.#ctx.read<{ n: number }>(this.#count);
    return rows[0]!.n;
  }

  async slice(after: string | null, limit: number): Promise<{ key: string; record: T }[]> {
    const { rows } = after === null ? await this.#ctx.read<{ key: string; record: unknown }>(this.#sliceFirst, [limit]) : await this.#ctx.read<{ key: string; record: unknown }>(this.#sliceAfter, [limit, after]);
    return rows.map((r) => ({ key: r.key, record: this.parse(r.key, r.record) }));
  }

  /** Every record in key order, read a slice at a time. */
  async entries(): Promise<{ key: string; record: T }[]> {
    const out: { key: string; record: T }[] = [];
    for (let after: string | null = null; ; ) {
      const slice = await this.slice(after, 5000);
      out.push(...slice);
      if (slice.length < 5000) return out;
      after = slice[slice.length - 1]!.key;
    }
  }

  /** Several records in one statement (inserted or replaced); the last one of a key wins. */
  async restore(items: readonly { key: string; record: unknown }[]): Promise<void> {
    const byKey = new Map<string, unknown[]>();
    for (const item of items) {
      const { values } = this.#prepare(item.key, item.record);
      byKey.delete(item.key);
      byKey.set(item.key, values);
    }
    const rows = [...byKey.values()];
    if (rows.length === 0) return;
    const run = this.#ctx.writer(`restore ${this.kind}`);
    const width = this.#columnNames.length;
    // At most ~30,000 parameters per statement (PostgreSQL allows 65,535).
    const perStatement = Math.max(1, Math.floor(30_000 / width));
    for (let from = 0; from < rows.length; from += perStatement) {
      const chunk = rows.slice(from, from + perStatement);
      const tuples = chunk.map((_, r) => `(${this.#columnNames.map((__, c) => `$${r * width + c + 1}`).join(", ")})`);
      await run(
        `INSERT INTO ${this.#def.table} (${this.#columnNames.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT (${this.#def.keyColumn}) DO UPDATE SET ${this.#updateSet}`,
        chunk.flat(),
      );
    }
  }
}

/** The table's KeyedRecords methods as a plain object (repositories spread it and add their queries). */
export function keyedRecords<T>(table: Table<T>): KeyedRecords<T> {
  return {
    get: (key) => table.get(key),
    getMany: (keys) => table.getMany(keys),
    put: (key, value) => table.put(key, value),
    update: (key, change) => table.update(key, change),
    delete: (key) => table.delete(key),
    count: () => table.count(),
  };
}
