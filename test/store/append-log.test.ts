import { appendFile, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineLog, monthOf } from "../../src/store/json/append-log.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const events = defineLog({
  name: "events",
  version: 1,
  entry: z.object({ at: z.iso.datetime(), what: z.string() }),
  fileOf: (e) => monthOf(e.at),
});

describe("AppendLog", () => {
  it("appends one line per entry to a file per month and reads them back in order", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, collections: [], logs: [events] });
    await store.run((u) => {
      store.log(events).append({ at: "2026-10-31T23:59:00.000Z", what: "một" }, u);
      store.log(events).append({ at: "2026-11-01T00:00:00.000Z", what: "hai" }, u);
    });
    await store.run((u) => store.log(events).append({ at: "2026-11-02T00:00:00.000Z", what: "ba" }, u));
    await store.close();
    expect((await readFile(path.join(dir, "events", "2026-11.jsonl"), "utf8")).trim().split("\n")).toHaveLength(2);
    const again = await Store.open({ dir, collections: [], logs: [events] });
    expect(again.log(events).entries().map((e) => e.what)).toEqual(["một", "hai", "ba"]);
    await again.close();
  });

  it("never rewrites earlier lines", async () => {
    const dir = await tempDir();
    const store = await Store.open({ dir, collections: [], logs: [events] });
    await store.run((u) => store.log(events).append({ at: "2026-11-01T00:00:00.000Z", what: "first" }, u));
    const before = await readFile(path.join(dir, "events", "2026-11.jsonl"), "utf8");
    await store.run((u) => store.log(events).append({ at: "2026-11-01T00:00:01.000Z", what: "second" }, u));
    await store.close();
    const after = await readFile(path.join(dir, "events", "2026-11.jsonl"), "utf8");
    expect(after.startsWith(before)).toBe(true);
  });

  it("cuts off a last line left half-written by a crash and keeps it aside", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "events"));
    const file = path.join(dir, "events", "2026-11.jsonl");
    await writeFile(file, `${JSON.stringify({ v: 1, at: "2026-11-01T00:00:00.000Z", what: "ok" })}\n{"v":1,"at":"2026-11-0`);
    const warnings: string[] = [];
    const store = await Store.open({ dir, collections: [], logs: [events], onWarning: (w) => warnings.push(w.message) });
    expect(store.log(events).entries()).toHaveLength(1);
    expect(warnings[0]).toMatch(/incomplete/);
    expect(await readFile(`${file}.torn`, "utf8")).toBe('{"v":1,"at":"2026-11-0');
    await store.run((u) => store.log(events).append({ at: "2026-11-03T00:00:00.000Z", what: "after" }, u));
    await store.close();
    const again = await Store.open({ dir, collections: [], logs: [events] });
    expect(again.log(events).entries().map((e) => e.what)).toEqual(["ok", "after"]);
    await again.close();
  });

  it("stops the start on a bad line in the middle, naming file and line", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "events"));
    const file = path.join(dir, "events", "2026-11.jsonl");
    await appendFile(file, `${JSON.stringify({ v: 1, at: "2026-11-01T00:00:00.000Z", what: "ok" })}\nnot json\n`);
    await expect(Store.open({ dir, collections: [], logs: [events] })).rejects.toThrow(/2026-11\.jsonl:2 is not valid JSON/);
  });
});
