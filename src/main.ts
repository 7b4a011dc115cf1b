import { createHash } from "node:crypto";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import { createApp, type App, type AppOptions } from "./app.js";
import { createTelegramChannel, type TelegramChannel, type TelegramOptions } from "./channels/telegram/bot.js";
import { createZaloChannel, ZALO_WEBHOOK_PATH, type ZaloChannel, type ZaloOptions } from "./channels/zalo/channel.js";
import { createWebChat } from "./channels/web/chat.js";
import { createHttpServer, listen, sendJson, type Route } from "./channels/shared/http.js";
import { loadConfig, zaloSettingsOf, type Config } from "./config.js";
import { createLogger, type Logger } from "./core/log.js";
import { scheduleFormExpiry } from "./flows/registration/expiry.js";
import { createBroadcastRunner, type BroadcastRunner, type BroadcastRunnerOptions } from "./flows/broadcast/runner.js";
import { toPlainText } from "./core/markup.js";
import { StartRefused, startupProblem } from "./startup-errors.js";

/** Updates the bot asks Telegram for. */
export const TELEGRAM_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export interface RunningBot {
  app: App;
  server: Server;
  webUrl: string;
  telegram: TelegramChannel | null;
  zalo: ZaloChannel | null;
  /** Sends broadcasts and reminders; resumed at start, stopped cleanly by stop(). */
  broadcasts: BroadcastRunner;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Test seam at the network edge: grammY's HTTP client. */
  telegram?: Partial<Pick<TelegramOptions, "fetch" | "botInfo">>;
  /** Test seams for the Zalo channel: time and rate-limit pauses. */
  zalo?: Partial<Pick<ZaloOptions, "clock" | "rateLimit" | "fetch">>;
  /** Test fixtures: extra features, a clock. */
  app?: Partial<Pick<AppOptions, "extraFeatures" | "clock">>;
  /** Test seams for the broadcast runner (progress interval, retry back-off…); its clock is the app's. */
  broadcasts?: Omit<BroadcastRunnerOptions, "clock">;
}

/**
 * Long polling has one consumer per bot by Telegram's design: a second instance polling the same
 * token would take updates from the first. On a shared database the poller holds a lock for its
 * life (dropped at once if it dies), so a second one is refused at start: several instances need
 * WEBHOOK_URL behind the load balancer. Returns the release of the lock.
 */
async function claimPolling(app: App): Promise<(() => Promise<void>) | null> {
  const { config, storage } = app;
  if (!config.TELEGRAM_BOT_TOKEN || config.WEBHOOK_URL) return null;
  const release = await storage.coordination.hold("telegram-long-polling");
  if (!release) {
    throw new StartRefused(
      `Start refused: another bot instance on this database is receiving Telegram updates by long polling, which allows one consumer. Set WEBHOOK_URL (README, "Several instances") or stop the other instance.`,
    );
  }
  return release;
}

function webhookSecret(config: Config): string {
  // Stable across restarts without another setting; WEBHOOK_SECRET overrides it.
  return config.WEBHOOK_SECRET ?? createHash("sha256").update(`webhook:${config.TELEGRAM_BOT_TOKEN}`).digest("hex").slice(0, 48);
}

/** Starts every configured channel: the web chat always, Telegram when a token is set. */
export async function startBot(config: Config, log: Logger, options: StartOptions = {}): Promise<RunningBot> {
  // Answers from the first shard it needs; the rest of the JSON files are read in the background.
  const app = await createApp({ config, log, answerWhileLoading: true, ...options.app });
  let releasePolling: (() => Promise<void>) | null = null;
  try {
    releasePolling = await claimPolling(app);
  } catch (error) {
    await app.close();
    throw error;
  }
  const web = createWebChat(app);
  app.outbox.register("web", web.sender);
  const routes: Route[] = [...web.routes, { method: "GET", path: "/healthz", handle: (_q, res) => sendJson(res, 200, { ok: true }) }];

  let telegram: TelegramChannel | null = null;
  let runner: RunnerHandle | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopping = false;

  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramChannel(app, {
      token: config.TELEGRAM_BOT_TOKEN,
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      ...options.telegram,
    });
    app.outbox.register("telegram", telegram.sender);
    if (config.WEBHOOK_URL) {
      routes.push({
        method: "POST",
        path: new URL(config.WEBHOOK_URL).pathname,
        handle: webhookCallback(telegram.bot, "http", { secretToken: webhookSecret(config) }),
      });
    }
  }

  const zaloSettings = zaloSettingsOf(config);
  const zalo = zaloSettings ? createZaloChannel(app, { ...zaloSettings, ...options.zalo }) : null;
  if (zalo) {
    routes.push(zalo.route);
    app.outbox.register("zalo", zalo.sender);
  }

  const server = createHttpServer(routes, log);
  const address = await listen(server, config.WEB_HOST, config.WEB_PORT);
  const webUrl = `http://${address.host.includes(":") ? `[${address.host}]` : address.host}:${address.port}/`;

  const connectTelegram = async (channel: TelegramChannel): Promise<void> => {
    try {
      await channel.bot.init();
      if (config.WEBHOOK_URL) {
        await channel.bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: webhookSecret(config), allowed_updates: [...TELEGRAM_UPDATES] });
        log.info("telegram: webhook set", { url: config.WEBHOOK_URL, bot: channel.bot.botInfo.username });
      } else {
        await channel.bot.api.deleteWebhook();
        runner = run(channel.bot, { runner: { fetch: { allowed_updates: [...TELEGRAM_UPDATES] } } });
        log.info("telegram: long polling", { bot: channel.bot.botInfo.username });
      }
      await channel.publishCommands();
    } catch (error) {
      if (stopping) return;
      log.error("telegram: could not connect, retrying in 30 s", { error: String(error) });
      retryTimer = setTimeout(() => void connectTelegram(channel), 30_000);
    }
  };
  if (telegram) await connectTelegram(telegram);
  if (zalo) {
    await zalo.start();
    log.info("zalo: webhook ready", { path: ZALO_WEBHOOK_PATH });
  }
  const stopExpiry = scheduleFormExpiry(app, options.app?.clock);
  // After the channels are registered: jobs left running by the last run go on at once.
  const broadcasts = createBroadcastRunner(app, { ...options.broadcasts, ...(options.app?.clock ? { clock: options.app.clock } : {}) });
  broadcasts.start();

  return {
    app,
    server,
    webUrl,
    telegram,
    zalo,
    broadcasts,
    async stop() {
      stopping = true;
      stopExpiry();
      // Sends in flight finish and are recorded; the rest waits for the next start.
      await broadcasts.stop();
      if (retryTimer) clearTimeout(retryTimer);
      if (runner?.isRunning()) await runner.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // Zalo events already answered with 200 are handled before the store closes.
      await zalo?.stop();
      await releasePolling?.();
      await app.close();
    },
  };
}

/** One line for a known problem (a broken file, a refused start, the database); the stack otherwise. */
function describeFailure(error: unknown): string {
  return startupProblem(error) ?? (error instanceof Error ? (error.stack ?? error.message) : String(error));
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  const log = createLogger(config.LOG_LEVEL);
  let bot: RunningBot;
  try {
    bot = await startBot(config, log);
  } catch (error) {
    process.stderr.write(`${describeFailure(error)}\n`);
    process.exit(1);
  }
  let shuttingDown = false;
  // A file found broken while the store is read in the background stops the bot as a broken file at
  // start does: one line naming it; the file is left as it is.
  bot.app.storage.loading.catch((error: unknown) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stderr.write(`${describeFailure(error)}\n`);
    void bot.stop().finally(() => process.exit(1));
  });
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info("shutting down", { signal });
    // Pending writes get their chance; a hung shutdown is cut off rather than left running.
    setTimeout(() => {
      log.error("shutdown took too long, exiting");
      process.exit(1);
    }, 15_000).unref();
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));

  // Printed once a stop signal would be handled: whoever waits for the address may stop us at once.
  const say = (key: string, args: Record<string, string> = {}) =>
    process.stdout.write(`${toPlainText(bot.app.translator.t(config.DEFAULT_LOCALE, key, args))}\n`);
  say("startup-web-chat", { url: bot.webUrl });
  if (!config.TELEGRAM_BOT_TOKEN) say("startup-no-telegram");
  if (bot.zalo) say("startup-zalo", { url: `${bot.webUrl.replace(/\/$/, "")}${ZALO_WEBHOOK_PATH}` });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
