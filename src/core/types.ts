/**
 * The neutral vocabulary between channels and the dialog core. No platform type appears here:
 * a channel maps its updates to an `InboundEvent` and renders `OutboundMessage`s itself.
 */
import type { Markup } from "./markup.js";

/**
 * A channel's name ("telegram", "zalo", "web", "console", …): lowercase letters and digits, the
 * first part of a user key. Which channels exist is src/channels/registry.ts's business, not the
 * core's: stored records accept any well-formed name (`channelNameSchema`), so adding a channel
 * touches no schema and records of a channel since removed still read.
 */
export type ChannelName = string;
export const CHANNEL_NAME_PATTERN = /^[a-z][a-z0-9]{1,19}$/;

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A person as seen on one channel. The same person on two channels is two users. */
export interface UserRef {
  channel: ChannelName;
  /** The channel's own id, always a string (Zalo ids exceed 2^53). */
  id: string;
  /** Shown name from the channel, if any; never trusted for anything but greeting. */
  displayName?: string;
}

export function userKeyOf(user: Pick<UserRef, "channel" | "id">): string {
  return `${user.channel}:${user.id}`;
}

/** A file the user sent; we keep the channel's reference, not the bytes. */
export interface FileRef {
  channel: ChannelName;
  /** Telegram file_id, Zalo attachment URL, … */
  ref: string;
  name: string;
  size: number | null;
  mime: string | null;
  /** Telegram: the file came as a photo, so it goes back with sendPhoto (a photo's file_id is refused by sendDocument). */
  photo?: boolean;
}

export type InboundEvent =
  | { kind: "command"; name: string; args: string }
  | { kind: "text"; text: string }
  | { kind: "button"; data: string }
  | { kind: "file"; file: FileRef; caption: string }
  /** Stickers, voice, locations…: things we cannot read, answered politely. */
  | { kind: "unsupported"; what: string };

export interface Button {
  /** Plain text (buttons show no formatting). */
  label: string;
  /** Core button data, ≤ 64 bytes UTF-8 so it fits Telegram's callback_data. */
  data: string;
}

export type Attachment =
  /** A file we generated (an export, a chart). */
  | { kind: "bytes"; name: string; mime: string; bytes: Uint8Array; asPhoto?: boolean }
  /** A file a user sent earlier on some channel, sent back by reference. */
  | { kind: "stored"; file: FileRef };

export interface OutboundMessage {
  text: Markup;
  buttons?: Button[][];
  attachment?: Attachment;
  /**
   * In a reply to a button press: this message replaces the message the button was on (a
   * multi-select tap re-draws its question with the tick moved) instead of arriving as a new one.
   * A channel that can edit does so (Telegram, the web page); one that cannot sends only `change`,
   * the short line saying what changed ("✓ Đã chọn: HACCP"), keeping the choices it showed (Zalo's
   * numbered list, the terminal's options). Outside a reply to a press it is an ordinary message.
   */
  edit?: { change: Markup };
}

/** Telegram's callback_data limit; every channel shares it so buttons work everywhere. */
export const MAX_BUTTON_DATA_BYTES = 64;

export function buttonDataFits(data: string): boolean {
  return new TextEncoder().encode(data).length <= MAX_BUTTON_DATA_BYTES;
}

/** Longest text the core accepts from any channel (Telegram's own message limit). */
export const MAX_INBOUND_TEXT = 4096;
