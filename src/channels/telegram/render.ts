import type { InlineKeyboardButton } from "grammy/types";
import { splitMarkup, visibleLength, type Markup } from "../../core/markup.js";
import { buttonDataFits, type Attachment, type Button, type OutboundMessage } from "../../core/types.js";

/** Telegram's limits (Bot API): message text and caption, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** One Bot API call, described as data so it can be tested without a network. */
export type TelegramCall =
  | { method: "sendMessage"; text: Markup; keyboard?: InlineKeyboardButton[][] }
  | { method: "sendDocument" | "sendPhoto"; attachment: Attachment; caption?: Markup; keyboard?: InlineKeyboardButton[][] };

export interface RenderProblem {
  problem: string;
}

/**
 * Turns one neutral message into Bot API calls: text split at 4,096 characters on natural
 * boundaries, buttons as an inline keyboard on the last part, an attachment with the text as its
 * caption when that fits. Our markup is already valid Telegram HTML with user text escaped.
 */
export function renderMessage(message: OutboundMessage, onProblem: (p: RenderProblem) => void = () => {}): TelegramCall[] {
  const keyboard = message.buttons ? inlineKeyboard(message.buttons, onProblem) : undefined;
  const withKeyboard = keyboard && keyboard.length ? { keyboard } : {};
  const text = message.text;
  const hasText = visibleLength(text) > 0;

  if (message.attachment) {
    const a = message.attachment;
    const method = (a.kind === "bytes" && a.asPhoto) || (a.kind === "stored" && a.file.channel === "telegram" && a.file.photo) ? "sendPhoto" : "sendDocument";
    if (!hasText) return [{ method, attachment: message.attachment, ...withKeyboard }];
    if (visibleLength(text) <= TELEGRAM_CAPTION_LIMIT) return [{ method, attachment: message.attachment, caption: text, ...withKeyboard }];
    const parts = splitMarkup(text, TELEGRAM_TEXT_LIMIT).map((t): TelegramCall => ({ method: "sendMessage", text: t }));
    return [...parts, { method, attachment: message.attachment, ...withKeyboard }];
  }

  const parts = splitMarkup(hasText ? text : ("…" as Markup), TELEGRAM_TEXT_LIMIT);
  return parts.map((t, i): TelegramCall => (i === parts.length - 1 ? { method: "sendMessage", text: t, ...withKeyboard } : { method: "sendMessage", text: t }));
}

function inlineKeyboard(rows: Button[][], onProblem: (p: RenderProblem) => void): InlineKeyboardButton[][] {
  const out: InlineKeyboardButton[][] = [];
  for (const row of rows) {
    const buttons: InlineKeyboardButton[] = [];
    for (const button of row) {
      if (!buttonDataFits(button.data)) {
        // A bug on our side: drop the button rather than have Telegram refuse the whole message.
        onProblem({ problem: `button data over 64 bytes: ${button.data.slice(0, 20)}…` });
        continue;
      }
      buttons.push({ text: button.label.slice(0, 64) || "…", callback_data: button.data });
    }
    if (buttons.length) out.push(buttons);
  }
  return out;
}
