import { createHash } from "node:crypto";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { App } from "../../app.js";
import type { Config } from "../../config.js";
import { StartRefused } from "../../startup-errors.js";
import { defineChannel, type Channel } from "../channel.js";
import type { Route } from "../shared/http.js";
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

/**
 * On when TELEGRAM_BOT_TOKEN is set: long polling, or with WEBHOOK_URL a webhook on the bot's
 * server (its path) that only takes calls carrying the secret. A Telegram that cannot be reached at
 * start is retried every 30 s; the bot serves its other channels meanwhile.
 */
export const telegramChannel = defineChannel({
  name: "telegram",
  offLine: { key: "startup-no-telegram" },
  async create(app, seams?: TelegramSeams): Promise<RunningTelegram | null> {
    const { config, log } = app;
    if (!config.TELEGRAM_BOT_TOKEN) return null;
    const webhookUrl = config.WEBHOOK_URL;
    const releasePolling = webhookUrl ? null : await claimPolling(app);
    const telegram = createTelegramChannel(app, {
      token: config.TELEGRAM_BOT_TOKEN,
      ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
      ...seams,
    });
    const { bot } = telegram;
    const routes: Route[] = webhookUrl
      ? [{ method: "POST", path: new URL(webhookUrl).pathname, handle: webhookCallback(bot, "http", { secretToken: webhookSecret(config) }) }]
      : [];
    let runner: RunnerHandle | null = null;
    let retryTimer: NodeJS.Timeout | null = null;
    let stopping = false;

    const connect = async (): Promise<void> => {
      try {
        await bot.init();
        if (webhookUrl) {
          await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret(config), allowed_updates: [...TELEGRAM_UPDATES] });
          log.info("telegram: webhook set", { url: webhookUrl, bot: bot.botInfo.username });
        } else {
          await bot.api.deleteWebhook();
          runner = run(bot, { runner: { fetch: { allowed_updates: [...TELEGRAM_UPDATES] } } });
          log.info("telegram: long polling", { bot: bot.botInfo.username });
        }
        await telegram.publishCommands();
      } catch (error) {
        if (stopping) return;
        log.error("telegram: could not connect, retrying in 30 s", { error: String(error) });
        retryTimer = setTimeout(() => void connect(), 30_000);
      }
    };

    return {
      // Inline keyboards, sendPhoto/sendDocument, progress reports edited in place.
      capabilities: { buttons: Infinity, photos: true, documents: true, edits: true },
      routes,
      sender: telegram.sender,
      bot,
      start: connect,
      async stop() {
        stopping = true;
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
