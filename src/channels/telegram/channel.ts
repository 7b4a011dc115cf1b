import { createHash } from "node:crypto";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { App } from "../../app.js";
import type { Config } from "../../config.js";
import { StartRefused } from "../../startup-errors.js";
import { defineChannel, type Channel } from "../channel.js";
import type { Route } from "../shared/http.js";
import { createSeenEvents } from "../shared/seen.js";
import { scopeOf } from "../shared/storage.js";
import { createTelegramChannel, type TelegramOptions } from "./bot.js";

/** Updates the bot asks Telegram for. */
export const TELEGRAM_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** Test seams at the network edge (`startBot(…, { channels: { telegram: … } })`). */
export type TelegramSeams = Partial<Pick<TelegramOptions, "fetch" | "botInfo">>;

export interface RunningTelegram extends Channel {
  /** grammY's bot, for tests that hand it updates directly. */
  readonly bot: Bot;
}

/**
 * Long polling has one consumer per bot by Telegram's design: a second instance polling the same
 * token would take updates from the first. On a shared database the poller holds a lock for its
 * life (dropped at once if it dies), so a second one is refused at start: several instances need
 * WEBHOOK_URL behind the load balancer. Returns the release of the lock.
 */
async function claimPolling(app: App): Promise<() => Promise<void>> {
  const release = await app.storage.coordination.hold("telegram-long-polling");
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

/** One attempt to reach Telegram at most this long (a connection that hangs is given up). */
const CONNECT_TIMEOUT_MS = 20_000;
/** A webhook call is answered within this, whether or not the update's turn has ended. */
const WEBHOOK_ANSWER_MS = 5_000;
/** How long the start waits for the first attempt before going on without Telegram. */
const FIRST_ATTEMPT_WAIT_MS = 3_000;
/** Waits between attempts: 5 s, doubling, at most 5 minutes. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 5 * 60_000;

/**
 * On when TELEGRAM_BOT_TOKEN is set: long polling, or with WEBHOOK_URL a webhook on the bot's
 * server (its path) that only takes calls carrying the secret. Connecting runs in the background:
 * a Telegram that cannot be reached at start is logged and tried again with a growing wait, while
 * the bot serves its other channels, its background services and stop signals.
 */
export const telegramChannel = defineChannel({
  name: "telegram",
  offLine: { key: "startup-no-telegram" },
  async create(app, seams?: TelegramSeams): Promise<RunningTelegram | null> {
    const { config, log } = app;
    if (!config.TELEGRAM_BOT_TOKEN) return null;
    const webhookUrl = config.WEBHOOK_URL;
    const releasePolling = webhookUrl ? null : await claimPolling(app);
    const seen = createSeenEvents(app.storage, scopeOf("telegram"));
    const telegram = createTelegramChannel(app, {
      token: config.TELEGRAM_BOT_TOKEN,
      // Webhook mode: a repeat of an update (its answer came late) is dropped, on every instance.
      ...(webhookUrl ? { firstTime: (id: number) => seen.firstTime(`update:${id}`, new Date()) } : {}),
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      ...seams,
    });
    const { bot } = telegram;
    const routes: Route[] = webhookUrl
      ? [
          {
            method: "POST",
            path: new URL(webhookUrl).pathname,
            // A turn slower than Telegram's patience (a 429 waited out) is answered 200 and goes on;
            // "throw" would answer 500 and Telegram would deliver the update again.
            handle: webhookCallback(bot, "http", { secretToken: webhookSecret(config), onTimeout: "return", timeoutMilliseconds: WEBHOOK_ANSWER_MS }),
          },
        ]
      : [];
    let runner: RunnerHandle | null = null;
    let retryTimer: NodeJS.Timeout | null = null;
    let retryMs = RETRY_FIRST_MS;
    const stopping = new AbortController();

    // The runner retries getUpdates itself; it is told to be silent (it would print the request URL,
    // token included) and each failure is logged here instead, through the redacting logger.
    bot.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (method === "getUpdates" && !stopping.signal.aborted) log.warn("telegram: getUpdates failed; the runner tries again", { error: String(error) });
        throw error;
      }
    });

    const connect = async (): Promise<void> => {
      // One bounded try: grammY's own init would retry getMe for ever and never say why.
      // grammY types its signals with the abort-controller package's class; Node's is the same at run time.
      const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(CONNECT_TIMEOUT_MS)]) as unknown as Parameters<Bot["api"]["getMe"]>[0];
      if (!seams?.botInfo) bot.botInfo = await bot.api.getMe(signal);
      if (webhookUrl) {
        await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret(config), allowed_updates: [...TELEGRAM_UPDATES] }, signal);
        log.info("telegram: webhook set", { url: webhookUrl, bot: bot.botInfo.username });
      } else {
        await bot.api.deleteWebhook(undefined, signal);
        runner = run(bot, { runner: { fetch: { allowed_updates: [...TELEGRAM_UPDATES] }, silent: true } });
        log.info("telegram: long polling", { bot: bot.botInfo.username });
      }
      await telegram.publishCommands();
    };

    /** Connects, or logs why not and tries again later; resolves when this attempt has ended either way. */
    const keepConnecting = (): Promise<void> =>
      connect().then(
        () => {
          retryMs = RETRY_FIRST_MS;
        },
        (error: unknown) => {
          if (stopping.signal.aborted) return;
          log.error(`telegram: could not connect; trying again in ${Math.round(retryMs / 1000)} s (the other channels are running)`, { error: String(error) });
          retryTimer = setTimeout(() => void keepConnecting(), retryMs);
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
        },
      );

    return {
      // Inline keyboards, sendPhoto/sendDocument, progress reports edited in place.
      capabilities: { buttons: Infinity, photos: true, documents: true, edits: true },
      routes,
      sender: telegram.sender,
      bot,
      // The start waits a moment for the first attempt (a reachable Telegram is ready when the bot
      // says it runs), never longer: a Telegram that hangs is left to the background.
      start: async () => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([keepConnecting(), new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_ATTEMPT_WAIT_MS)))]);
        clearTimeout(timer);
      },
      async stop() {
        stopping.abort();
        if (retryTimer) clearTimeout(retryTimer);
        // Updates being handled finish first; a webhook's are answered before the server closes.
        if (runner?.isRunning()) await runner.stop();
        await releasePolling?.();
      },
      // Telegram is answered once an update is handled (the runner, the webhook): nothing waits here.
      idle: async () => {},
    };
  },
});
