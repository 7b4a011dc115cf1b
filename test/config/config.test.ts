import { describe, expect, it } from "vitest";
import { parseConfig, zaloSettingsOf } from "../../src/config.js";

const TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

describe("config", () => {
  it("starts with no settings at all: web chat only, defaults from the design card", () => {
    const result = parseConfig({}, "/srv/nscl-bot");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      PROVINCE: "dong-nai",
      DEFAULT_LOCALE: "vi",
      WEB_HOST: "127.0.0.1",
      WEB_PORT: 3000,
      OFFICIAL_TELEGRAM_IDS: [],
      STALLED_AFTER_DAYS: 14,
      dataDirAbsolute: "/srv/nscl-bot/var/data",
    });
    expect(result.config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("reads every key", () => {
    const result = parseConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9000/",
      WEBHOOK_URL: "https://bot.example.gov.vn/telegram",
      DATA_DIR: "/var/lib/nscl",
      PROVINCE: "tay-ninh",
      DEFAULT_LOCALE: "en",
      WEB_HOST: "0.0.0.0",
      WEB_PORT: "8080",
      OFFICIAL_TELEGRAM_IDS: "111, 222",
      STALLED_AFTER_DAYS: "21",
      IGNORED_OTHER_VARIABLE: "x",
    });
    expect(result.ok && result.config).toMatchObject({
      STALLED_AFTER_DAYS: 21,
      TELEGRAM_API_ROOT: "http://127.0.0.1:9000",
      WEB_PORT: 8080,
      OFFICIAL_TELEGRAM_IDS: ["111", "222"],
      dataDirAbsolute: "/var/lib/nscl",
    });
  });

  it.each([
    [{ WEB_PORT: "abc" }, 'Configuration error: WEB_PORT must be a port number between 0 and 65535 (got "abc")'],
    [{ WEB_PORT: "70000" }, 'Configuration error: WEB_PORT must be a port number between 0 and 65535 (got "70000")'],
    [{ DEFAULT_LOCALE: "fr" }, 'Configuration error: DEFAULT_LOCALE must be vi or en (got "fr")'],
    [{ PROVINCE: "Đồng Nai" }, 'Configuration error: PROVINCE must be a province id such as dong-nai (got "Đồng Nai")'],
    [{ OFFICIAL_TELEGRAM_IDS: "12,abc" }, 'Configuration error: OFFICIAL_TELEGRAM_IDS must be Telegram user ids (digits) separated by commas (got "12,abc")'],
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, "Configuration error: TELEGRAM_BOT_TOKEN must look like 123456789:AA… (the token BotFather gives)"],
    [{ TELEGRAM_API_ROOT: "localhost:8081" }, 'Configuration error: TELEGRAM_API_ROOT must be an http(s) URL for a Bot API server (got "localhost:8081")'],
    [{ WEBHOOK_URL: "https://bot.example.gov.vn/tg" }, "Configuration error: WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is empty"],
    [{ WEBHOOK_URL: "http://bot.example.gov.vn/tg", TELEGRAM_BOT_TOKEN: TOKEN }, "Configuration error: WEBHOOK_URL must be an https:// URL that Telegram can reach"],
    [{ WEBHOOK_URL: "ftp://x", TELEGRAM_BOT_TOKEN: TOKEN }, 'Configuration error: WEBHOOK_URL must be an https:// URL that Telegram can reach (got "ftp://x")'],
    [{ WEBHOOK_SECRET: "short" }, "Configuration error: WEBHOOK_SECRET must be 16–256 characters of A–Z, a–z, 0–9, _ or -"],
    [{ DATA_DIR: "   " }, 'Configuration error: DATA_DIR must not be empty (got "   ")'],
    [{ WEB_HOST: "" }, 'Configuration error: WEB_HOST must not be empty (got "")'],
    [{ LOG_LEVEL: "verbose" }, 'Configuration error: LOG_LEVEL must be debug, info, warn or error (got "verbose")'],
    [{ STALLED_AFTER_DAYS: "0" }, 'Configuration error: STALLED_AFTER_DAYS must be a number of days between 1 and 999 (got "0")'],
    [{ STALLED_AFTER_DAYS: "hai tuần" }, 'Configuration error: STALLED_AFTER_DAYS must be a number of days between 1 and 999 (got "hai tuần")'],
  ])("%o → one line naming the key and the problem", (env, message) => {
    const result = parseConfig(env);
    expect(result).toEqual({ ok: false, error: message });
    expect(message.split("\n")).toHaveLength(1);
  });

  it("turns the Zalo channel on only with all four of its keys; a partial set names the first missing one", () => {
    const zalo = {
      ZALO_APP_ID: "3608465249409039670",
      ZALO_APP_SECRET: "app-secret-0001",
      ZALO_OA_SECRET_KEY: "oa-secret-key-0001",
      ZALO_REFRESH_TOKEN: "refresh-token-0001",
    };
    const none = parseConfig({});
    expect(none.ok && zaloSettingsOf(none.config)).toBeNull();
    const all = parseConfig({ ...zalo, ZALO_API_ROOT: "http://127.0.0.1:9100/", ZALO_HANDOFF_MINUTES: "45" });
    expect(all.ok && zaloSettingsOf(all.config)).toEqual({
      appId: "3608465249409039670",
      appSecret: "app-secret-0001",
      oaSecretKey: "oa-secret-key-0001",
      refreshToken: "refresh-token-0001",
      apiRoot: "http://127.0.0.1:9100",
      oauthRoot: "https://oauth.zaloapp.com",
      oaId: null,
      handoffMinutes: 45,
      eventWindowMinutes: 15,
    });
    const { ZALO_OA_SECRET_KEY: _left, ...partial } = zalo;
    expect(parseConfig(partial)).toEqual({
      ok: false,
      error: "Configuration error: ZALO_OA_SECRET_KEY is missing (the Zalo channel needs ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN — all of them, or none)",
    });
    expect(parseConfig({ ZALO_REFRESH_TOKEN: "refresh-token-0001" })).toMatchObject({ ok: false, error: expect.stringContaining("ZALO_APP_ID is missing") });
  });

  it.each([
    [{ ZALO_APP_ID: "abc" }, "Configuration error: ZALO_APP_ID must be the app's numeric id from developers.zalo.me (got \"abc\")"],
    [{ ZALO_OAUTH_ROOT: "oauth.zaloapp.com" }, 'Configuration error: ZALO_OAUTH_ROOT must be an http(s) URL for Zalo\'s OAuth server (got "oauth.zaloapp.com")'],
    [{ ZALO_HANDOFF_MINUTES: "-5" }, 'Configuration error: ZALO_HANDOFF_MINUTES must be a number of minutes between 0 and 1440 (got "-5")'],
    [{ WEB_TRUSTED_PROXY: "my-proxy" }, 'Configuration error: WEB_TRUSTED_PROXY must be an IP address (the reverse proxy\'s, as the bot sees it) (got "my-proxy")'],
    [{ ZALO_EVENT_WINDOW_MINUTES: "0" }, 'Configuration error: ZALO_EVENT_WINDOW_MINUTES must be a number of minutes between 1 and 1440 (got "0")'],
    [{ ZALO_OA_SECRET_KEY: "has a space" }, "Configuration error: ZALO_OA_SECRET_KEY must be the OA Secret Key shown on the app's webhook page, without spaces"],
  ])("Zalo: %o → one line naming the key, never echoing a secret", (env, message) => {
    expect(parseConfig(env)).toEqual({ ok: false, error: message });
  });

  it("reads the storage keys: JSON files by default, PostgreSQL with its URL, pool size and instance count", () => {
    const defaults = parseConfig({});
    expect(defaults.ok && defaults.config).toMatchObject({ STORE: "json", DATABASE_POOL_SIZE: 20, INSTANCES_EXPECTED: 1 });
    expect(defaults.ok && defaults.config.DATABASE_URL).toBeUndefined();
    const postgres = parseConfig({
      STORE: "postgres",
      DATABASE_URL: "postgres://nscl:pw-0001@db.internal:5432/nscl",
      DATABASE_POOL_SIZE: "40",
      INSTANCES_EXPECTED: "3",
      TELEGRAM_BOT_TOKEN: TOKEN,
      WEBHOOK_URL: "https://bot.example.gov.vn/telegram",
    });
    expect(postgres.ok && postgres.config).toMatchObject({
      STORE: "postgres",
      DATABASE_URL: "postgres://nscl:pw-0001@db.internal:5432/nscl",
      DATABASE_POOL_SIZE: 40,
      INSTANCES_EXPECTED: 3,
    });
    // Several instances without Telegram need no webhook.
    expect(parseConfig({ STORE: "postgres", DATABASE_URL: "postgresql://db/nscl", INSTANCES_EXPECTED: "2" }).ok).toBe(true);
  });

  it.each([
    [{ STORE: "mysql" }, 'Configuration error: STORE must be json or postgres (got "mysql")'],
    [{ STORE: "postgres" }, "Configuration error: DATABASE_URL is missing (STORE=postgres needs a postgres:// connection URL)"],
    [{ STORE: "postgres", DATABASE_URL: "   " }, "Configuration error: DATABASE_URL is missing (STORE=postgres needs a postgres:// connection URL)"],
    [{ DATABASE_POOL_SIZE: "1" }, 'Configuration error: DATABASE_POOL_SIZE must be a number of connections between 2 and 500 (got "1")'],
    [{ DATABASE_POOL_SIZE: "many" }, 'Configuration error: DATABASE_POOL_SIZE must be a number of connections between 2 and 500 (got "many")'],
    [{ INSTANCES_EXPECTED: "0" }, 'Configuration error: INSTANCES_EXPECTED must be a whole number, 1 or more (got "0")'],
    [
      { INSTANCES_EXPECTED: "2" },
      "Configuration error: INSTANCES_EXPECTED is more than 1 but STORE is json (several instances need STORE=postgres: one DATA_DIR belongs to one process)",
    ],
    [
      { STORE: "json", INSTANCES_EXPECTED: "2", DATABASE_URL: "postgres://nscl:pw-0001@db.internal/nscl" },
      "Configuration error: INSTANCES_EXPECTED is more than 1 but STORE is json (several instances need STORE=postgres: one DATA_DIR belongs to one process)",
    ],
    [
      { STORE: "postgres", DATABASE_URL: "postgres://nscl:pw-0001@db.internal/nscl", INSTANCES_EXPECTED: "2", TELEGRAM_BOT_TOKEN: TOKEN },
      "Configuration error: WEBHOOK_URL is missing (with INSTANCES_EXPECTED above 1, Telegram must deliver to a webhook behind the load balancer: long polling allows one consumer)",
    ],
  ])("storage: %o → one line naming the key and the problem", (env, message) => {
    const result = parseConfig(env);
    expect(result).toEqual({ ok: false, error: message });
    expect(message.split("\n")).toHaveLength(1);
  });

  it.each([
    ["not a postgres URL", { DATABASE_URL: "mysql://nscl:Mat-Khau_2026!@db.internal/nscl" }, "Configuration error: DATABASE_URL must be a postgres:// connection URL"],
    ["a space in it", { DATABASE_URL: "postgres://nscl:Mat-Khau_2026! @db.internal/nscl" }, "Configuration error: DATABASE_URL must be a postgres:// connection URL"],
    [
      "a valid URL, another key wrong",
      { STORE: "postgres", DATABASE_URL: "postgres://nscl:Mat-Khau_2026!@db.internal/nscl", DATABASE_POOL_SIZE: "9999" },
      'Configuration error: DATABASE_POOL_SIZE must be a number of connections between 2 and 500 (got "9999")',
    ],
    [
      "a valid URL, several instances on long polling",
      { STORE: "postgres", DATABASE_URL: "postgres://nscl:Mat-Khau_2026!@db.internal/nscl", INSTANCES_EXPECTED: "4", TELEGRAM_BOT_TOKEN: TOKEN },
      "Configuration error: WEBHOOK_URL is missing (with INSTANCES_EXPECTED above 1, Telegram must deliver to a webhook behind the load balancer: long polling allows one consumer)",
    ],
  ])("never prints the database password back (%s)", (_what, env, message) => {
    const result = parseConfig(env);
    expect(result).toEqual({ ok: false, error: message });
    expect(!result.ok && result.error).not.toContain("Mat-Khau_2026");
    expect(!result.ok && result.error).not.toContain("db.internal");
  });

  it("never prints a token back", () => {
    const result = parseConfig({ TELEGRAM_BOT_TOKEN: "123:secret" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).not.toContain("secret");
  });
});
