import { mkdir } from "node:fs/promises";
import { AppendLog, type LogDefinition, type LogWarning } from "./append-log.js";
import { Collection, type CollectionDefinition, type Shard } from "./collection.js";
import { lockDataDir, type DataDirLock } from "./lock.js";

export interface StoreOptions {
  dir: string;
  collections: readonly CollectionDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- heterogeneous list, typed again by `collection(def)`
  logs?: readonly LogDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Files written at once during a commit; each serialises synchronously, so this bounds event-loop stalls too. */
  writeConcurrency?: number;
  onWarning?: (w: LogWarning) => void;
}

export interface StoreStats {
  commits: number;
  fileWrites: number;
  bytesWritten: number;
}

/**
 * All persistent state: one lowdb-backed collection per kind of record, append-only logs, and a
 * group commit. Changes are made in memory; `commit()` resolves once every change made before it
 * is on disk. Commits that arrive together share one write of each changed file.
 */
export class Store {
  readonly #collections = new Map<string, Collection<unknown>>();
  readonly #logs = new Map<string, AppendLog<object>>();
  readonly #lock: DataDirLock;
  readonly #concurrency: number;
  #running: Promise<void> | null = null;
  #next: Promise<void> | null = null;
  #closed = false;
  readonly stats: StoreStats = { commits: 0, fileWrites: 0, bytesWritten: 0 };

  private constructor(
    readonly dir: string,
    lock: DataDirLock,
    concurrency: number,
  ) {
    this.#lock = lock;
    this.#concurrency = concurrency;
  }

  static async open(options: StoreOptions): Promise<Store> {
    await mkdir(options.dir, { recursive: true });
    const lock = await lockDataDir(options.dir);
    const store = new Store(options.dir, lock, options.writeConcurrency ?? 4);
    try {
      for (const def of options.collections) {
        if (store.#collections.has(def.name)) throw new Error(`collection ${def.name} defined twice`);
        store.#collections.set(def.name, new Collection(def, options.dir));
      }
      for (const def of options.logs ?? []) {
        if (store.#logs.has(def.name) || store.#collections.has(def.name)) throw new Error(`log ${def.name} clashes with another name`);
        store.#logs.set(def.name, new AppendLog(def, options.dir));
      }
      await Promise.all([...store.#collections.values()].map((c) => c.load()));
      for (const log of store.#logs.values()) await log.load(options.onWarning);
    } catch (error) {
      await lock.release();
      throw error;
    }
    return store;
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

  /** Resolves when every change made before this call is written. */
  commit(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error("store is closed"));
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
    const shards: Shard<unknown>[] = [];
    for (const c of this.#collections.values()) shards.push(...c.dirtyShards());
    const logs = [...this.#logs.values()].filter((l) => l.hasPending);
    const errors: unknown[] = [];
    let index = 0;
    const worker = async () => {
      while (index < shards.length) {
        const shard = shards[index++]!;
        try {
          await shard.write();
          this.stats.fileWrites++;
          this.stats.bytesWritten += shard.lastWriteBytes;
        } catch (error) {
          errors.push(error);
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: Math.min(this.#concurrency, shards.length) }, worker),
      ...logs.map(async (log) => {
        try {
          const bytes = await log.flush();
          this.stats.fileWrites++;
          this.stats.bytesWritten += bytes;
        } catch (error) {
          errors.push(error);
        }
      }),
    ]);
    if (errors.length) throw errors[0];
  }

  /** Writes what is pending and releases DATA_DIR. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.commit();
    this.#closed = true;
    await this.#lock.release();
  }
}
