import type { StoreStats } from "../port.js";
import { AppendLog, type LogDefinition, type LogWarning } from "./append-log.js";
import { Collection, type CollectionDefinition, type Shard, type WriteGuard } from "./collection.js";
import { StoreError } from "../errors.js";
import { Journal, type JournalEntry } from "./journal.js";
import { lockDataDir, type DataDirLock } from "./lock.js";
import { ensurePrivateDir } from "./private-dir.js";
import { KeyLocks } from "./locks.js";
import { JsonUnit } from "./unit.js";

/** Units that commit together: one journal append. */
interface Group {
  units: JsonUnit[];
  done: Promise<void>;
}

export interface StoreOptions {
  dir: string;
  collections: readonly CollectionDefinition<any>[]; // heterogeneous list, typed again by `collection(def)`
  logs?: readonly LogDefinition<any>[];
  /** Collection files written at once during a checkpoint; each serialises synchronously, so this also bounds event-loop stalls. */
  writeConcurrency?: number;
  /** Bring the collection files up to date at least this often while changes are pending (default 30 s). */
  checkpointEveryMs?: number;
  /**
   * …or as soon as the journal segment reaches this size (default 16 MB: under a steady 1,000
   * updates/s that is a checkpoint every ~11 s, and replaying a full segment after a crash adds ~0.3 s to the start).
   */
  checkpointAtBytes?: number;
  onWarning?: (w: LogWarning) => void;
  /** A failure of work nobody awaits (see StoreStats.backgroundFailures), with fields that say where. */
  onError?: (message: string, error: unknown, fields?: Record<string, unknown>) => void;
  /** How long a unit waits for a record another unit holds before it fails (a deadlock, or a unit that hangs). */
  lockTimeoutMs?: number;
  /**
   * Reads the collection files after `open` resolves, in the background (`startLoading`); a unit
   * reads the shard of a record it touches first. The start then needs only the journal and the
   * logs; a file found broken later stops the bot the same way (see `loading`).
   */
  background?: boolean;
  /**
   * Reads DATA_DIR without locking or changing it, beside a running bot (the CLI's stats and
   * export): the collection files and then the journal, again if a checkpoint removed a segment
   * meanwhile. Such a store cannot commit.
   */
  readOnly?: boolean;
  /** Take over a DATA_DIR lock written by another host (see lock.ts). */
  takeOverForeignLock?: boolean;
}

/** How often a read-only open starts over because a checkpoint of the running bot overtook it. */
const READ_ONLY_ATTEMPTS = 3;

/** Journal segments are numbered one after the other: a gap means one came and went unread. */
export function contiguous(seqs: readonly number[]): boolean {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  return sorted.every((seq, i) => i === 0 || seq === sorted[i - 1]! + 1);
}

/**
 * All persistent state of the JSON backend: one lowdb-backed collection per kind of record,
 * append-only logs, and a journal. A unit of work (unit.ts) changes records in memory at once,
 * each under a lock it holds until it ends; `commitUnit` resolves once the unit's journal line is
 * on disk — one append for all the units that commit together — or undoes the unit in memory and
 * rejects. The collection files catch up at checkpoints (every few seconds under load, and at
 * `close()`), so a unit never waits for a whole file to be rewritten.
 */
export class Store {
  readonly #collections = new Map<string, Collection<unknown>>();
  readonly #logs = new Map<string, AppendLog<object>>();
  readonly #journal: Journal;
  readonly #lock: DataDirLock;
  readonly #options: StoreOptions;
  readonly #locks: KeyLocks;
  #group: Group | null = null;
  #running: Promise<void> | null = null;
  #rotateRequested = false;
  #rotated: number[] | null = null;
  #checkpoint: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  /** Every collection file read (at once for a store opened in the foreground). */
  #loading: Promise<void> = Promise.resolve();
  #loadFailed = false;
  readonly stats: StoreStats = { commits: 0, checkpoints: 0, fileWrites: 0, bytesWritten: 0, backgroundFailures: 0 };

  private constructor(
    readonly dir: string,
    lock: DataDirLock,
    options: StoreOptions,
  ) {
    this.#lock = lock;
    this.#options = options;
    this.#journal = new Journal(dir);
    this.#locks = new KeyLocks(options.lockTimeoutMs ?? 10_000);
  }

  static async open(options: StoreOptions): Promise<Store> {
    if (options.readOnly) return Store.#openReadOnly(options);
    await ensurePrivateDir(options.dir);
    const lock = await lockDataDir(options.dir, { takeOverForeign: options.takeOverForeignLock === true });
    const store = new Store(options.dir, lock, options);
    try {
      await store.#load();
    } catch (error) {
      await lock.release();
      throw error;
    }
    store.#startTimer();
    return store;
  }

  /**
   * Beside a running bot, whose checkpoints rewrite files and delete journal segments at any
   * moment: the segments are read first, then the files, then the last segment again and any begun since; the lines
   * are replayed over the files in order. Every change committed before the read began is there
   * (a segment deleted meanwhile was first written into the files read after it); a record
   * changed during the read may show an older or newer state. If a checkpoint overtook the read
   * (a segment vanished, or one is missing from the run) it starts over, a few times.
   */
  static async #openReadOnly(options: StoreOptions): Promise<Store> {
    const noLock: DataDirLock = { release: async () => {} };
    for (let attempt = 1; ; attempt++) {
      const store = new Store(options.dir, noLock, options);
      const { clean } = await store.#loadBesideWriter();
      store.#closed = true;
      if (clean || attempt >= READ_ONLY_ATTEMPTS) return store;
    }
  }

  async #loadBesideWriter(): Promise<{ clean: boolean }> {
    const warn = (file: string, message: string) => this.#options.onWarning?.({ file, message });
    const first = await this.#journal.segments();
    const early = await this.#journal.read(first, warn, true);
    await this.#loadFiles(true);
    // The last segment read may have grown since: it is read again (a line replayed twice changes nothing).
    const later = (await this.#journal.segments()).filter((seq) => seq >= (first[first.length - 1] ?? 0));
    const late = await this.#journal.read(later, warn, true);
    this.#replay([...early.entries, ...late.entries]);
    const read = [...first, ...later].filter((seq) => !early.missing.includes(seq) && !late.missing.includes(seq));
    return { clean: early.missing.length === 0 && late.missing.length === 0 && contiguous(read) };
  }

  get readOnly(): boolean {
    return this.#options.readOnly === true;
  }

  async #load(): Promise<void> {
    await this.#loadFiles(false, this.#options.background === true);
    const warn = (file: string, message: string) => this.#options.onWarning?.({ file, message });
    this.#replay(await this.#journal.open(warn));
  }

  #replay(entries: readonly JournalEntry[]): void {
    for (const { where, records, logs } of entries) {
      for (const item of records) {
        const collection = this.#collections.get(item.c);
        if (!collection) throw new StoreError(where, `names a collection this version does not have (${item.c})`);
        collection.replay(where, item.v, item.k, "d" in item ? undefined : item.r);
      }
      for (const item of logs) {
        const log = this.#logs.get(item.l);
        if (!log?.journaled) throw new StoreError(where, `names a log this version does not keep in the journal (${item.l})`);
        log.replay(where, item.v, item.n, item.e);
      }
    }
  }

  /** Every collection and log file, read and validated (no journal); collection files later with `background`. */
  async #loadFiles(readOnly: boolean, background = false): Promise<void> {
    const { dir } = this;
    const guard: WriteGuard = {
      claim: (unit, collection, key) => {
        const name = `${collection}\u0000${key}`;
        if (this.#locks.acquire(name, unit) !== undefined) throw new Error(`${collection}[${key}] is locked by another unit of work (await lock() before writing)`);
        if (!unit.locks.includes(name)) unit.locks.push(name);
      },
    };
    for (const def of this.#options.collections) {
      if (this.#collections.has(def.name) || def.name === "journal") throw new Error(`collection ${def.name} defined twice or reserved`);
      this.#collections.set(def.name, new Collection(def, dir, guard));
    }
    for (const def of this.#options.logs ?? []) {
      if (this.#logs.has(def.name) || this.#collections.has(def.name) || def.name === "journal") throw new Error(`log ${def.name} clashes with another name`);
      this.#logs.set(def.name, new AppendLog(def, dir));
    }
    if (background) for (const c of this.#collections.values()) await c.prepare(readOnly);
    else await Promise.all([...this.#collections.values()].map((c) => c.load(readOnly)));
    for (const log of this.#logs.values()) await log.load(this.#options.onWarning, readOnly);
  }

  /**
   * Reads every collection file not read yet, a shard at a time with turns in between (a store
   * opened with `background`; at once otherwise). Resolves when all are read; rejects with the
   * StoreError of a broken file, which then stays as it is: the bot must stop (`loading`).
   */
  startLoading(): Promise<void> {
    if (!this.#options.background || this.#loadFailed) return this.#loading;
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    this.#loading = (async () => {
      for (const collection of this.#collections.values()) await collection.readyAll(pause);
    })();
    this.#loading.catch(() => {
      this.#loadFailed = true;
    });
    return this.#loading;
  }

  /** Resolves once every collection file is read; rejects with a broken file's StoreError. */
  get loading(): Promise<void> {
    return this.#loading;
  }

  #startTimer(): void {
    const every = this.#options.checkpointEveryMs ?? 30_000;
    this.#timer = setInterval(() => {
      if (this.#dirtyShards().length) this.#checkpointInBackground("timer");
    }, every);
    this.#timer.unref();
  }

  /** A checkpoint nobody awaits: a failure is logged and counted; the journal keeps every change and the next checkpoint tries again. */
  #checkpointInBackground(reason: "timer" | "journal-size"): void {
    const shards = this.#dirtyShards().length;
    this.checkpoint().catch((error: unknown) => this.#failedInBackground("checkpoint failed; the journal is kept and the next checkpoint tries again", error, { reason, shards }));
  }

  #failedInBackground(message: string, error: unknown, fields: Record<string, unknown>): void {
    this.stats.backgroundFailures++;
    this.#options.onError?.(message, error, { dataDir: this.dir, ...fields, failures: this.stats.backgroundFailures });
  }

  collection<T>(def: CollectionDefinition<T>): Collection<T> {
    const found = this.#collections.get(def.name);
    if (!found || found.definition !== def) throw new Error(`collection ${def.name} is not open in this store`);
    return found as Collection<T>;
  }

  log<T extends object>(def: LogDefinition<T>): AppendLog<T> {
    const found = this.#logs.get(def.name);
    if (!found || found.definition !== def) throw new Error(`log ${def.name} is not open in this store`);
    return found as unknown as AppendLog<T>;
  }

  collections(): Collection<unknown>[] {
    return [...this.#collections.values()];
  }

  /** A new unit of work; end it with `commitUnit` or `abortUnit`. */
  beginUnit(): JsonUnit {
    if (this.#closed) throw new Error(this.readOnly ? "store is open read-only" : "store is closed");
    return new JsonUnit();
  }

  /**
   * Waits until `unit` holds the lock on `collection`/`key` (or on a name, with collection "lock"),
   * held until the unit ends. Rejects after the lock timeout.
   */
  async lock(unit: JsonUnit, collection: string, key: string): Promise<void> {
    const name = `${collection}\u0000${key}`;
    if (unit.locks.includes(name)) return;
    await this.#locks.acquire(name, unit);
    if (unit.ended) {
      this.#locks.release(name, unit);
      throw new Error("the unit of work has ended");
    }
    unit.locks.push(name);
  }

  /**
   * Makes the unit's changes durable — with the other units committing at the same moment, in
   * one journal append — then releases its locks and runs its after-commit effects. If the write
   * fails, the unit's changes are undone in memory too, and this rejects.
   */
  async commitUnit(unit: JsonUnit): Promise<void> {
    if (this.#closed) {
      this.abortUnit(unit);
      throw new Error(this.readOnly ? "store is open read-only" : "store is closed");
    }
    try {
      await this.#join(unit);
    } catch (error) {
      // The flush undid it already; this covers a failure before the unit reached a flush.
      this.abortUnit(unit);
      throw error;
    }
    for (const effect of unit.takeEffects()) effect();
  }

  /** Undoes the unit's changes in memory and releases its locks. */
  abortUnit(unit: JsonUnit): void {
    unit.end(false);
    this.#release(unit);
  }

  #release(unit: JsonUnit): void {
    for (const name of unit.locks) this.#locks.release(name, unit);
    unit.locks.length = 0;
  }

  /** Runs `work` as one unit (tests and tools that use the engine directly). */
  async run<T>(work: (unit: JsonUnit) => T | Promise<T>): Promise<T> {
    const unit = this.beginUnit();
    let result: T;
    try {
      result = await work(unit);
    } catch (error) {
      this.abortUnit(unit);
      throw error;
    }
    await this.commitUnit(unit);
    return result;
  }

  /** Resolves when every unit that committed before this call is on disk (and pending log lines are written). */
  commit(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(this.readOnly ? "store is open read-only" : "store is closed"));
    return this.#join(null);
  }

  /** Adds the unit (if any) to the next group; resolves when that group is written. */
  #join(unit: JsonUnit | null): Promise<void> {
    if (!this.#group) {
      const after = this.#running ?? Promise.resolve();
      const group: Group = {
        units: [],
        done: after
          // The previous group's failure went to its own units' callers; this group writes anyway.
          .catch(() => undefined)
          // Let the other units of this tick join, so they share the write.
          .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
          .then(() => {
            this.#group = null;
            const run = this.#flush(group);
            this.#running = run;
            return run;
          }),
      };
      this.#group = group;
    }
    if (unit) this.#group.units.push(unit);
    return this.#group.done;
  }

  async #flush(group: Group): Promise<void> {
    this.stats.commits++;
    const rotate = this.#rotateRequested;
    this.#rotateRequested = false;
    const lines: string[] = [];
    const written: { log: AppendLog<object>; n: number; entry: object }[] = [];
    const direct = new Map<AppendLog<object>, object[]>();
    for (const unit of group.units) {
      if (unit.empty) continue;
      const logItems: string[] = [];
      for (const { log, entry } of unit.entries) {
        if (log.journaled) {
          const { n, item } = log.journalItem(entry);
          logItems.push(item);
          written.push({ log, n, entry });
        } else {
          const list = direct.get(log) ?? [];
          list.push(entry);
          direct.set(log, list);
        }
      }
      lines.push(`{"t":[${unit.items.join(",")}]${logItems.length ? `,"a":[${logItems.join(",")}]` : ""}}`);
    }
    // Direct (lazy) log lines first: if they fail, no unit of this group is in the journal. If the
    // journal then fails, the direct lines speak of units that did not happen — for delivery
    // records that means a send reported uncertain, never one sent twice.
    try {
      for (const [log, entries] of direct) this.#count(await log.writeDirect(entries));
      const bytes = await this.#journal.append(lines);
      if (bytes) this.#count(bytes);
    } catch (error) {
      for (const unit of group.units) this.abortUnit(unit);
      throw error;
    }
    // Durable: the units end here, before anything else can run (a checkpoint resuming after
    // this write must see their changes as committed, or it would write the files without them
    // and then drop the segment that holds them).
    for (const unit of group.units) {
      unit.end(true);
      this.#release(unit);
    }
    // The units are durable now. Their audit entries go to their own files; if that fails, the
    // journal keeps them and the next commit or checkpoint tries again.
    for (const { log, n, entry } of written) log.committed(n, entry);
    await this.#flushLogs().catch((error: unknown) => this.#failedInBackground("audit log files not written after a commit; the journal keeps the entries", error, { units: group.units.length }));
    // After this group's append and before the next one: the closing segment holds every change
    // committed before the checkpoint began, and nothing is being written to it.
    if (rotate) this.#rotated = await this.#journal.rotate();
    if (this.#journal.size >= (this.#options.checkpointAtBytes ?? 16 * 1024 * 1024)) this.#checkpointInBackground("journal-size");
  }

  /** Appends the journaled logs' committed entries to their files. */
  async #flushLogs(): Promise<void> {
    const errors: unknown[] = [];
    for (const log of this.#logs.values()) {
      if (!log.hasPending) continue;
      await log.flush().then(
        (bytes) => this.#count(bytes),
        (error: unknown) => errors.push(error),
      );
    }
    if (errors.length) throw errors[0];
  }

  #count(bytes: number): void {
    this.stats.fileWrites++;
    this.stats.bytesWritten += bytes;
  }

  #dirtyShards(): { collection: Collection<unknown>; shard: Shard<unknown> }[] {
    return [...this.#collections.values()].flatMap((collection) => collection.dirtyShards().map((shard) => ({ collection, shard })));
  }

  /**
   * Brings every collection file up to date, then drops the journal segments it covers. Turns go
   * on meanwhile (their commits append to a new segment). One checkpoint at a time.
   */
  checkpoint(): Promise<void> {
    if (this.readOnly) return Promise.reject(new Error("store is open read-only"));
    if (this.#checkpoint) return this.#checkpoint;
    const run = (async () => {
      // Journal lines wait for shards not read yet: those shards must be read before the segments go.
      await this.#loading;
      this.#rotateRequested = true;
      await this.commit();
      const covered = this.#rotated ?? [];
      this.#rotated = null;
      const shards = this.#dirtyShards();
      const errors: unknown[] = [];
      let index = 0;
      const worker = async () => {
        while (index < shards.length) {
          const { collection, shard } = shards[index++]!;
          try {
            await collection.writeShard(shard);
            this.#count(shard.lastWriteBytes);
          } catch (error) {
            errors.push(error);
          }
          // Let turns run between files.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.#options.writeConcurrency ?? 2, shards.length) }, worker));
      // Audit entries of the covered segments must be in their files before the segments go.
      await this.#flushLogs().catch((error: unknown) => errors.push(error));
      // The journal still holds every change: keep it, try again at the next checkpoint. The
      // caller says the failure (close, the CLI), or #checkpointInBackground logs and counts it.
      if (errors.length) throw errors[0];
      await this.#journal.remove(covered);
      this.stats.checkpoints++;
    })();
    this.#checkpoint = run.finally(() => {
      this.#checkpoint = null;
    });
    return this.#checkpoint;
  }

  /** Writes everything to the collection files, empties the journal and releases DATA_DIR. */
  async close(): Promise<void> {
    // A read-only store is "closed" from the start: nothing to write, no lock to release.
    if (this.#closed) return;
    if (this.#timer) clearInterval(this.#timer);
    // A checkpoint under way finishes first; if it failed, its caller was told, and the one below tries again.
    await this.#checkpoint?.catch(() => undefined);
    // A broken file was found while reading in the background: nothing is written (the journal
    // keeps every change), DATA_DIR is only released.
    const broken = await this.#loading.then(
      () => false,
      () => true,
    );
    if (!broken) await this.checkpoint();
    this.#closed = true;
    await this.#lock.release();
  }
}
