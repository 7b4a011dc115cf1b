import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { projectRoot } from "../../src/paths.js";
import { defineCollection } from "../../src/store/json/collection.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const notes = defineCollection({ name: "notes", version: 1, record: z.object({ n: z.number(), text: z.string() }), shards: 8 });

/** Runs the writer until it has acknowledged at least `atLeast` commits after `start`, then SIGKILLs it. */
function runAndKill(dir: string, start: number, atLeast: number): Promise<number[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "test/fixtures/store-writer.mjs"), dir, String(start)], { stdio: ["ignore", "pipe", "inherit"] });
    const acknowledged: number[] = [];
    let buffer = "";
    const extra = Math.floor(Math.random() * 50);
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) acknowledged.push(Number(line.slice(3)));
      if (acknowledged.length >= atLeast + extra && !child.killed) child.kill("SIGKILL");
    });
    child.on("exit", () => resolve(acknowledged));
  });
}

describe("store after SIGKILL", () => {
  it("keeps every acknowledged commit through repeated kills, mid-checkpoint included", async () => {
    const dir = await tempDir();
    let next = 0;
    const expected = new Map<string, number>();
    for (let round = 0; round < 4; round++) {
      const acknowledged = await runAndKill(dir, next, 150);
      // The writer really ran (a writer that fails to start acknowledges nothing, and proves nothing).
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      for (const n of acknowledged) {
        expected.set(`n${n}`, n);
        if (n % 3 === 0) expected.delete(`n${n - 1}`);
      }
      const last = Math.max(...acknowledged);
      next = last + 1000;
      // The commit after the last acknowledged one may have reached the disk before the kill
      // without its "ok" reaching us: if it deleted a record, that record may be gone — rightly.
      if ((last + 1) % 3 === 0) expected.delete(`n${last}`);
      const store = await Store.open({ dir, collections: [notes] });
      const c = store.collection(notes);
      for (const [key, n] of expected) expect(c.get(key)?.n, key).toBe(n);
      // Nothing that was deleted and acknowledged came back.
      for (const n of acknowledged) if (n % 3 === 0) expect(c.has(`n${n - 1}`)).toBe(false);
      await store.close();
    }
  }, 60_000);
});
