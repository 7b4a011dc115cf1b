import { z } from "zod";
import { LOCALES } from "../../core/types.js";
import { channelNameSchema } from "../../core/events.js";
import { tailTurnSchema, TAIL_TURNS } from "./conversation-tail.js";

/** How many questions one open item keeps (a user asking again adds to it), and the longest kept. */
export const INBOX_MAX_QUESTIONS = 10;
export const INBOX_QUESTION_MAX = 1000;
/** The longest answer an official may send (Telegram splits it on the user's side). */
export const INBOX_ANSWER_MAX = 8000;

/** `HT12`: short and button-safe (a counter, never a user's data). */
export const INBOX_ID_PATTERN = /^HT\d{1,9}$/;

export const INBOX_STATUSES = ["open", "answered", "no-reply"] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** Why the item was made: the bot refused, a 👎 on an answer, or the user asked for a person. */
export const INBOX_REASONS = ["refused", "not-helpful", "asked"] as const;
export type InboxReason = (typeof INBOX_REASONS)[number];

export const inboxQuestionSchema = z.object({
  at: z.iso.datetime(),
  text: z.string().max(INBOX_QUESTION_MAX),
  reason: z.enum(INBOX_REASONS),
  /** What the bot offered for it: the entry it answered with, or the closest entries it suggested. */
  offered: z.array(z.string().min(1).max(80)).max(5).default([]),
});
export type InboxQuestion = z.infer<typeof inboxQuestionSchema>;

export const inboxAnswerSchema = z.object({
  at: z.iso.datetime(),
  text: z.string().max(INBOX_ANSWER_MAX),
  /** The official's user key; null when a person answered in the Zalo OA's own chat. */
  by: z.string().min(3).max(200).nullable(),
  /** The name shown to the user under the answer: the unit's, or the official's own if they chose. */
  signedAs: z.string().max(200),
  via: z.enum(["bot", "oa-chat"]),
});
export type InboxAnswer = z.infer<typeof inboxAnswerSchema>;

/**
 * A question the bot could not answer, passed to the unit (`/hopthu`). Keyed by `id`. One open
 * item per user at a time: asking again while it is open adds to `questions`.
 */
export const inboxItemSchema = z.object({
  id: z.string().regex(INBOX_ID_PATTERN),
  userKey: z.string().min(3).max(200),
  channel: channelNameSchema,
  userId: z.string().min(1).max(128),
  locale: z.enum(LOCALES),
  status: z.enum(INBOX_STATUSES),
  questions: z.array(inboxQuestionSchema).min(1).max(INBOX_MAX_QUESTIONS),
  createdAt: z.iso.datetime(),
  /** When the item was closed (answered or marked "no reply needed"). */
  closedAt: z.iso.datetime().nullable().default(null),
  answers: z.array(inboxAnswerSchema).max(10).default([]),
  /** Set when an answer could not be sent (Zalo outside its 7-day window…): the item stays open. */
  undelivered: z.object({ at: z.iso.datetime(), reason: z.string().max(300) }).nullable().default(null),
  /** The conversation before the item was made (the user's recent questions and what the bot did). */
  tail: z.array(tailTurnSchema).max(TAIL_TURNS).default([]),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** The ISO week of an instant in Vietnam, `2026-W49`. */
export const ISO_WEEK_PATTERN = /^\d{4}-W\d{2}$/;

/** Per ISO week: items made, closed by an answer, and the minutes from creation to the first answer. */
export interface InboxWeek {
  week: string;
  created: number;
  answered: number;
  minutesToAnswer: number[];
  /** Texts of refused questions of that week (the figures find their frequent words). */
  refusedQuestions: string[];
}
