import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StoreError } from "../../src/store/errors.js";
import { defineCollection, shardOf } from "../../src/store/json/collection.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const notes = defineCollection({ name: "notes", version: 1, record: z.object({ n: z.number().int() }), shards: 8 });

/** A DATA_DIR with 200 notes in their files, and one more change only in the journal (a run that ended without a checkpoint). */
async function prepared(): Promise<string> {
  const dir = await tempDir();
  const store = await Store.open({ dir, collections: [notes] });
  await store.run((u) => {
    for (let i = 0; i < 200; i++) store.collection(notes).set(`n${i}`, { n: i }, u);
  });
  await store.close();
  const again = await Store.open({ dir, collections: [notes], checkpointEveryMs: 3_600_000 });
  await again.run((u) => again.collection(notes).set("n7", { n: 7007 }, u));
  // Killed: no checkpoint, the change is only in the journal (the lock goes with the process).
  await writeFile(path.join(dir, ".lock"), JSON.stringify({ pid: 2 ** 22 + 4321, since: "2026-01-01T00:00:00Z" }));
  return dir;
}

describe("a JSON store read in the background (npm start)", () => {
  it("reads the shard a record lives in first, applies journal lines when their shard is read, and lets a scan wait for every shard", async () => {
    const dir = await prepared();
    const store = await Store.open({ dir, collections: [notes], background: true });
    const c = store.collection(notes);
    // Nothing read yet: a record needs its shard first.
    expect(c.allLoaded).toBe(false);
    expect(() => c.get("n7")).toThrow(/not read yet/);
    await c.ready("n7");
    // The journal's change, applied when the shard was read.
    expect(c.get("n7")).toEqual({ n: 7007 });
    expect(c.allLoaded).toBe(false);
    expect(() => [...c.values()]).toThrow(/not every shard is read/);
    await store.startLoading();
    expect(c.allLoaded).toBe(true);
    expect(c.size).toBe(200);
    expect(c.get("n8")).toEqual({ n: 8 });
    await store.close();
    // The checkpoint at close wrote the journal's change into the files.
    const files = await readdir(path.join(dir, "notes"));
    const records: Record<string, { n: number }> = {};
    for (const f of files) Object.assign(records, (JSON.parse(await readFile(path.join(dir, "notes", f), "utf8")) as { records: object }).records);
    expect(records.n7).toEqual({ n: 7007 });
    expect(Object.keys(records)).toHaveLength(200);
  });

  it("reports a broken shard found in the background by its file, writes nothing, and releases DATA_DIR", async () => {
    const dir = await prepared();
    const broken = path.join(dir, "notes", `${shardOf("n3", 8).toString(16).padStart(2, "0")}.json`);
    await writeFile(broken, '{"version":1,"records":{"n3":{"n":');
    const before = await readFile(broken, "utf8");
    const journalBefore = await readdir(path.join(dir, "journal"));
    const store = await Store.open({ dir, collections: [notes], background: true });
    const error = await store.startLoading().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).file).toBe(broken);
    // Asked for again, the same shard gives the same error (it is never taken as empty).
    await expect(store.collection(notes).ready("n3")).rejects.toThrow(/is not valid JSON/);
    await store.close();
    expect(await readFile(broken, "utf8")).toBe(before);
    // The journal is kept (no checkpoint ran), and DATA_DIR is free again.
    expect(await readdir(path.join(dir, "journal"))).toEqual(journalBefore);
    await expect(stat(path.join(dir, ".lock"))).rejects.toThrow();
  });
});
