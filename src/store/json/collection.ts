import { access, copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import { z } from "zod";
import { StoreError, describeZodIssue } from "../errors.js";
import type { JsonUnit } from "./unit.js";

/**
 * A keyed collection kept as JSON files under DATA_DIR. lowdb rewrites a whole file on every
 * write, so a large collection is spread over `shards` files by a hash of the key: a change
 * rewrites one small file, never the whole collection.
 */
export interface CollectionDefinition<T> {
  /** Folder (or file, for one shard) name under DATA_DIR. */
  name: string;
  /** Schema version written into every file; raise it and add a migration when the record shape changes. */
  version: number;
  record: z.ZodType<T>;
  /** 1 = a single `<name>.json`; more = `<name>/<xx>.json`. Fixed once data exists. */
  shards: number;
  /** `migrations[v]` turns a version-v record into a version v+1 record. */
  migrations?: Record<number, (record: unknown, key: string) => unknown>;
}

export function defineCollection<T>(definition: CollectionDefinition<T>): CollectionDefinition<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) throw new Error(`bad collection name ${definition.name}`);
  if (definition.shards < 1 || definition.shards > 4096) throw new Error(`bad shard count for ${definition.name}`);
  return definition;
}

/** The file's frame; `records` is only checked to be an object here — each record gets its own schema. */
const envelope = z.object({
  version: z.number().int().min(1),
  records: z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null && !Array.isArray(v), "records must be an object"),
});

/** FNV-1a: fast, stable across runs and versions, good enough to spread keys. */
export function shardOf(key: string, shards: number): number {
  if (shards === 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

interface ShardFile {
  version: number;
  records: Record<string, unknown>;
}

/** `{"version": 1, "records": {` then one `"key": {record}` per line. Valid JSON, readable line by line. */
export function stringifyShard(data: ShardFile): string {
  const lines = Object.entries(data.records).map(([key, record]) => `    ${JSON.stringify(key)}: ${JSON.stringify(record)}`);
  return `{\n  "version": ${data.version},\n  "records": {${lines.length ? `\n${lines.join(",\n")}\n  ` : ""}}\n}\n`;
}

export class Shard<T> {
  readonly records = new Map<string, T>();
  dirty = false;
  /** Set while the file content on disk is an older version we must back up before overwriting. */
  backupBeforeWrite: number | null = null;
  /** Size of the last write, for the benchmarks' bytes-per-update figure. */
  lastWriteBytes = 0;
  readonly #db: Low<ShardFile>;

  constructor(
    readonly file: string,
    readonly version: number,
  ) {
    // lowdb's JSON file adapter (DataFile: JSON.parse, atomic temp-file write), with one record per
    // line: a person can still read and grep the file, and it is about half the size of JSONFile's
    // 2-space indent — which halves parsing at start-up (measured: 25,000 forms 38 → 22 MB).
    const adapter = new DataFile<ShardFile>(file, {
      parse: JSON.parse,
      stringify: (data) => {
        const text = stringifyShard(data);
        this.lastWriteBytes = Buffer.byteLength(text);
        return text;
      },
    });
    this.#db = new Low<ShardFile>(adapter, { version, records: {} });
  }

  /** Reads the file (if any) without ever writing it; null when it does not exist yet. */
  async readRaw(): Promise<unknown> {
    try {
      await access(this.file);
    } catch {
      return null;
    }
    let data: unknown;
    try {
      data = await this.#db.adapter.read();
    } catch (error) {
      const reason = error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${String(error)})`;
      throw new StoreError(this.file, reason);
    }
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      throw new StoreError(this.file, "does not hold a JSON object");
    }
    return data;
  }

  /**
   * Serialises synchronously (lowdb stringifies inside write) and writes atomically (temp file +
   * rename). `committed` gives each record as last committed (a unit still open may have changed
   * it in memory): the files never hold a change whose commit has not completed.
   */
  async write(committed: () => Record<string, T> = () => Object.fromEntries(this.records)): Promise<void> {
    if (this.backupBeforeWrite !== null) {
      const from = this.backupBeforeWrite;
      await copyFile(this.file, `${this.file}.v${from}.bak`).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "ENOENT") throw e;
      });
      this.backupBeforeWrite = null;
    }
    this.dirty = false;
    this.#db.data = { version: this.version, records: committed() };
    try {
      await this.#db.write();
    } catch (error) {
      this.dirty = true;
      throw error;
    } finally {
      // Do not keep a second copy of every record alive between writes.
      this.#db.data = { version: this.version, records: {} };
    }
  }
}

/** Told of every change of a record in memory (`undefined` = absent): indexes follow the collection with it. */
export type RecordWatcher<T> = (key: string, before: T | undefined, after: T | undefined) => void;

/** Where a write belongs: the unit that holds the record's lock (see store.ts). */
export interface WriteGuard {
  /** Throws unless `unit` may write `collection`/`key` now (it holds the lock, or takes it because it is free). */
  claim(unit: JsonUnit, collection: string, key: string): void;
}

const ABSENT = Symbol("absent");

export class Collection<T> {
  readonly shards: Shard<T>[];
  #size = 0;
  readonly #guard: WriteGuard | null;
  readonly #watchers: RecordWatcher<T>[] = [];
  /** Records changed by a unit not yet committed: their last committed value (for checkpoints and undo). */
  readonly #uncommitted = new Map<string, T | typeof ABSENT>();
  /** Per shard: not read yet (null), being read, or read (true). */
  readonly #loaded: (null | Promise<void> | true)[];
  /** Journal items for shards not read yet, applied in order when they are. */
  readonly #deferred = new Map<number, { where: string; version: number; key: string; value: unknown }[]>();

  constructor(
    readonly definition: CollectionDefinition<T>,
    dataDir: string,
    guard: WriteGuard | null = null,
  ) {
    this.#guard = guard;
    const { name, shards, version } = definition;
    const width = Math.max(2, (shards - 1).toString(16).length);
    this.shards = Array.from({ length: shards }, (_, i) =>
      shards === 1
        ? new Shard<T>(path.join(dataDir, `${name}.json`), version)
        : new Shard<T>(path.join(dataDir, name, `${i.toString(16).padStart(width, "0")}.json`), version),
    );
    this.#loaded = this.shards.map(() => null);
  }

  get name(): string {
    return this.definition.name;
  }

  /** Makes the folder (unless `readOnly`); no shard is read yet (see `load`, `ready`, `readyAll`). */
  async prepare(readOnly = false): Promise<void> {
    if (!readOnly) await mkdir(path.dirname(this.shards[0]!.file), { recursive: true });
  }

  /** Loads and validates every shard now; any problem throws a StoreError naming the file. `readOnly` creates no folder. */
  async load(readOnly = false): Promise<void> {
    await this.prepare(readOnly);
    await this.readyAll();
  }

  /**
   * Reads the shard a key lives in, if it is not read yet (a StoreError names a broken file).
   * Every read or write of a record awaits this first; a read shard costs nothing more.
   */
  ready(key: string): Promise<void> | undefined {
    return this.#loadAt(shardOf(key, this.shards.length));
  }

  /** Reads every shard not read yet, one at a time (a scan of the whole collection awaits this). */
  async readyAll(pause?: () => Promise<void>): Promise<void> {
    for (let i = 0; i < this.shards.length; i++) {
      const loading = this.#loadAt(i);
      if (!loading) continue;
      await loading;
      // Let the turns go on between shards while loading in the background.
      if (pause) await pause();
    }
  }

  /** Whether every shard is read. */
  get allLoaded(): boolean {
    return this.#loaded.every((l) => l === true);
  }

  #loadAt(index: number): Promise<void> | undefined {
    const state = this.#loaded[index];
    if (state === true) return undefined;
    if (state) return state;
    const shard = this.shards[index]!;
    // One shard at a time per collection, and a shard's raw JSON dies before the next is parsed, so
    // the garbage of loading is not promoted to the old generation (measured on the large store:
    // heap right after opening 152 → 72 MB and RSS 240 → 160 MB, in the same time).
    const loading = this.#loadShard(shard, index).then(
      () => {
        this.#loaded[index] = true;
        for (const { where, version, key, value } of this.#deferred.get(index) ?? []) this.replay(where, version, key, value);
        this.#deferred.delete(index);
      },
      (error: unknown) => {
        // Not read: asked again, the same error comes again (the file is never written unread).
        this.#loaded[index] = null;
        throw error;
      },
    );
    this.#loaded[index] = loading;
    return loading;
  }

  async #loadShard(shard: Shard<T>, index: number): Promise<void> {
    const raw = await shard.readRaw();
    if (raw === null) return;
    const parsed = envelope.safeParse(raw);
    if (!parsed.success) throw new StoreError(shard.file, describeZodIssue(parsed.error));
    const { version } = parsed.data;
    const current = this.definition.version;
    if (version > current) {
      throw new StoreError(shard.file, `was written by a newer version of the bot (schema v${version}; this one knows v${current})`);
    }
    for (let v = version; v < current; v++) {
      if (!this.definition.migrations?.[v]) throw new StoreError(shard.file, `has schema v${version} and there is no migration from v${v}`);
    }
    for (const [key, value] of Object.entries(parsed.data.records)) {
      const checked = this.#upgrade(shard.file, version, key, value);
      if (shardOf(key, this.shards.length) !== index) {
        throw new StoreError(shard.file, `record ${JSON.stringify(key)} belongs in shard ${shardOf(key, this.shards.length)}, not ${index}`);
      }
      shard.records.set(key, checked);
      this.#size++;
      for (const watch of this.#watchers) watch(key, undefined, checked);
    }
    if (version < current) {
      shard.backupBeforeWrite = version;
      shard.dirty = true;
    }
  }

  /** Migrates a record written at `version` to the current one and validates it. */
  #upgrade(where: string, version: number, key: string, value: unknown): T {
    const current = this.definition.version;
    if (version > current) throw new StoreError(where, `was written by a newer version of the bot (schema v${version}; this one knows v${current})`);
    let record = value;
    for (let v = version; v < current; v++) {
      const migrate = this.definition.migrations?.[v];
      if (!migrate) throw new StoreError(where, `has schema v${version} and there is no migration from v${v}`);
      record = migrate(record, key);
    }
    const checked = this.definition.record.safeParse(record);
    if (!checked.success) throw new StoreError(where, `record ${JSON.stringify(key)}: ${describeZodIssue(checked.error)}`);
    return checked.data;
  }

  /** Applies a journal line left by an earlier run (no new journal line is written); kept for later if its shard is not read yet. */
  replay(where: string, version: number, key: string, value: unknown): void {
    const index = shardOf(key, this.shards.length);
    if (this.#loaded[index] !== true) {
      const list = this.#deferred.get(index) ?? [];
      list.push({ where, version, key, value });
      this.#deferred.set(index, list);
      return;
    }
    this.#put(key, value === undefined ? undefined : this.#upgrade(where, version, key, value));
  }

  /** Sets (or, with `undefined`, removes) a record in memory and tells the watchers; no journal. */
  #put(key: string, value: T | undefined): void {
    const shard = this.#shard(key);
    const before = shard.records.get(key);
    if (value === undefined) {
      if (!shard.records.delete(key)) return;
      this.#size--;
    } else {
      if (before === undefined) this.#size++;
      shard.records.set(key, value);
    }
    shard.dirty = true;
    for (const watch of this.#watchers) watch(key, before, value);
  }

  /** Indexes built over this collection hear of every change, including undone ones. Call before loading. */
  watch(watcher: RecordWatcher<T>): void {
    this.#watchers.push(watcher);
  }

  /** The shard of a key, which must be read already (a repository awaits `ready(key)` first). */
  #shard(key: string): Shard<T> {
    const index = shardOf(key, this.shards.length);
    if (this.#loaded[index] !== true) throw new Error(`${this.name}: shard ${index} is not read yet (await ready(key) first)`);
    return this.shards[index]!;
  }

  get(key: string): T | undefined {
    return this.#shard(key).records.get(key);
  }

  has(key: string): boolean {
    return this.#shard(key).records.has(key);
  }

  /**
   * Validates and stores a record as part of `unit`, which must hold the record's lock (see
   * store.ts `lock`). Seen at once in memory; written by the unit's commit, undone if it fails.
   */
  set(key: string, value: T, unit: JsonUnit): T {
    const checked = this.definition.record.safeParse(value);
    if (!checked.success) {
      // A programming error, not a user error: the data we built does not fit our own schema.
      throw new Error(`${this.name}[${key}] does not fit its schema: ${describeZodIssue(checked.error)}`);
    }
    this.#change(key, checked.data, unit);
    return checked.data;
  }

  delete(key: string, unit: JsonUnit): boolean {
    if (!this.#shard(key).records.has(key)) return false;
    this.#change(key, undefined, unit);
    return true;
  }

  #change(key: string, value: T | undefined, unit: JsonUnit): void {
    if (unit.ended) throw new Error(`${this.name}[${key}]: the unit of work has ended`);
    this.#guard?.claim(unit, this.name, key);
    if (!this.#uncommitted.has(key)) {
      // The first change of this record in this unit: remember the committed value. The lock
      // keeps every other unit off this record until the unit ends.
      this.#uncommitted.set(key, this.#shard(key).records.get(key) ?? ABSENT);
      unit.onSettle((committed) => {
        const before = this.#uncommitted.get(key);
        this.#uncommitted.delete(key);
        if (!committed) this.#put(key, before === ABSENT ? undefined : before);
        // A checkpoint may have written the committed value meanwhile: the file needs this one too.
        else this.#shard(key).dirty = true;
      });
    }
    this.#put(key, value);
    const { name, version } = this.definition;
    unit.items.push(JSON.stringify(value === undefined ? { c: name, v: version, k: key, d: 1 } : { c: name, v: version, k: key, r: value }));
  }

  /** Writes a shard's file with its records as last committed, whatever a unit still open did to them. */
  writeShard(shard: Shard<T>): Promise<void> {
    return shard.write(() => {
      const records: Record<string, T> = Object.fromEntries(shard.records);
      for (const [key, before] of this.#uncommitted) {
        if (this.#shard(key) !== shard) continue;
        if (before === ABSENT) delete records[key];
        else records[key] = before;
      }
      return records;
    });
  }

  get size(): number {
    this.#mustBeLoaded();
    return this.#size;
  }

  *entries(): IterableIterator<[string, T]> {
    this.#mustBeLoaded();
    for (const shard of this.shards) yield* shard.records.entries();
  }

  *values(): IterableIterator<T> {
    this.#mustBeLoaded();
    for (const shard of this.shards) yield* shard.records.values();
  }

  /** The records of the shards read so far (indexes built while the rest loads). */
  *loadedValues(): IterableIterator<T> {
    for (const [i, shard] of this.shards.entries()) if (this.#loaded[i] === true) yield* shard.records.values();
  }

  #mustBeLoaded(): void {
    if (!this.allLoaded) throw new Error(`${this.name}: not every shard is read yet (await readyAll() first)`);
  }

  dirtyShards(): Shard<T>[] {
    return this.shards.filter((s) => s.dirty);
  }
}
