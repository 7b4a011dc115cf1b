import { cp, readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineLog } from "../../src/store/json/append-log.js";
import { defineCollection } from "../../src/store/json/collection.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/** A disk that fails the next journal append: half the bytes written, then ENOSPC (or nothing written). */
const disk = vi.hoisted(() => ({ failNext: null as null | "partial" | "nothing" }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...real,
    async appendFile(file: Parameters<typeof real.appendFile>[0], data: string | Uint8Array, options?: Parameters<typeof real.appendFile>[2]) {
      if (disk.failNext && String(file).includes(`${path.sep}journal${path.sep}`)) {
        const mode = disk.failNext;
        disk.failNext = null;
        if (mode === "partial") await real.appendFile(file, String(data).slice(0, Math.floor(String(data).length / 2)), options);
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }
      return real.appendFile(file, data, options);
    },
  };
});

const tempDir = useTempDirs();
const items = defineCollection({ name: "items", version: 1, record: z.object({ status: z.string() }), shards: 4 });
const trail = defineLog({ name: "trail", version: 1, entry: z.object({ at: z.string(), subject: z.string(), to: z.string() }), fileOf: (e) => e.at.slice(0, 7) });
const defs = { collections: [items], logs: [trail] };
const AT = "2026-11-22T03:00:00.000Z";

/** One unit: a status change and the audit line that records it. */
function move(store: Store, key: string, to: string) {
  return store.run((u) => {
    store.collection(items).set(key, { status: to }, u);
    store.log(trail).append({ at: AT, subject: key, to }, u);
  });
}

describe("a unit of work in the JSON store", () => {
  it("writes a change and its audit entry as one journal line: a line cut by a crash keeps neither, a whole one keeps both, and replaying it twice appends the entry once", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, ...defs });
    await move(store, "GT-2026-0001", "dossier-received");
    const journal = path.join(dir, "journal", "000001.jsonl");
    const line = (await readFile(journal, "utf8")).trim();
    expect(line.split("\n")).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ t: [{ c: "items", k: "GT-2026-0001", r: { status: "dossier-received" } }], a: [{ l: "trail", n: 1, e: { subject: "GT-2026-0001" } }] });

    // A crash after the journal append, before the audit file was written: the files hold nothing yet.
    const crashed = path.join(await tempDir(), "crashed");
    await cp(dir, crashed, { recursive: true });
    await rm(path.join(crashed, ".lock"));
    await rm(path.join(crashed, "trail"), { recursive: true, force: true });
    for (let run = 0; run < 2; run++) {
      const again = await Store.open({ dir: crashed, ...defs });
      expect(again.collection(items).get("GT-2026-0001")?.status).toBe("dossier-received");
      expect(again.log(trail).entries()).toEqual([{ at: AT, subject: "GT-2026-0001", to: "dossier-received" }]);
      await again.close();
    }
    const files = await readdir(path.join(crashed, "trail"));
    expect(files).toEqual(["2026-11.jsonl"]);
    expect((await readFile(path.join(crashed, "trail", "2026-11.jsonl"), "utf8")).trim().split("\n")).toHaveLength(1);

    // The same line cut in the middle (the crash came during the append): neither the change nor its entry.
    const torn = path.join(await tempDir(), "torn");
    await cp(crashed, torn, { recursive: true });
    await rm(path.join(torn, "trail"), { recursive: true, force: true });
    await rm(path.join(torn, "items"), { recursive: true, force: true });
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(torn, "journal", "000009.jsonl"), line.slice(0, Math.floor(line.length * 0.6)));
    const warnings: string[] = [];
    const opened = await Store.open({ dir: torn, ...defs, onWarning: (w) => warnings.push(w.message) });
    expect(opened.collection(items).has("GT-2026-0001")).toBe(false);
    expect(opened.log(trail).entries()).toEqual([]);
    expect(warnings.join()).toMatch(/cut off a line left incomplete/);
    await opened.close();
    await store.close();
  });

  it.each(["partial", "nothing"] as const)("leaves nothing of a unit whose journal write fails (%s written), in memory or on disk; the next unit commits", async (mode) => {
    const dir = await tempDir();
    const store = await Store.open({ dir, ...defs });
    await move(store, "GT-2026-0001", "registered");
    disk.failNext = mode;
    await expect(move(store, "GT-2026-0001", "withdrawn")).rejects.toThrow(/ENOSPC/);
    // Not in memory: the record and the audit trail are as before the failed unit.
    expect(store.collection(items).get("GT-2026-0001")?.status).toBe("registered");
    expect(store.log(trail).entries().map((e) => e.to)).toEqual(["registered"]);
    // The half-written line was cut back: every line of the segment is whole.
    const journal = await readFile(path.join(dir, "journal", "000001.jsonl"), "utf8");
    expect(journal.endsWith("\n")).toBe(true);
    for (const l of journal.trim().split("\n")) expect(() => JSON.parse(l)).not.toThrow();
    // The disk is back: the next unit is written, and the store opens after a crash.
    await move(store, "GT-2026-0001", "dossier-received");
    const copy = path.join(await tempDir(), "after");
    await cp(dir, copy, { recursive: true });
    await rm(path.join(copy, ".lock"));
    const again = await Store.open({ dir: copy, ...defs });
    expect(again.collection(items).get("GT-2026-0001")?.status).toBe("dossier-received");
    expect(again.log(trail).entries().map((e) => e.to)).toEqual(["registered", "dossier-received"]);
    await again.close();
    await store.close();
  });

  it("never writes a change whose unit has not committed into the files at a checkpoint", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, ...defs });
    await move(store, "a", "registered");
    const open = store.beginUnit();
    store.collection(items).set("a", { status: "withdrawn" }, open);
    store.collection(items).set("b", { status: "registered" }, open);
    await store.checkpoint();
    const onDisk = async () => {
      const records: Record<string, unknown> = {};
      for (const f of await readdir(path.join(dir, "items"))) Object.assign(records, (JSON.parse(await readFile(path.join(dir, "items", f), "utf8")) as { records: object }).records);
      return records;
    };
    // The unit still open: the files hold the committed state only.
    expect(await onDisk()).toEqual({ a: { status: "registered" } });
    store.abortUnit(open);
    expect(store.collection(items).get("a")?.status).toBe("registered");
    expect(store.collection(items).has("b")).toBe(false);
    await store.close();
    expect(await onDisk()).toEqual({ a: { status: "registered" } });
  });

  it("runs two units that change one record one after the other: the second sees the first's change", async () => {
    const store = await Store.open({ dir: await tempDir(), ...defs });
    await move(store, "counter", "0");
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const bump = (name: string, wait?: Promise<void>) =>
      store.run(async (u) => {
        await store.lock(u, "items", "counter");
        order.push(`${name} read ${store.collection(items).get("counter")!.status}`);
        if (wait) await wait;
        const next = String(Number(store.collection(items).get("counter")!.status) + 1);
        store.collection(items).set("counter", { status: next }, u);
      });
    const first = bump("first", held);
    await new Promise((r) => setTimeout(r, 10));
    const second = bump("second");
    await new Promise((r) => setTimeout(r, 10));
    // The second is still waiting for the record.
    expect(order).toEqual(["first read 0"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first read 0", "second read 1"]);
    expect(store.collection(items).get("counter")?.status).toBe("2");
    await store.close();
  });
});
