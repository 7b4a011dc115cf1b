import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths.js";
import { startBotProcess } from "./helpers/bot-process.js";
import { useTempDirs } from "./helpers/temp-dir.js";

const tempDir = useTempDirs();
const main = path.join(projectRoot, "dist/src/main.js");
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [main], { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", WEB_PORT: "0", ...env }, encoding: "utf8", timeout: 15_000 });

describe("starting the bot as `npm start` does", () => {
  it("stops on a bad setting with one line naming the key", async () => {
    const result = run({ WEB_PORT: "abc", DATA_DIR: await tempDir() });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Configuration error: WEB_PORT must be a port number between 0 and 65535 (got "abc")');
  });

  it("stops on a broken data file, names it, and leaves it as it was", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "users"), { recursive: true });
    const file = path.join(dir, "users", "0a.json");
    const broken = '{"version":1,"records":{"telegram:1":{"channel":"telegram"';
    await writeFile(file, broken);
    const result = run({ DATA_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`${file} is not valid JSON`);
    expect(await readFile(file, "utf8")).toBe(broken);
  });

  it("stops when the province profile does not exist", async () => {
    const result = run({ DATA_DIR: await tempDir(), PROVINCE: "khong-co" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/data\/provinces\/khong-co\.json does not exist/);
  });

  it("serves the web chat, and on SIGTERM finishes its writes and exits cleanly", async () => {
    const dir = await tempDir();
    const bot = await startBotProcess({ DATA_DIR: dir });
    expect(bot.output()).toContain("Trợ lý đang chạy. Mở trang trò chuyện: http://127.0.0.1:");
    const res = await fetch(`${bot.url}api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ session: "startupsession000001", text: "/ngonngu en" }),
    });
    expect(((await res.json()) as { messages: { text: string }[] }).messages[0]?.text).toContain("Switched to English");
    expect(await bot.stop("SIGTERM")).toBe(0);
    const users = await Promise.all(
      Array.from({ length: 32 }, (_, i) => readFile(path.join(dir, "users", `${i.toString(16).padStart(2, "0")}.json`), "utf8").catch(() => "")),
    );
    expect(users.join("")).toContain('"locale":"en"');
    await expect(readFile(path.join(dir, ".lock"))).rejects.toThrow();
  });
});
