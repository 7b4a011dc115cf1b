import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { AppendLog, type LogDefinition } from "../../src/store/json/append-log.js";
import { Collection, type CollectionDefinition } from "../../src/store/json/collection.js";
import type { StoreLike, StoreOptions, StoreStats } from "../../src/store/json/store.js";

type Db = { collections: Record<string, Record<string, unknown>>; logs: Record<string, unknown[]> };

/**
 * The baseline a quick grammY + lowdb bot would have: every collection in one lowdb JSON file,
 * the whole file written after every update. Same records and schemas as the real store; only
 * the persistence differs. For the load benchmark only.
 */
export async function openNaiveStore(options: StoreOptions): Promise<StoreLike> {
  await mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, "db.json");
  const db = new Low<Db>(new JSONFile<Db>(file), { collections: {}, logs: {} });
  await db.read();
  const collections = new Map<string, Collection<unknown>>();
  const logs = new Map<string, AppendLog<object>>();
  // The Collection class keeps the records in memory; its own files are never read or written here.
  const unused = path.join(options.dir, "unused");
  for (const def of options.collections as readonly CollectionDefinition<unknown>[]) {
    const c = new Collection({ ...def, shards: 1 }, unused);
    for (const [key, value] of Object.entries(db.data.collections[def.name] ?? {})) c.replay(file, def.version, key, value);
    collections.set(def.name, c);
  }
  for (const def of (options.logs ?? []) as readonly LogDefinition<object>[]) logs.set(def.name, new AppendLog(def, unused));
  const stats: StoreStats = { commits: 0, checkpoints: 0, fileWrites: 0, bytesWritten: 0 };

  const write = async () => {
    const data: Db = { collections: {}, logs: {} };
    for (const [name, c] of collections) data.collections[name] = Object.fromEntries(c.entries());
    // A lazy log keeps nothing in memory (its files are read one by one); the naive store has none to write.
    for (const [name, l] of logs) data.logs[name] = l.definition.lazy ? [] : [...l.entries()];
    db.data = data;
    stats.commits++;
    stats.fileWrites++;
    // lowdb's JSONFile writes the whole database, pretty-printed; count what landed.
    await db.write();
    stats.bytesWritten += (await stat(file)).size;
  };
  const byDefinition = <T>(def: { name: string }, map: Map<string, T>): T => {
    const found = map.get(def.name);
    if (!found) throw new Error(`${def.name} is not open`);
    return found;
  };
  return {
    dir: options.dir,
    stats,
    collection: <T>(def: CollectionDefinition<T>) => byDefinition(def, collections) as Collection<T>,
    log: <T extends object>(def: LogDefinition<T>) => byDefinition(def, logs) as unknown as AppendLog<T>,
    commit: write,
    checkpoint: write,
    close: write,
  };
}
