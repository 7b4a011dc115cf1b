import { existsSync, readFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { parseEnv } from "node:util";
import { z } from "zod";
import { projectRoot } from "./paths.js";

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const secretText = (what: string) =>
  optionalText.refine((s) => s === undefined || /^[\x21-\x7e]{8,1024}$/.test(s), `must be ${what}, without spaces`);

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === "" ? undefined : s))
    .optional()
    .refine((s) => s === undefined || /^https?:\/\/[^\s]+$/.test(s), `must be an http(s) URL for ${what}`)
    .transform((s) => s?.replace(/\/+$/, ""));

/** Every key the bot reads from the environment; `.env.example` documents each one. */
export const configSchema = z.object({
  TELEGRAM_BOT_TOKEN: optionalText.refine(
    (s) => s === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(s),
    "must look like 123456789:AA… (the token BotFather gives)",
  ),
  TELEGRAM_API_ROOT: httpUrl("a Bot API server"),
  WEBHOOK_URL: optionalText.refine(
    (s) => s === undefined || /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(s),
    "must be an https:// URL that Telegram can reach",
  ),
  WEBHOOK_SECRET: optionalText.refine(
    (s) => s === undefined || /^[A-Za-z0-9_-]{16,256}$/.test(s),
    "must be 16–256 characters of A–Z, a–z, 0–9, _ or -",
  ),
  DATA_DIR: z.string().trim().min(1, "must not be empty").default("var/data"),
  // Storage (README "Storage"): JSON files under DATA_DIR by default; PostgreSQL for several instances.
  STORE: z.enum(["json", "postgres"], { error: "must be json or postgres" }).default("json"),
  /**
   * 1: take over DATA_DIR's lock although another host wrote it — only after checking that the bot
   * there is stopped (two processes writing one DATA_DIR corrupt it). Set it for one start.
   */
  STORE_LOCK_TAKEOVER: z.enum(["0", "1"], { error: "must be 0 or 1" }).default("0"),
  DATABASE_URL: optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\/\S+$/.test(s), "must be a postgres:// connection URL"),
  DATABASE_POOL_SIZE: z
    .string()
    .trim()
    .default("20")
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= 2 && Number(s) <= 500, "must be a number of connections between 2 and 500")
    .transform(Number),
  /**
   * on (default): a commit returns once it is on the database server's disk. off: once the server
   * has it (PostgreSQL's synchronous_commit for the bot's sessions) — a crash of the bot loses
   * nothing, a power cut of the database server may lose the last fraction of a second, as with
   * the JSON store; commits no longer wait for the disk.
   */
  DATABASE_SYNCHRONOUS_COMMIT: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** How many bot instances share the database; more than one needs Telegram in webhook mode. */
  INSTANCES_EXPECTED: z
    .string()
    .trim()
    .default("1")
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= 1, "must be a whole number, 1 or more")
    .transform(Number),
  PROVINCE: z
    .string()
    .trim()
    .default("dong-nai")
    .refine((s) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s), "must be a province id such as dong-nai"),
  DEFAULT_LOCALE: z.enum(["vi", "en"], { error: "must be vi or en" }).default("vi"),
  WEB_HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
  /**
   * The reverse proxy's address as the bot sees it (e.g. 127.0.0.1): requests from it are counted
   * against the client address it puts last in X-Forwarded-For. Empty: the socket's address.
   */
  WEB_TRUSTED_PROXY: optionalText.refine((s) => s === undefined || isIP(s) !== 0, "must be an IP address (the reverse proxy's, as the bot sees it)"),
  /**
   * The address people use to reach the bot's server (behind the reverse proxy), e.g.
   * https://bot.example.gov.vn: the officials' web desk's sign-in links start with it, and its
   * cookie is Secure when it is https. Empty: http://WEB_HOST:WEB_PORT.
   */
  PUBLIC_URL: httpUrl("the bot's public address"),
  WEB_PORT: z
    .string()
    .trim()
    .default("3000")
    .refine((s) => /^\d+$/.test(s) && Number(s) <= 65535, "must be a port number between 0 and 65535")
    .transform(Number),
  OFFICIAL_TELEGRAM_IDS: z
    .string()
    .trim()
    .default("")
    .refine(
      (s) => s === "" || s.split(",").every((p) => /^\d{1,15}$/.test(p.trim())),
      "must be Telegram user ids (digits) separated by commas",
    )
    .transform((s) => (s === "" ? [] : s.split(",").map((p) => p.trim()))),
  STALLED_AFTER_DAYS: z
    .string()
    .trim()
    .default("14")
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= 1, "must be a number of days between 1 and 999")
    .transform(Number),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { error: "must be debug, info, warn or error" }).default("info"),
  // Broadcasts and deadline reminders (README "Announcements and reminders").
  BROADCAST_RATE: z
    .string()
    .trim()
    .default("25")
    .refine((s) => /^\d{1,4}$/.test(s) && Number(s) >= 1 && Number(s) <= 1000, "must be a number of messages per second between 1 and 1000")
    .transform(Number),
  REMINDER_DAYS_BEFORE: z
    .string()
    .trim()
    .default("7")
    .refine((s) => /^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 90, "must be a number of days between 1 and 90")
    .transform(Number),
  // Zalo Official Account: the channel starts when the four keys below are all set (all or none).
  ZALO_APP_ID: optionalText.refine((s) => s === undefined || /^\d{5,30}$/.test(s), "must be the app's numeric id from developers.zalo.me"),
  ZALO_APP_SECRET: secretText("the app's secret key from developers.zalo.me"),
  ZALO_OA_SECRET_KEY: secretText("the OA Secret Key shown on the app's webhook page"),
  ZALO_REFRESH_TOKEN: secretText("a refresh token from the OA's consent (see the README)"),
  ZALO_API_ROOT: httpUrl("the OA API").default("https://openapi.zalo.me"),
  ZALO_OAUTH_ROOT: httpUrl("Zalo's OAuth server").default("https://oauth.zaloapp.com"),
  ZALO_OA_ID: optionalText.refine((s) => s === undefined || /^\d{5,30}$/.test(s), "must be the OA's numeric id"),
  ZALO_HANDOFF_MINUTES: z
    .string()
    .trim()
    .default("30")
    .refine((s) => /^\d{1,4}$/.test(s) && Number(s) <= 1440, "must be a number of minutes between 0 and 1440")
    .transform(Number),
  /**
   * A signed Zalo event whose timestamp is further than this from now is dropped (a replay: the
   * de-duplication remembers only the newest events). Zalo's own retries of an event keep its
   * first timestamp, so after an outage longer than this, messages sent meanwhile are dropped too.
   */
  ZALO_EVENT_WINDOW_MINUTES: z
    .string()
    .trim()
    .default("15")
    .refine((s) => /^\d{1,4}$/.test(s) && Number(s) >= 1 && Number(s) <= 1440, "must be a number of minutes between 1 and 1440")
    .transform(Number),
});

/** The configured credentials, which the log never prints (core/log.ts `redact`). */
export function secretsOf(config: Pick<z.output<typeof configSchema>, "TELEGRAM_BOT_TOKEN" | "WEBHOOK_SECRET" | "ZALO_APP_SECRET" | "ZALO_OA_SECRET_KEY" | "ZALO_REFRESH_TOKEN" | "DATABASE_URL">): string[] {
  const password = config.DATABASE_URL ? /^[^:]+:\/\/[^:/@]+:([^@/]+)@/.exec(config.DATABASE_URL)?.[1] : undefined;
  return [config.TELEGRAM_BOT_TOKEN, config.WEBHOOK_SECRET, config.ZALO_APP_SECRET, config.ZALO_OA_SECRET_KEY, config.ZALO_REFRESH_TOKEN, password].filter(
    (s): s is string => typeof s === "string" && s.length > 0,
  );
}

/** The keys the Zalo channel cannot work without; a partial set is a configuration error. */
export const ZALO_REQUIRED_KEYS = ["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY", "ZALO_REFRESH_TOKEN"] as const;

export type Config = z.output<typeof configSchema> & {
  /** DATA_DIR resolved against the project root. */
  dataDirAbsolute: string;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/** Reads `.env` (if present) under the real environment: a variable already set wins. */
export function readEnvFile(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
}

/** Validates the environment; on failure returns one line naming the key and the problem. */
export function parseConfig(env: Record<string, string | undefined>, root = projectRoot): ConfigResult {
  const known = Object.keys(configSchema.shape);
  const picked: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined) picked[key] = value;
  }
  const result = configSchema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? "?");
    const got = picked[key];
    const shown = got === undefined ? "" : ` (got ${JSON.stringify(got.length > 60 ? `${got.slice(0, 60)}…` : got)})`;
    // Tokens and the database URL (it may hold a password) are secrets: never echo them back.
    const safeShown = /TOKEN|SECRET|DATABASE_URL/.test(key) ? "" : shown;
    return { ok: false, error: `Configuration error: ${key} ${issue?.message ?? "is invalid"}${safeShown}` };
  }
  const config = result.data;
  if (config.WEBHOOK_URL && !config.TELEGRAM_BOT_TOKEN) {
    return { ok: false, error: "Configuration error: WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is empty" };
  }
  // Telegram's cloud only calls https webhooks; a local Bot API server (TELEGRAM_API_ROOT) may use http.
  if (config.WEBHOOK_URL?.startsWith("http:") && !config.TELEGRAM_API_ROOT) {
    return { ok: false, error: "Configuration error: WEBHOOK_URL must be an https:// URL that Telegram can reach" };
  }
  if (config.STORE === "postgres" && !config.DATABASE_URL) {
    return { ok: false, error: "Configuration error: DATABASE_URL is missing (STORE=postgres needs a postgres:// connection URL)" };
  }
  if (config.INSTANCES_EXPECTED > 1 && config.STORE !== "postgres") {
    return { ok: false, error: "Configuration error: INSTANCES_EXPECTED is more than 1 but STORE is json (several instances need STORE=postgres: one DATA_DIR belongs to one process)" };
  }
  // Long polling has one consumer per bot by Telegram's design: with several instances, Telegram must call a webhook.
  if (config.INSTANCES_EXPECTED > 1 && config.TELEGRAM_BOT_TOKEN && !config.WEBHOOK_URL) {
    return { ok: false, error: "Configuration error: WEBHOOK_URL is missing (with INSTANCES_EXPECTED above 1, Telegram must deliver to a webhook behind the load balancer: long polling allows one consumer)" };
  }
  const zaloSet = ZALO_REQUIRED_KEYS.filter((k) => config[k] !== undefined);
  const zaloMissing = ZALO_REQUIRED_KEYS.filter((k) => config[k] === undefined);
  if (zaloSet.length > 0 && zaloMissing.length > 0) {
    return { ok: false, error: `Configuration error: ${zaloMissing[0]} is missing (the Zalo channel needs ${ZALO_REQUIRED_KEYS.join(", ")} — all of them, or none)` };
  }
  return { ok: true, config: { ...config, dataDirAbsolute: path.resolve(root, config.DATA_DIR) } };
}

export interface ZaloSettings {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  refreshToken: string;
  apiRoot: string;
  oauthRoot: string;
  /** Events for another OA authorised on the same app are ignored when this is set. */
  oaId: string | null;
  /** How long the bot stays quiet in a conversation after a person at the OA wrote in it. */
  handoffMinutes: number;
  /** Signed events further than this from now are refused as replays. */
  eventWindowMinutes: number;
}

/** The Zalo channel's settings, or null when it is not configured (parseConfig made sure it is all or none). */
export function zaloSettingsOf(config: Config): ZaloSettings | null {
  const { ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_REFRESH_TOKEN } = config;
  if (!ZALO_APP_ID || !ZALO_APP_SECRET || !ZALO_OA_SECRET_KEY || !ZALO_REFRESH_TOKEN) return null;
  return {
    appId: ZALO_APP_ID,
    appSecret: ZALO_APP_SECRET,
    oaSecretKey: ZALO_OA_SECRET_KEY,
    refreshToken: ZALO_REFRESH_TOKEN,
    apiRoot: config.ZALO_API_ROOT ?? "https://openapi.zalo.me",
    oauthRoot: config.ZALO_OAUTH_ROOT ?? "https://oauth.zaloapp.com",
    oaId: config.ZALO_OA_ID ?? null,
    handoffMinutes: config.ZALO_HANDOFF_MINUTES,
    eventWindowMinutes: config.ZALO_EVENT_WINDOW_MINUTES,
  };
}

/** The process environment over `.env` in the project root. */
export function loadConfig(root = projectRoot): ConfigResult {
  const fromFile = readEnvFile(path.join(root, ".env"));
  return parseConfig({ ...fromFile, ...process.env }, root);
}
