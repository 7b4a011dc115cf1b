import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot, GrammyError, HttpError, InputFile, type Context, type RawApi } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { App } from "../../app.js";
import type { ChannelSender, DeliveryOutcome } from "../../core/outbox.js";
import type { Attachment, OutboundMessage } from "../../core/types.js";
import { splitMarkup } from "../../core/markup.js";
import { renderMessage, TELEGRAM_TEXT_LIMIT, type TelegramCall } from "./render.js";
import { eventOf, userOf } from "./updates.js";

export interface TelegramOptions {
  token: string;
  /** A local Bot API server or an emulator; default Telegram's cloud. */
  apiRoot?: string;
  /** Skips getMe (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** Replaces the HTTP client (tests, benchmarks): the network edge only. */
  fetch?: typeof fetch;
  /**
   * True the first time an update id is seen (webhook mode: Telegram delivers an update again when
   * its answer came late or failed). A repeat is dropped before anything is done.
   */
  firstTime?: (updateId: number) => Promise<boolean>;
}

type AnyApi = Api<RawApi>;

/** Sends the calls `renderMessage` described, in order. */
async function perform(api: AnyApi, chatId: number | string, calls: TelegramCall[]): Promise<void> {
  for (const call of calls) {
    const reply_markup = call.keyboard ? { inline_keyboard: call.keyboard } : undefined;
    if (call.method === "sendMessage") {
      await api.sendMessage(chatId, call.text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(reply_markup ? { reply_markup } : {}),
      });
    } else {
      const input = inputOf(call.attachment);
      const extra = {
        ...(call.caption ? { caption: call.caption, parse_mode: "HTML" as const } : {}),
        ...(reply_markup ? { reply_markup } : {}),
      };
      if (call.method === "sendPhoto") await api.sendPhoto(chatId, input, extra);
      else await api.sendDocument(chatId, input, extra);
    }
  }
}

/**
 * Replaces the text and keyboard of message `messageId` with the one text message `calls`
 * describes. False when it cannot (an attachment, a text over one message, Telegram refused):
 * the caller sends it as a new message instead. The same content again counts as done.
 */
async function editInPlace(api: AnyApi, chatId: number | string, messageId: number, calls: TelegramCall[]): Promise<boolean> {
  const [call] = calls;
  if (calls.length !== 1 || call?.method !== "sendMessage") return false;
  try {
    await api.editMessageText(chatId, messageId, call.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(call.keyboard ? { reply_markup: { inline_keyboard: call.keyboard } } : {}),
    });
    return true;
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return true;
    // Blocked or rate-limited: sending would fail the same way; let the send report it.
    return false;
  }
}

function inputOf(attachment: Attachment): InputFile | string {
  if (attachment.kind === "bytes") return new InputFile(attachment.bytes, attachment.name);
  // A file received on Telegram is re-sent by its file_id; one from another channel by its URL.
  return attachment.file.ref;
}

/** Maps Bot API failures onto the outbox's outcomes (403 = blocked, 429 = wait). */
export function outcomeOf(error: unknown): DeliveryOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 403) return { ok: false, reason: "blocked" };
    if (error.error_code === 400 && /chat not found|user not found/i.test(error.description)) return { ok: false, reason: "blocked" };
    if (error.error_code === 429) return { ok: false, reason: "rate-limited", retryAfterSeconds: error.parameters.retry_after ?? 1 };
    return { ok: false, reason: "failed", detail: `${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) return { ok: false, reason: "failed", detail: `network: ${error.message}` };
  return { ok: false, reason: "failed", detail: String(error) };
}

export interface TelegramChannel {
  bot: Bot;
  /** Pushes (notices, announcements) through the plain API: callers see 429 and 403 themselves. */
  sender: ChannelSender;
  /** Publishes the command list in Vietnamese and English. */
  publishCommands(): Promise<void>;
}

/**
 * The Telegram channel: maps updates to core events and core messages to Bot API calls.
 * Nothing here decides what to answer; nothing is started here either (see main.ts).
 */
export function createTelegramChannel(app: App, options: TelegramOptions): TelegramChannel {
  const client = {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    ...(options.fetch ? { fetch: options.fetch as never } : {}),
  };
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client,
  });
  const log = app.log;

  // An emulator answers getUpdates at once instead of holding the long poll; without a pause the
  // polling loop would spin. Real Telegram never returns an empty result early, so this never waits there.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const started = Date.now();
    const result = await prev(method, payload, signal);
    if (method === "getUpdates" && result.ok && Array.isArray(result.result) && result.result.length === 0 && Date.now() - started < 50) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return result;
  });

  bot.catch((err) => log.error("telegram update failed", { error: err.error }));

  const { firstTime } = options;
  if (firstTime) {
    bot.use(async (ctx, next) => {
      if (await firstTime(ctx.update.update_id)) return next();
      log.info("telegram: repeated update dropped", { update: ctx.update.update_id });
    });
  }

  // Telegram tells us when a user blocks the bot or comes back; notices then skip or resume them.
  bot.on("my_chat_member", (ctx) => {
    const update = ctx.myChatMember;
    if (update.chat.type !== "private") return;
    const gone = update.new_chat_member.status === "kicked" || update.new_chat_member.status === "left";
    return app.storage.unit(() => app.services.users.markUnreachable(`telegram:${update.from.id}`, gone, new Date(update.date * 1000)));
  });

  bot.use(async (ctx: Context) => {
    const user = userOf(ctx);
    if (ctx.callbackQuery) {
      // Stop the button's spinner at once; what the press means is decided by the core, on the server.
      void ctx.answerCallbackQuery().catch((error: unknown) => log.debug("answerCallbackQuery failed", { error: String(error) }));
    }
    if (!user) return;
    if (ctx.chat && ctx.chat.type !== "private") {
      // Personal data stays out of groups: answer commands with a pointer to a private chat, ignore the rest.
      if (ctx.message?.text?.startsWith("/")) {
        await ctx.reply(app.translator.t(app.config.DEFAULT_LOCALE, "group-not-supported"), { parse_mode: "HTML" });
      }
      return;
    }
    const event = eventOf(ctx);
    if (!event) return;
    // Replies get auto-retry (a 429 on a reply is waited out); pushes below do not.
    ctx.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    const chatId = ctx.chat?.id ?? Number(user.id);
    // The message whose button was pressed: a reply marked `edit` replaces it (a multi-select tap).
    const pressedOn = ctx.callbackQuery?.message && ctx.callbackQuery.message.date !== 0 ? ctx.callbackQuery.message.message_id : null;
    await app.conversation.handle(user, event, async (messages) => {
      try {
        for (const message of messages) {
          const calls = renderMessage(message, (p) => log.error("telegram render", { problem: p.problem }));
          if (message.edit && pressedOn !== null && (await editInPlace(ctx.api, chatId, pressedOn, calls))) continue;
          await perform(ctx.api, chatId, calls);
        }
      } catch (error) {
        const outcome = outcomeOf(error);
        if (!outcome.ok && outcome.reason === "blocked") {
          await app.storage.unit(() => app.services.users.markUnreachable(`telegram:${user.id}`, true, new Date())).catch((e: unknown) => log.error("could not record a blocked user", { error: String(e) }));
        }
        throw error;
      }
    });
  });

  const sender: ChannelSender = {
    async send(userId, messages: OutboundMessage[]) {
      try {
        for (const message of messages) await perform(bot.api, Number(userId), renderMessage(message));
        return { ok: true };
      } catch (error) {
        return outcomeOf(error);
      }
    },
    // Progress reports: one short text, edited in place (the handle is Telegram's message_id).
    async sendReplaceable(userId, message, replace) {
      const text = splitMarkup(message.text, TELEGRAM_TEXT_LIMIT)[0] ?? message.text;
      const options = { parse_mode: "HTML" as const, link_preview_options: { is_disabled: true } };
      if (replace !== null && /^\d+$/.test(replace)) {
        try {
          await bot.api.editMessageText(Number(userId), Number(replace), text, options);
          return { outcome: { ok: true }, handle: replace };
        } catch (error) {
          // The same text again is not an error for us; any other refusal falls back to a new message.
          if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return { outcome: { ok: true }, handle: replace };
          const outcome = outcomeOf(error);
          if (!outcome.ok && (outcome.reason === "blocked" || outcome.reason === "rate-limited")) return { outcome, handle: replace };
        }
      }
      try {
        const sent = await bot.api.sendMessage(Number(userId), text, options);
        return { outcome: { ok: true }, handle: String(sent.message_id) };
      } catch (error) {
        return { outcome: outcomeOf(error), handle: null };
      }
    },
  };

  const publishCommands = async () => {
    const everyone = app.dispatcher.commandsFor(null);
    const list = (locale: "vi" | "en") =>
      everyone.map((c) => ({
        command: locale === "en" ? (c.names[1] ?? c.names[0]!) : c.names[0]!,
        description: app.translator.t(locale, c.descriptionKey).slice(0, 256),
      }));
    try {
      await bot.api.setMyCommands(list("vi"));
      await bot.api.setMyCommands(list("en"), { language_code: "en" });
    } catch (error) {
      // An emulator may not know setMyCommands; the bot works without the menu.
      log.warn("could not publish the command list", { error: String(error) });
    }
  };

  return { bot, sender, publishCommands };
}
