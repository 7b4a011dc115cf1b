import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { appendWhole } from "../../src/store/json/json-lines.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/** A disk that fails the next append of an audit or delivery log: half the bytes written, then ENOSPC; its truncate can fail too. */
const disk = vi.hoisted(() => ({ failNext: false, truncateFails: false }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...real,
    async appendFile(file: Parameters<typeof real.appendFile>[0], data: string | Uint8Array, options?: Parameters<typeof real.appendFile>[2]) {
      if (disk.failNext && String(file).endsWith(".jsonl")) {
        disk.failNext = false;
        await real.appendFile(file, String(data).slice(0, Math.floor(String(data).length / 2)), options);
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      }
      return real.appendFile(file, data, options);
    },
    async truncate(file: Parameters<typeof real.truncate>[0], len?: number) {
      if (disk.truncateFails) throw Object.assign(new Error("EIO: i/o error, truncate"), { code: "EIO" });
      return real.truncate(file, len);
    },
  };
});

const tempDir = useTempDirs();

describe("appending to an audit or delivery log on a full disk", () => {
  it("cuts a half-written append back, so the lines after it are whole", async () => {
    const file = path.join(await tempDir(), "2026-12.jsonl");
    await writeFile(file, '{"n":1}\n');
    disk.failNext = true;
    await expect(appendWhole(file, '{"n":2,"note":"một dòng khá dài"}\n')).rejects.toThrow(/ENOSPC/);
    expect(await readFile(file, "utf8")).toBe('{"n":1}\n');
    // The disk has room again: the next line follows the last whole one.
    await appendWhole(file, '{"n":3}\n');
    expect((await readFile(file, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { n: number })).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it("says so when the file cannot even be cut back, rather than going on after a partial line", async () => {
    const file = path.join(await tempDir(), "TB-0001.jsonl");
    await appendFile(file, '{"n":1}\n');
    disk.failNext = true;
    disk.truncateFails = true;
    try {
      await expect(appendWhole(file, '{"n":2}\n')).rejects.toThrow(/could not be cut back to 8 bytes/);
    } finally {
      disk.truncateFails = false;
    }
  });
});
