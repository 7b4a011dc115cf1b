import { mkdir } from "node:fs/promises";
import { AppendLog, type LogDefinition, type LogWarning } from "./append-log.js";
import { Collection, type CollectionDefinition, type Shard } from "./collection.js";
import { StoreError } from "./errors.js";
import { Journal, type JournalEntry } from "./journal.js";
import { lockDataDir, type DataDirLock } from "./lock.js";

export interface StoreOptions {
  dir: string;
  collections: readonly CollectionDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- heterogeneous list, typed again by `collection(def)`
  logs?: readonly LogDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
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
  onError?: (message: string, error: unknown) => void;
  /**
   * Reads DATA_DIR without locking or changing it, beside a running bot (the CLI's stats and
   * export): the collection files and then the journal, again if a checkpoint removed a segment
   * meanwhile. Such a store cannot commit.
   */
  readOnly?: boolean;
}

/** How often a read-only open starts over because a checkpoint of the running bot overtook it. */
const READ_ONLY_ATTEMPTS = 3;

/** Journal segments are numbered one after the other: a gap means one came and went unread. */
export function contiguous(seqs: readonly number[]): boolean {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  return sorted.every((seq, i) => i === 0 || seq === sorted[i - 1]! + 1);
}

export interface StoreStats {
  commits: number;
  checkpoints: number;
  fileWrites: number;
  bytesWritten: number;
}

/** What the rest of the bot needs from a store; the load benchmark puts a naive one-file store behind it. */
export interface StoreLike {
  readonly dir: string;
  readonly stats: StoreStats;
  collection<T>(def: CollectionDefinition<T>): Collection<T>;
  log<T extends object>(def: LogDefinition<T>): AppendLog<T>;
  commit(): Promise<void>;
  checkpoint(): Promise<void>;
  close(): Promise<void>;
}

/**
 * All persistent state: one lowdb-backed collection per kind of record, append-only logs, and a
 * journal. Changes are made in memory; `commit()` resolves once every change made before it is on
 * disk — in the journal, appended in one write for all the turns that commit together. The
 * collection files catch up at checkpoints (every few seconds under load, and at `close()`), so a
 * turn never waits for a whole file to be rewritten.
 */
export class Store implements StoreLike {
  readonly #collections = new Map<string, Collection<unknown>>();
  readonly #logs = new Map<string, AppendLog<object>>();
  readonly #journal: Journal;
  readonly #lock: DataDirLock;
  readonly #options: StoreOptions;
  #pending: string[] = [];
  #running: Promise<void> | null = null;
  #next: Promise<void> | null = null;
  #rotateRequested = false;
  #rotated: number[] | null = null;
  #checkpoint: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly stats: StoreStats = { commits: 0, checkpoints: 0, fileWrites: 0, bytesWritten: 0 };

  private constructor(
    readonly dir: string,
    lock: DataDirLock,
    options: StoreOptions,
  ) {
    this.#lock = lock;
    this.#options = options;
    this.#journal = new Journal(dir);
  }

  static async open(options: StoreOptions): Promise<Store> {
    if (options.readOnly) return Store.#openReadOnly(options);
    await mkdir(options.dir, { recursive: true });
    const lock = await lockDataDir(options.dir);
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
    await this.#loadFiles(false);
    const warn = (file: string, message: string) => this.#options.onWarning?.({ file, message });
    this.#replay(await this.#journal.open(warn));
  }

  #replay(entries: readonly JournalEntry[]): void {
    for (const { where, line } of entries) {
      const collection = this.#collections.get(line.c);
      if (!collection) throw new StoreError(where, `names a collection this version does not have (${line.c})`);
      collection.replay(where, line.v, line.k, "d" in line ? undefined : line.r);
    }
  }

  /** Every collection and log file, read and validated (no journal). */
  async #loadFiles(readOnly: boolean): Promise<void> {
    const { dir } = this;
    const record = (collection: string, version: number, key: string, value: unknown) => {
      this.#pending.push(JSON.stringify(value === undefined ? { c: collection, v: version, k: key, d: 1 } : { c: collection, v: version, k: key, r: value }));
    };
    for (const def of this.#options.collections) {
      if (this.#collections.has(def.name) || def.name === "journal") throw new Error(`collection ${def.name} defined twice or reserved`);
      this.#collections.set(def.name, new Collection(def, dir, record));
    }
    for (const def of this.#options.logs ?? []) {
      if (this.#logs.has(def.name) || this.#collections.has(def.name) || def.name === "journal") throw new Error(`log ${def.name} clashes with another name`);
      this.#logs.set(def.name, new AppendLog(def, dir));
    }
    await Promise.all([...this.#collections.values()].map((c) => c.load(readOnly)));
    for (const log of this.#logs.values()) await log.load(this.#options.onWarning, readOnly);
  }

  #startTimer(): void {
    const every = this.#options.checkpointEveryMs ?? 30_000;
    this.#timer = setInterval(() => {
      if (this.#dirtyShards().length) void this.checkpoint().catch(() => undefined);
    }, every);
    this.#timer.unref();
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

  /** Resolves when every change made before this call is on disk. */
  commit(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(this.readOnly ? "store is open read-only" : "store is closed"));
    if (!this.#next) {
      const after = this.#running ?? Promise.resolve();
      this.#next = after
        .catch(() => undefined)
        // Let the other turns of this tick make their changes so they share the write.
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          this.#next = null;
          const run = this.#flush();
          this.#running = run;
          return run;
        });
    }
    return this.#next;
  }

  async #flush(): Promise<void> {
    this.stats.commits++;
    const rotate = this.#rotateRequested;
    this.#rotateRequested = false;
    const lines = this.#pending;
    this.#pending = [];
    const errors: unknown[] = [];
    const logs = [...this.#logs.values()].filter((l) => l.hasPending);
    await Promise.all([
      this.#journal.append(lines).then(
        (bytes) => {
          if (bytes) this.#count(bytes);
        },
        (error: unknown) => {
          // Keep the lines for the next commit; this one fails.
          this.#pending = [...lines, ...this.#pending];
          errors.push(error);
        },
      ),
      ...logs.map((log) => log.flush().then((bytes) => this.#count(bytes), (error: unknown) => errors.push(error))),
    ]);
    if (errors.length) throw errors[0];
    // After this commit's append and before the next one: the closing segment holds every change
    // made before the checkpoint began, and nothing is being written to it.
    if (rotate) this.#rotated = await this.#journal.rotate();
    if (this.#journal.size >= (this.#options.checkpointAtBytes ?? 16 * 1024 * 1024)) void this.checkpoint().catch(() => undefined);
  }

  #count(bytes: number): void {
    this.stats.fileWrites++;
    this.stats.bytesWritten += bytes;
  }

  #dirtyShards(): Shard<unknown>[] {
    return [...this.#collections.values()].flatMap((c) => c.dirtyShards());
  }

  /**
   * Brings every collection file up to date, then drops the journal segments it covers. Turns go
   * on meanwhile (their commits append to a new segment). One checkpoint at a time.
   */
  checkpoint(): Promise<void> {
    if (this.readOnly) return Promise.reject(new Error("store is open read-only"));
    if (this.#checkpoint) return this.#checkpoint;
    const run = (async () => {
      this.#rotateRequested = true;
      await this.commit();
      const covered = this.#rotated ?? [];
      this.#rotated = null;
      const shards = this.#dirtyShards();
      const errors: unknown[] = [];
      let index = 0;
      const worker = async () => {
        while (index < shards.length) {
          const shard = shards[index++]!;
          try {
            await shard.write();
            this.#count(shard.lastWriteBytes);
          } catch (error) {
            errors.push(error);
          }
          // Let turns run between files.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.#options.writeConcurrency ?? 2, shards.length) }, worker));
      if (errors.length) {
        // The journal still holds every change: keep it, try again at the next checkpoint.
        this.#options.onError?.("checkpoint failed; the journal is kept", errors[0]);
        throw errors[0];
      }
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
    await this.#checkpoint?.catch(() => undefined);
    await this.checkpoint();
    this.#closed = true;
    await this.#lock.release();
  }
}
