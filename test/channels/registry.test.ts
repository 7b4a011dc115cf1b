import { afterEach, describe, expect, it } from "vitest";
import { defineChannel } from "../../src/channels/channel.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot, type RunningBot, type StartOptions } from "../../src/main.js";
import { StartRefused } from "../../src/startup-errors.js";
import { testConfig } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi } from "../helpers/fake-telegram.js";
import { startFakeTelegramHttp } from "../helpers/fake-telegram-http.js";
import { startFakeZalo, zaloEnv } from "../helpers/fake-zalo.js";
import { testDatabaseUrl } from "../helpers/postgres.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dir: string, env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningBot> {
  const bot = await startBot(testConfig(dir, { WEB_PORT: "0", ...env }), memoryLogger(), options);
  cleanups.push(() => bot.stop());
  return bot;
}

describe("main.ts starts the channels of the registry", () => {
  it("runs the web chat alone without settings, and says how to turn Telegram on", async () => {
    const bot = await start(await tempDir());
    expect(Object.keys(bot.channels)).toEqual(["web"]);
    expect(bot.startupLines).toEqual([{ key: "startup-web-chat", args: { url: bot.webUrl } }, { key: "startup-no-telegram" }]);
  });

  it("starts every configured one: routes on one server, senders in the outbox, capabilities that match the sender", async () => {
    const zalo = await startFakeZalo();
    cleanups.push(() => zalo.close());
    const bot = await start(
      await tempDir(),
      { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9", WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook", ...zaloEnv(zalo.url) },
      { channels: { telegram: { fetch: fakeBotApi().fetch, botInfo: BOT_INFO } } },
    );
    expect(Object.keys(bot.channels)).toEqual(["web", "telegram", "zalo"]);
    for (const [name, channel] of Object.entries(bot.channels)) {
      expect(bot.app.outbox.has(name)).toBe(true);
      expect(channel!.capabilities.edits).toBe(channel!.sender.sendReplaceable !== undefined);
    }
    // Each channel's routes answer on the one server (a webhook refuses what it cannot verify).
    for (const path of ["zalo/webhook", "telegram/hook"]) expect((await fetch(`${bot.webUrl}${path}`, { method: "POST", body: "{}" })).status).toBe(401);
    expect((await fetch(`${bot.webUrl}healthz`)).status).toBe(200);
    expect(bot.startupLines).toEqual([
      { key: "startup-web-chat", args: { url: bot.webUrl } },
      { key: "startup-zalo", args: { url: `${bot.webUrl}zalo/webhook` } },
    ]);
  });

  it("releases the port and the store when a channel fails to start, and refuses two channels of one name", async () => {
    const dir = await tempDir();
    const broken = defineChannel({
      name: "broken",
      create: () => ({
        capabilities: { buttons: 0, photos: false, documents: false, edits: false },
        routes: [],
        sender: { send: async () => ({ ok: true }) },
        start: () => Promise.reject(new Error("the platform said no")),
        stop: async () => {},
        idle: async () => {},
      }),
    });
    await expect(start(dir, {}, { extraChannels: [broken] })).rejects.toThrow("the platform said no");
    const twice = defineChannel({ name: "web", create: broken.create });
    await expect(start(dir, {}, { extraChannels: [twice] })).rejects.toThrow("two channels are named");
    // DATA_DIR (or the database) was let go: the bot starts on it.
    expect(Object.keys((await start(dir)).channels)).toEqual(["web"]);
  });

  // On PostgreSQL whatever the project: two bots can share only a database (a DATA_DIR has its own lock).
  it("refuses a second Telegram long poller on one database until the first stops", async () => {
    const api = await startFakeTelegramHttp();
    cleanups.push(() => api.close());
    const dir = await tempDir();
    const env = { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.url, STORE: "postgres", DATABASE_URL: await testDatabaseUrl() };
    const first = await start(dir, env);
    const second = start(dir, env);
    await expect(second).rejects.toBeInstanceOf(StartRefused);
    await expect(second).rejects.toThrow("another bot instance on this database is receiving Telegram updates by long polling");
    await first.stop();
    expect(Object.keys((await start(dir, env)).channels)).toEqual(["web", "telegram"]);
  });
});
