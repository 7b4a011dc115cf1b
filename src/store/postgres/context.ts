import { createHash } from "node:crypto";
import type pg from "pg";
import type { z } from "zod";
import { StoreError, describeZodIssue } from "../errors.js";
import { NoUnitOfWorkError } from "../port.js";
import type { UnitContext } from "../unit-context.js";

/** A statement; static ones are prepared once per connection under a name derived from their text. */
export interface Statement {
  name?: string;
  text: string;
}

const named = new Map<string, Statement>();

/**
 * A statement prepared on each connection the first time it runs there (later runs skip parsing
 * and planning). For static texts, and for texts built from a bounded set of parts (filters).
 */
export function sql(text: string): Statement {
  let statement = named.get(text);
  if (!statement) {
    const compact = text.replace(/\s+/g, " ").trim();
    statement = { name: `nscl_${createHash("sha1").update(compact).digest("hex").slice(0, 16)}`, text: compact };
    named.set(text, statement);
  }
  return statement;
}

/** The unit of work: one transaction on one pooled connection. */
export interface PgUnit {
  readonly client: pg.PoolClient;
  readonly effects: (() => void)[];
  ended: boolean;
  /** Records read with BEGIN (UnitOptions.prefetch), by `table\0key`: the stored record, or null when there is none. Dropped once the unit writes the key. */
  readonly prefetched: Map<string, unknown>;
}

export type Run = <R extends pg.QueryResultRow = pg.QueryResultRow>(statement: Statement | string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

function runOn(client: pg.Pool | pg.PoolClient): Run {
  return (statement, values = []) => {
    if (typeof statement === "string") return client.query(statement, values);
    return statement.name ? client.query({ name: statement.name, text: statement.text, values }) : client.query(statement.text, values);
  };
}

/** What the PostgreSQL repositories share: the pool, the caller's unit, record checks. */
export class PgContext {
  readonly #pool: pg.Pool;
  readonly #units: UnitContext<PgUnit>;
  readonly #onPool: Run;

  constructor(
    pool: pg.Pool,
    units: UnitContext<PgUnit>,
    /** The database URL without its password, for error messages. */
    readonly where: string,
  ) {
    this.#pool = pool;
    this.#units = units;
    this.#onPool = runOn(pool);
  }

  /** A record the unit fetched with its BEGIN (undefined when it did not). */
  prefetched(table: string, key: string): { record: unknown } | undefined {
    const unit = this.#units.current();
    if (!unit || unit.ended) return undefined;
    const k = `${table}\u0000${key}`;
    return unit.prefetched.has(k) ? { record: unit.prefetched.get(k) } : undefined;
  }

  /** The unit writes this key: what it fetched ahead is stale from now on. */
  forget(table: string, key: string): void {
    this.#units.current()?.prefetched.delete(`${table}\u0000${key}`);
  }

  inUnit(): boolean {
    const unit = this.#units.current();
    return unit !== undefined && !unit.ended;
  }

  /** A read: in the caller's unit (it sees its own changes), else on the pool (also after the unit ended). */
  read: Run = (statement, values) => {
    const unit = this.#units.current();
    return unit && !unit.ended ? runOn(unit.client)(statement, values) : this.#onPool(statement, values);
  };

  /** The caller's unit, to write in; throws NoUnitOfWorkError outside one (`what` names the write). */
  writer(what: string): Run {
    const unit = this.#units.current();
    if (!unit) throw new NoUnitOfWorkError(what);
    return runOn(this.#live(unit));
  }

  /** Outside any unit, on the pool (coordination: its writes are not part of the caller's unit). */
  get pool(): pg.Pool {
    return this.#pool;
  }

  #live(unit: PgUnit): pg.PoolClient {
    if (unit.ended) throw new Error("the unit of work has ended (a repository was used after its unit resolved)");
    return unit.client;
  }

  /** A record about to be written: checked against its schema (a programming error if it does not fit). */
  checkWrite<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const checked = schema.safeParse(value);
    if (!checked.success) throw new Error(`${what} does not fit its schema: ${describeZodIssue(checked.error)}`);
    return checked.data;
  }

  /** A record read from the database: checked against its schema; one that does not fit stops with a StoreError. */
  checkRead<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const checked = schema.safeParse(value);
    if (!checked.success) throw new StoreError(`${this.where} ${what}`, `record: ${describeZodIssue(checked.error)}`);
    return checked.data;
  }
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
