import { stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startBotProcess } from "../helpers/bot-process.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const TOKEN = "123456:ABCdefghijklmnopqrstuvwxyz0123456789";

describe("a Telegram that cannot be reached at start", () => {
  it("does not hold up the rest: the web chat answers, the failure is logged without the token, SIGTERM stops cleanly", async () => {
    const dir = await tempDir();
    // Nothing listens on port 1: every call to the Bot API is refused.
    const bot = await startBotProcess({ DATA_DIR: dir, LOG_LEVEL: "info", TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:1" });
    const res = await fetch(`${bot.url}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: "tgunreachable0000001", text: "/start" }) });
    expect(res.status).toBe(200);
    await expect.poll(() => bot.output(), { timeout: 5_000 }).toContain("telegram: could not connect; trying again in 5 s");
    expect(await bot.stop("SIGTERM")).toBe(0);
    expect(bot.output()).toContain('shutting down signal="SIGTERM"');
    expect(bot.output()).not.toContain("ABCdefghijklmnopqrstuvwxyz0123456789");
    await expect(stat(path.join(dir, ".lock"))).rejects.toThrow();
  });
});
