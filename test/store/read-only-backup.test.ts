import { readFile, readdir, stat, writeFile, appendFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineLog, monthOf } from "../../src/store/json/append-log.js";
import { backupDataDir } from "../../src/store/json/backup.js";
import { defineCollection } from "../../src/store/json/collection.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

const items = defineCollection({ name: "items", version: 1, record: z.object({ i: z.number().int(), text: z.string() }), shards: 8 });
const head = defineCollection({ name: "head", version: 1, record: z.object({ i: z.number().int() }), shards: 1 });
const events = defineLog({ name: "events", version: 1, entry: z.object({ at: z.string(), i: z.number().int() }), fileOf: (e) => monthOf(e.at) });
const defs = { collections: [items, head], logs: [events] };

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

describe("reading DATA_DIR beside the running bot", () => {
  it("sees the journal's newest changes, takes no lock, writes nothing and cannot commit", async () => {
    const dir = await tempDir();
    const writer = await Store.open({ dir, ...defs });
    await writer.run((u) => writer.collection(items).set("a", { i: 1, text: "Đã kiểm tra" }, u));
    await writer.checkpoint();
    await writer.run((u) => {
      writer.collection(items).set("b", { i: 2, text: "chỉ trong nhật ký" }, u);
      writer.collection(head).set("head", { i: 2 }, u);
      writer.log(events).append({ at: "2026-11-22T03:00:00Z", i: 2 }, u);
    });

    const reader = await Store.open({ dir, ...defs, readOnly: true });
    expect(reader.collection(items).get("b")?.text).toBe("chỉ trong nhật ký");
    expect(reader.collection(head).get("head")?.i).toBe(2);
    expect(reader.log(events).entries()).toEqual([{ at: "2026-11-22T03:00:00Z", i: 2 }]);
    await expect(reader.commit()).rejects.toThrow(/read-only/);
    expect(() => reader.beginUnit()).toThrow(/read-only/);
    await expect(reader.checkpoint()).rejects.toThrow(/read-only/);
    await reader.close();
    // The writer's lock is still its own: it commits and closes as usual.
    await writer.run((u) => writer.collection(items).set("c", { i: 3, text: "sau" }, u));
    await writer.close();

    // A half-written last line (the bot mid-append) is skipped, and the file is left as it was.
    const seg = path.join(dir, "journal", "000009.jsonl");
    await writeFile(seg, `${JSON.stringify({ c: "items", v: 1, k: "d", r: { i: 4, text: "xong" } })}\n{"c":"items","v":1,"k":"e","r":{"i":5`);
    const bytes = await readFile(seg);
    const warnings: string[] = [];
    const again = await Store.open({ dir, ...defs, readOnly: true, onWarning: (w) => warnings.push(w.message) });
    expect(again.collection(items).get("d")?.i).toBe(4);
    expect(again.collection(items).has("e")).toBe(false);
    expect((await readFile(seg)).equals(bytes)).toBe(true);
    expect(await exists(`${seg}.torn`)).toBe(false);
    // (Said each time the segment is read: the last one is read twice, see Store.open.)
    expect(new Set(warnings)).toEqual(new Set(["ignored an incomplete last line (37 characters)"]));

    // Nothing at all is created in a folder that does not exist.
    const none = path.join(dir, "not-yet");
    const empty = await Store.open({ dir: none, ...defs, readOnly: true });
    expect(empty.collection(items).size).toBe(0);
    expect(await exists(none)).toBe(false);
  });

  it("backs up and reads while the bot commits and checkpoints: every change acknowledged before is there", async () => {
    const dir = await tempDir();
    const writer = await Store.open({ dir, ...defs, checkpointAtBytes: 4_000, checkpointEveryMs: 5 });
    let acknowledged = -1;
    let stop = false;
    const writing = (async () => {
      for (let i = 0; !stop && i < 100_000; i++) {
        await writer.run((u) => {
          writer.collection(items).set(`item-${i}`, { i, text: `bản ghi ${i} — Đồng Nai` }, u);
          writer.collection(head).set("head", { i }, u);
        });
        acknowledged = i;
        if (i % 7 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    /** What is promised: every change acknowledged before the copy or read began. */
    const promised = (store: Store, before: number) => {
      expect(store.collection(head).get("head")?.i ?? -1).toBeGreaterThanOrEqual(before);
      for (let k = 0; k <= before; k++) expect(store.collection(items).has(`item-${k}`), `item-${k}`).toBe(true);
    };
    try {
      for (let n = 0; n < 6; n++) {
        await new Promise((r) => setTimeout(r, 20));
        const before = acknowledged;
        const to = path.join(await tempDir(), `copy-${n}`);
        await backupDataDir(dir, to);
        const copy = await Store.open({ dir: to, ...defs });
        promised(copy, before);
        await copy.close();
        const beforeRead = acknowledged;
        const reader = await Store.open({ dir, ...defs, readOnly: true });
        promised(reader, beforeRead);
      }
    } finally {
      stop = true;
      await writing;
    }
    expect(writer.stats.checkpoints).toBeGreaterThan(3);
    expect(acknowledged).toBeGreaterThan(100);
    await writer.close();
    expect((await readdir(path.join(dir, "journal"))).length).toBeLessThanOrEqual(1);
  });

  it("copies every store file but the lock, journal included, into a folder that opens as DATA_DIR", async () => {
    const dir = await tempDir();
    const writer = await Store.open({ dir, ...defs });
    await writer.run((u) => writer.collection(items).set("a", { i: 1, text: "một" }, u));
    await writer.checkpoint();
    await writer.run((u) => {
      writer.collection(items).set("b", { i: 2, text: "hai" }, u);
      writer.log(events).append({ at: "2026-10-01T00:00:00Z", i: 1 }, u);
      writer.log(events).append({ at: "2026-11-01T00:00:00Z", i: 2 }, u);
    });
    await appendFile(path.join(dir, "journal", "000002.jsonl"), "");
    const to = path.join(await tempDir(), "copy");
    const result = await backupDataDir(dir, to);
    expect(result.journalSegments).toBe(1);
    const copied = (await readdir(to, { recursive: true })).sort();
    expect(copied).toContain("events/2026-10.jsonl");
    expect(copied).toContain("events/2026-11.jsonl");
    expect(copied).toContain("journal/000002.jsonl");
    expect(copied.some((f) => f.endsWith(".lock"))).toBe(false);
    await writer.close();
    const opened = await Store.open({ dir: to, ...defs });
    expect([...opened.collection(items).values()].map((r) => r.text).sort()).toEqual(["hai", "một"]);
    expect(opened.log(events).entries()).toHaveLength(2);
    await opened.close();
  });
});
