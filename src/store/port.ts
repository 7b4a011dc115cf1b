/**
 * Storage as the rest of the bot sees it: repositories (repositories.ts), units of work, and the
 * little coordination several instances on one database need. Two backends implement it: the
 * JSON files under DATA_DIR (json/backend.ts, the default, one process) and PostgreSQL
 * (postgres/backend.ts, one or more instances on one database).
 */
import type { Repositories } from "./repositories.js";

export type Backend = "json" | "postgres";

export interface UnitOptions {
  /**
   * Units with the same key run one after the other, on every instance (the user's key: two
   * updates of one user are never handled at once, wherever they arrive).
   */
  lockKey?: string;
  /**
   * A unit of its own even when called inside another, committed on its own (e.g. the Zalo
   * token refresh during a send: its pair must be saved whatever becomes of the caller's unit).
   */
  own?: boolean;
  /**
   * Records the unit will read first (`kind` as in a dump: "users", "roles", "dialogs"…): a hint
   * a backend may use to fetch them with the start of the unit (PostgreSQL: in the same round trip
   * as BEGIN). Reads are the same with or without it.
   */
  prefetch?: readonly { kind: string; key: string }[];
}

export interface StoreStats {
  commits: number;
  checkpoints: number;
  fileWrites: number;
  bytesWritten: number;
  /**
   * Work the store does with nobody awaiting it that failed — JSON: a checkpoint started by the
   * timer or by a full journal segment, audit files written after a commit; PostgreSQL: the
   * instance's heartbeat. Each is logged with what it was; the data is safe (the journal, the
   * database keep it) and the next run tries again, but a count that grows needs a look.
   */
  backgroundFailures: number;
}

/** Coordination between instances sharing one database; trivial with one process. */
export interface Coordination {
  /** This process's id (random per start); recorded on sends in flight. */
  readonly instanceId: string;
  /** Instances alive now (this one included). */
  liveInstances(): Promise<string[]>;
  /**
   * Takes one of the send slots shared by every instance: `perSecond` a second, spread over its
   * tenths. Resolves to 0 when a slot was taken, else to the milliseconds until the next tenth
   * (take again then).
   */
  takeSendSlot(perSecond: number): Promise<number>;
  /** Runs `work` unless another instance runs work of the same name now; undefined when skipped. */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
  /**
   * Takes the lock `name` for as long as this instance lives (or until the returned release):
   * null when another live instance holds it. A process that dies lets go of it at once.
   */
  hold(name: string): Promise<(() => Promise<void>) | null>;
}

/** One record on its way between backends (`store copy`, backup). */
export interface DumpItem {
  /** The repository it belongs to ("users", "submissions", …). */
  kind: string;
  key: string;
  record: unknown;
}

export interface Storage {
  readonly backend: Backend;
  readonly repos: Repositories;
  readonly coordination: Coordination;
  /**
   * Runs `work` as one unit of work: everything it changes through the repositories is committed
   * together when it resolves, or not at all when it throws (in memory too). Resolves only once
   * the commit is durable, so replies sent afterwards never speak of something unsaved. A unit
   * started inside another joins it.
   */
  unit<T>(work: () => Promise<T>, options?: UnitOptions): Promise<T>;
  /** Whether the caller runs inside a unit of work. */
  inUnit(): boolean;
  /** Whether `error` from a unit is a lock wait that timed out (nothing kept; the same request may be sent again). */
  isLockTimeout(error: unknown): boolean;
  /**
   * Holds a named lock until the current unit ends, on every instance: units that take the same
   * name run their guarded part one after the other (e.g. the duplicate check of a registration).
   */
  lock(name: string): Promise<void>;
  /**
   * Runs `effect` once the current unit has committed (at once outside a unit); dropped if the
   * unit fails. For what must not happen before the commit: waking the broadcast runner, …
   */
  afterCommit(effect: () => void): void;
  /** Every record, repository by repository (store copy, backup). */
  dump(): AsyncGenerator<DumpItem>;
  /** Writes dumped records into this store; each is checked against its schema first. */
  restore(items: AsyncIterable<DumpItem>): Promise<number>;
  /** True when no repository holds a record. */
  isEmpty(): Promise<boolean>;
  /**
   * Removes every record (`store copy --replace`), refused while another instance is alive.
   * PostgreSQL only: a JSON store is a folder, which the copy sets aside whole instead
   * (`setAsideDataDir`), so nothing of it is destroyed.
   */
  clear?(): Promise<{ ok: true } | { ok: false; reason: "in-use"; instances: number }>;
  readonly stats: StoreStats;
  /**
   * Resolves once the backend has read what it reads after opening (the JSON backend opened in the
   * background: every collection file); rejects with the StoreError of a file found broken then —
   * the bot must stop. PostgreSQL reads nothing ahead: resolved.
   */
  readonly loading: Promise<void>;
  /** JSON backend: bring the files up to date now. PostgreSQL: nothing to do. */
  checkpoint(): Promise<void>;
  /** Waits for what is in progress, writes what is pending, releases DATA_DIR or the pool. */
  close(): Promise<void>;
}

/** What services need of units of work (they never see a backend). */
export type Transactions = Pick<Storage, "unit" | "inUnit" | "afterCommit" | "lock">;

/** A write outside a unit of work: a programming error, never a user's. */
export class NoUnitOfWorkError extends Error {
  constructor(what: string) {
    super(`${what}: write outside a unit of work (wrap it in storage.unit)`);
  }
}
