import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/log.js";
import { secretsOf } from "../../src/config.js";

describe("the log never prints a credential", () => {
  const lines: string[] = [];
  const config = {
    TELEGRAM_BOT_TOKEN: "7712345678:AAHk_example-token-value-000000000000",
    WEBHOOK_SECRET: "webhook-secret-abcdefgh",
    ZALO_APP_SECRET: "zaloAppSecret123456",
    ZALO_OA_SECRET_KEY: "oaSecretKey7654321",
    ZALO_REFRESH_TOKEN: "refresh-token-xyz-0987654321",
    DATABASE_URL: "postgres://nscl:db-password-1@db.local:5432/nscl",
  };
  const log = createLogger("debug", (l) => lines.push(l), { secrets: secretsOf(config) });

  it("removes the configured secrets, a Telegram token in a request URL, and a URL's password, wherever they are", () => {
    log.error("telegram: getUpdates failed", { error: `FetchError: request to https://api.telegram.org/bot${config.TELEGRAM_BOT_TOKEN}/getUpdates failed` });
    // A token the configuration does not hold (another bot's) is still recognised by its shape.
    log.warn("a library said", { error: "GET https://api.telegram.org/bot5550001111:ZZZotherBotToken_abcdefghijklmnopqrstu/getMe" });
    log.info("zalo refresh", { body: `app_secret=${config.ZALO_APP_SECRET}&refresh_token=${config.ZALO_REFRESH_TOKEN}`, key: config.ZALO_OA_SECRET_KEY });
    log.error(`webhook ${config.WEBHOOK_SECRET}`, { error: new Error(`connect to ${config.DATABASE_URL} refused`) });
    const text = lines.join("\n");
    for (const secret of [...Object.values(config).slice(0, 5), "db-password-1", "ZZZotherBotToken_abcdefghijklmnopqrstu"]) expect(text).not.toContain(secret);
    expect(lines[0]).toContain("https://api.telegram.org/bot<telegram-token>/getUpdates");
    expect(lines[3]).toContain("postgres://nscl:***@db.local:5432/nscl");
    // What is not secret stays readable.
    expect(lines[2]).toContain("zalo refresh");
    expect(lines[2]).toContain("app_secret=***&refresh_token=***");
  });
});
