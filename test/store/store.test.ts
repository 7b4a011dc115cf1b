import { readFile, readdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCollection, shardOf } from "../../src/store/json/collection.js";
import { StoreError } from "../../src/store/errors.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

const note = z.object({ title: z.string().min(1), pages: z.number().int() });
const notes = defineCollection({ name: "notes", version: 1, record: note, shards: 8 });
const settings = defineCollection({ name: "settings", version: 1, record: z.object({ value: z.string() }), shards: 1 });

describe("Store", () => {
  it("writes records to one small file per shard and reads them back after a restart", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, collections: [notes, settings] });
    await store.run((u) => {
      for (let i = 0; i < 50; i++) store.collection(notes).set(`n${i}`, { title: `Ghi chú ${i} – Đăng ký`, pages: i }, u);
      store.collection(settings).set("theme", { value: "sáng" }, u);
    });
    await store.close();

    const files = (await readdir(path.join(dir, "notes"))).filter((f) => f.endsWith(".json"));
    expect(files.length).toBe(8);
    const one = JSON.parse(await readFile(path.join(dir, "notes", files[0]!), "utf8")) as { version: number; records: object };
    expect(one.version).toBe(1);
    expect(JSON.parse(await readFile(path.join(dir, "settings.json"), "utf8"))).toEqual({ version: 1, records: { theme: { value: "sáng" } } });

    const again = await Store.open({ dir, collections: [notes, settings] });
    expect(again.collection(notes).size).toBe(50);
    expect(again.collection(notes).get("n7")).toEqual({ title: "Ghi chú 7 – Đăng ký", pages: 7 });
    expect(again.collection(settings).get("theme")?.value).toBe("sáng");
    await again.run((u) => again.collection(notes).delete("n7", u));
    await again.close();
    const third = await Store.open({ dir, collections: [notes, settings] });
    expect(third.collection(notes).has("n7")).toBe(false);
    expect(third.collection(notes).size).toBe(49);
    await third.close();
  });

  it("refuses a record that does not fit its schema, as a programming error", async () => {
    const store = await Store.open({ dir: await tempDir(), collections: [notes] });
    await expect(store.run((u) => store.collection(notes).set("x", { title: "", pages: 1 }, u))).rejects.toThrow(/notes\[x\]/);
    expect(store.collection(notes).has("x")).toBe(false);
    await store.close();
  });

  it("commits turns that arrive together with one journal append, and rewrites no collection file on the way", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, collections: [notes] });
    const commits = Array.from({ length: 200 }, (_, i) => store.run((u) => store.collection(notes).set(`k${i}`, { title: "t", pages: i }, u)));
    await Promise.all(commits);
    expect(store.stats.commits).toBeLessThanOrEqual(2);
    expect(store.stats.fileWrites).toBeLessThanOrEqual(2);
    expect((await readdir(path.join(dir, "notes"))).filter((f) => f.endsWith(".json"))).toEqual([]);
    expect((await readFile(path.join(dir, "journal", "000001.jsonl"), "utf8")).trim().split("\n")).toHaveLength(200);
    await store.close();
    expect((await readdir(path.join(dir, "notes"))).filter((f) => f.endsWith(".json"))).toHaveLength(8);
    expect(await readdir(path.join(dir, "journal"))).toEqual([]);
  });

  it("brings the files up to date at a checkpoint, then drops the journal it covers; later changes go to a new segment", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, collections: [settings] });
    await store.run((u) => store.collection(settings).set("a", { value: "1" }, u));
    const checkpoint = store.checkpoint();
    // Committed with the checkpoint's first write, before its rotation: covered by this checkpoint.
    const b = store.run((u) => store.collection(settings).set("b", { value: "2" }, u));
    await Promise.all([checkpoint, b]);
    expect(JSON.parse(await readFile(path.join(dir, "settings.json"), "utf8")).records).toEqual({ a: { value: "1" }, b: { value: "2" } });
    expect(await readdir(path.join(dir, "journal"))).toEqual([]);
    await store.run((u) => store.collection(settings).set("c", { value: "3" }, u));
    expect(await readdir(path.join(dir, "journal"))).toEqual(["000002.jsonl"]);
    await store.close();
    expect(JSON.parse(await readFile(path.join(dir, "settings.json"), "utf8")).records).toEqual({ a: { value: "1" }, b: { value: "2" }, c: { value: "3" } });
    expect(await readdir(path.join(dir, "journal"))).toEqual([]);
  });

  it("replays what the journal holds when a run ended without a checkpoint", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "journal"), { recursive: true });
    const lines = [
      { c: "settings", v: 1, k: "a", r: { value: "một" } },
      { c: "settings", v: 1, k: "b", r: { value: "hai" } },
      { c: "settings", v: 1, k: "a", d: 1 },
    ];
    await writeFile(path.join(dir, "journal", "000007.jsonl"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n{"c":"settings","v":1,"k":"c","r":{"va`);
    const warnings: string[] = [];
    const store = await Store.open({ dir, collections: [settings], onWarning: (w) => warnings.push(w.message) });
    expect([...store.collection(settings).entries()]).toEqual([["b", { value: "hai" }]]);
    expect(warnings[0]).toMatch(/incomplete/);
    await store.run((u) => store.collection(settings).set("d", { value: "bốn" }, u));
    expect(await readdir(path.join(dir, "journal"))).toContain("000008.jsonl");
    await store.close();
    const again = await Store.open({ dir, collections: [settings] });
    expect(Object.fromEntries(again.collection(settings).entries())).toEqual({ b: { value: "hai" }, d: { value: "bốn" } });
    await again.close();
  });

  it("stops the start on a journal line that does not fit, naming the file and line", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "journal"), { recursive: true });
    const file = path.join(dir, "journal", "000001.jsonl");
    await writeFile(file, `${JSON.stringify({ c: "settings", v: 1, k: "a", r: { value: 3 } })}\n`);
    await expect(Store.open({ dir, collections: [settings] })).rejects.toThrow(`${file}:1 record "a": value`);
    await writeFile(file, `${JSON.stringify({ c: "gone", v: 1, k: "a", r: {} })}\n`);
    await expect(Store.open({ dir, collections: [settings] })).rejects.toThrow(/names a collection this version does not have/);
  });

  it.each([
    ["not JSON", "{ \"version\": 1, \"records\": {", /settings\.json is not valid JSON/],
    ["an empty file", "", /settings\.json is not valid JSON/],
    ["null", "null", /settings\.json does not hold a JSON object/],
    ["a record that breaks the schema", JSON.stringify({ version: 1, records: { a: { value: 5 } } }), /settings\.json record "a": value/],
    ["no version", JSON.stringify({ records: {} }), /settings\.json version/],
    ["a newer schema version", JSON.stringify({ version: 9, records: {} }), /newer version of the bot/],
  ])("stops the start on %s, naming the file and leaving it untouched", async (_what, content, message) => {
    const dir = await tempDir();
    const file = path.join(dir, "settings.json");
    await writeFile(file, content);
    const error = await Store.open({ dir, collections: [settings] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(String((error as Error).message)).toMatch(message);
    expect((error as StoreError).file).toBe(file);
    expect(await readFile(file, "utf8")).toBe(content);
    // The failed start released DATA_DIR: a fixed file opens.
    await writeFile(file, JSON.stringify({ version: 1, records: { a: { value: "ok" } } }));
    const store = await Store.open({ dir, collections: [settings] });
    expect(store.collection(settings).get("a")?.value).toBe("ok");
    await store.close();
  });

  it("refuses a record filed in the wrong shard (a hand edit gone wrong)", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "notes"));
    const right = shardOf("n1", 8);
    const wrong = (right + 1) % 8;
    const name = `${wrong.toString(16).padStart(2, "0")}.json`;
    await writeFile(path.join(dir, "notes", name), JSON.stringify({ version: 1, records: { n1: { title: "x", pages: 1 } } }));
    await expect(Store.open({ dir, collections: [notes] })).rejects.toThrow(new RegExp(`notes/${name} record "n1" belongs in shard ${right}`));
  });

  it("migrates an older file on load, keeps a backup of the original, and writes the new version", async () => {
    const dir = await tempDir();
    const v1 = JSON.stringify({ version: 1, records: { a: { value: "cũ" } } }, null, 2);
    await writeFile(path.join(dir, "settings.json"), v1);
    const settingsV2 = defineCollection({
      name: "settings",
      version: 2,
      record: z.object({ value: z.string(), changedBy: z.string() }),
      shards: 1,
      migrations: { 1: (r) => ({ ...(r as object), changedBy: "migration" }) },
    });
    const store = await Store.open({ dir, collections: [settingsV2] });
    expect(store.collection(settingsV2).get("a")).toEqual({ value: "cũ", changedBy: "migration" });
    await store.close();
    const written = JSON.parse(await readFile(path.join(dir, "settings.json"), "utf8"));
    expect(written).toEqual({ version: 2, records: { a: { value: "cũ", changedBy: "migration" } } });
    expect(await readFile(path.join(dir, "settings.json.v1.bak"), "utf8")).toBe(v1);
  });

  it("refuses an older file when a migration is missing", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "settings.json"), JSON.stringify({ version: 1, records: {} }));
    const v3 = defineCollection({ name: "settings", version: 3, record: z.object({ value: z.string() }), shards: 1, migrations: { 2: (r) => r } });
    await expect(Store.open({ dir, collections: [v3] })).rejects.toThrow(/no migration from v1/);
  });

  it("keeps a second process out of the same DATA_DIR, and takes over a lock left by a dead one", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, ".lock"), JSON.stringify({ pid: process.ppid, since: "2026-01-01T00:00:00Z" }));
    await expect(Store.open({ dir, collections: [settings] })).rejects.toThrow(/in use by another running bot process/);
    await writeFile(path.join(dir, ".lock"), JSON.stringify({ pid: 2 ** 22 + 12345, since: "2026-01-01T00:00:00Z" }));
    const store = await Store.open({ dir, collections: [settings] });
    await store.close();
    await expect(readFile(path.join(dir, ".lock"))).rejects.toThrow();
  });
});
