import { chmod, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startBotProcess } from "./helpers/bot-process.js";
import { useTempDirs } from "./helpers/temp-dir.js";

const tempDir = useTempDirs();

/** Every folder and file under `dir` with its permission bits. */
async function modes(dir: string): Promise<{ path: string; dir: boolean; mode: number }[]> {
  const out = [{ path: dir, dir: true, mode: (await stat(dir)).mode & 0o777 }];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const p = path.join(entry.parentPath, entry.name);
    out.push({ path: p, dir: entry.isDirectory(), mode: (await stat(p)).mode & 0o777 });
  }
  return out;
}

async function chat(url: string, text: string): Promise<void> {
  const res = await fetch(`${url}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: "privatefiles00000001", text }) });
  expect(res.status).toBe(200);
}

describe("DATA_DIR as `npm start` writes it (JSON files: personal data and tokens)", () => {
  it("is readable by its owner only: folders 0700, files 0600 — a new one, and an older one made wider", async () => {
    for (const existing of [false, true]) {
      const dir = path.join(await tempDir(), "data");
      if (existing) {
        await mkdir(dir, { mode: 0o755 });
        await chmod(dir, 0o755);
      }
      const bot = await startBotProcess({ DATA_DIR: dir, STORE: "json" });
      await chat(bot.url, "/ngonngu en");
      await chat(bot.url, "/dangky gtclqg");
      const wider = (found: { path: string; dir: boolean; mode: number }[]) => found.filter((f) => f.mode !== (f.dir ? 0o700 : 0o600)).map((f) => `${f.path} ${f.mode.toString(8)}`);
      // While it runs: the lock and the journal.
      const running = await modes(dir);
      expect(running.filter((f) => !f.dir).map((f) => path.basename(f.path))).toEqual(expect.arrayContaining([".lock", "000001.jsonl"]));
      expect(wider(running), existing ? "DATA_DIR created 0755 before" : "new DATA_DIR").toEqual([]);
      // After the stop: the collection files (a user, an unfinished form).
      expect(await bot.stop("SIGTERM")).toBe(0);
      const stopped = await modes(dir);
      expect(stopped.filter((f) => !f.dir).length).toBeGreaterThanOrEqual(2);
      expect(wider(stopped), existing ? "DATA_DIR created 0755 before" : "new DATA_DIR").toEqual([]);
    }
  });
});
