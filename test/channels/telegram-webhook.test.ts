import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi, textUpdate } from "../helpers/fake-telegram.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

const webhookConfig = (dir: string) =>
  testConfig(dir, { WEB_PORT: "0", TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9", WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook" });

describe("Telegram webhook mode", () => {
  let bot: RunningBot | undefined;
  afterEach(async () => bot?.stop());

  it("registers the webhook with a secret and only accepts updates that carry it", async () => {
    const api = fakeBotApi();
    const config = webhookConfig(await tempDir());
    bot = await startBot(config, memoryLogger(), { channels: { telegram: { fetch: api.fetch, botInfo: BOT_INFO } } });
    const setWebhook = api.calls.find((c) => c.method === "setWebhook");
    expect(setWebhook?.payload.url).toBe("https://bot.example.gov.vn/telegram/hook");
    const secret = String(setWebhook?.payload.secret_token);
    expect(secret).toBe(createHash("sha256").update(`webhook:${TEST_TOKEN}`).digest("hex").slice(0, 48));
    expect(setWebhook?.payload.allowed_updates).toEqual(["message", "callback_query", "my_chat_member"]);

    const hook = `${bot.webUrl}telegram/hook`;
    const body = JSON.stringify(textUpdate(4040, "/start"));
    const forged = await fetch(hook, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(forged.status).toBe(401);
    expect(api.sent()).toEqual([]);

    const real = await fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body,
    });
    expect(real.status).toBe(200);
    expect(String(api.sent()[0]?.payload.text)).toContain("Kính chào Quý doanh nghiệp");
  });

  it("takes an update Telegram delivers again (its answer came late) once, whether the first is still running or done", async () => {
    const api = fakeBotApi();
    const config = webhookConfig(await tempDir());
    const log = memoryLogger();
    bot = await startBot(config, log, { channels: { telegram: { fetch: api.fetch, botInfo: BOT_INFO } } });
    const secret = String(api.calls.find((c) => c.method === "setWebhook")?.payload.secret_token);
    const post = (update: unknown) =>
      fetch(`${bot!.webUrl}telegram/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(update) });
    const update = textUpdate(4041, "/start");
    // Delivered again while the first is being handled, and once more after.
    expect((await Promise.all([post(update), post(update)])).map((r) => r.status)).toEqual([200, 200]);
    expect((await post(update)).status).toBe(200);
    expect(api.sent().filter((c) => String(c.payload.text).includes("Kính chào Quý doanh nghiệp"))).toHaveLength(1);
    expect(log.lines.filter((l) => l.includes("telegram: repeated update dropped"))).toHaveLength(2);
    // Another update of the same person is a new one.
    const before = api.sent().length;
    expect((await post(textUpdate(4041, "/trogiup"))).status).toBe(200);
    expect(api.sent().length).toBeGreaterThan(before);
  });
});
