import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi, textUpdate } from "../helpers/fake-telegram.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("Telegram webhook mode", () => {
  let bot: RunningBot | undefined;
  afterEach(async () => bot?.stop());

  it("registers the webhook with a secret and only accepts updates that carry it", async () => {
    const api = fakeBotApi();
    const config = testConfig(await tempDir(), {
      WEB_PORT: "0",
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9",
      WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook",
    });
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
});
