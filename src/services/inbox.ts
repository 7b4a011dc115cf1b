import { clip } from "../domain/text.js";
import type { Outbox } from "../core/outbox.js";
import type { Role } from "../core/feature.js";
import { userKeyOf, type Locale, type UserRef } from "../core/types.js";
import { INBOX_ANSWER_MAX, INBOX_MAX_QUESTIONS, INBOX_QUESTION_MAX, type InboxItem, type InboxReason } from "../domain/records/inbox-item.js";
import { answerExpected, type AnswerExpected, type OfficeHours } from "../domain/working-days.js";
import type { Contact } from "../domain/submission.js";
import type { CountersRepository, InboxRepository, KeyedRecords } from "../store/repositories.js";
import { TAIL_TEXT_MAX, TAIL_TURNS, type ConversationTail } from "../domain/records/conversation-tail.js";
import type { Audit } from "./audit.js";
import type { Submissions } from "./submissions.js";

export const INBOX_ACTIONS = {
  created: "inbox-created",
  added: "inbox-question-added",
  answered: "inbox-answered",
  undelivered: "inbox-undelivered",
  noReply: "inbox-no-reply",
  oaChat: "inbox-answered-oa-chat",
  forgotten: "inbox-forgotten",
} as const;

/** What an official's action came to; a refusal names its message key. */
export type InboxOutcome = { ok: true; item: InboxItem } | { ok: false; error: "inbox-not-official" | "inbox-not-found" | "inbox-closed" | "inbox-answer-empty" | "inbox-answer-too-long" };

export interface HandOff {
  user: UserRef;
  locale: Locale;
  text: string;
  reason: InboxReason;
  offered: readonly string[];
  now: Date;
}

export interface Inbox {
  /** The user's open item gets the question, or a new item is made; `created` tells which. */
  handOff(input: HandOff): Promise<{ item: InboxItem; created: boolean }>;
  /** Keeps the user's question and what the bot did with it (a short tail, the last few turns). */
  remember(userKey: string, question: string, botDid: string, now: Date): Promise<void>;
  get(id: string): Promise<InboxItem | undefined>;
  open(offset: number, limit: number): Promise<{ items: InboxItem[]; total: number }>;
  openOf(userKey: string): Promise<InboxItem | undefined>;
  /** When a person is expected to answer a question passed now (office hours, holidays). */
  expected(now: Date): AnswerExpected;
  /**
   * An official's answer: checked (role, item open, text), then the item is answered. Sending it is
   * the caller's next step, after the write (`delivered`/`undelivered`).
   */
  answer(input: { id: string; text: string; by: string; role: Role | null; signedAs: string; now: Date }): Promise<InboxOutcome>;
  /** The answer could not be sent: the item is open again, with the reason. */
  undelivered(id: string, reason: string, by: string, now: Date): Promise<void>;
  noReply(input: { id: string; by: string; role: Role | null; now: Date }): Promise<InboxOutcome>;
  /** A person wrote to the user in the platform's own chat (Zalo OA): their open item is answered. */
  answeredInPlatformChat(user: Pick<UserRef, "channel" | "id">, now: Date): Promise<InboxItem | undefined>;
  /** Whether a push would reach the user now (Zalo's 7-day window). */
  reach(item: InboxItem): ReturnType<Outbox["reach"]>;
  /** The phone and email of the user's newest submission that has them (to reach them another way). */
  contactOf(userKey: string): Promise<Contact | null>;
  /** The user's items, oldest first (/dulieu). */
  ofUser(userKey: string): Promise<InboxItem[]>;
  /** Deletes the user's items (their questions and the answers to them); how many. */
  forget(userKey: string, now: Date): Promise<number>;
  /** Items created at or after `since` (ISO), for the weekly figures. */
  createdSince(since: string): Promise<InboxItem[]>;
}

const official = (role: Role | null) => role === "official" || role === "admin";

export function createInbox(deps: {
  repo: InboxRepository;
  tails: KeyedRecords<ConversationTail>;
  counters: CountersRepository;
  audit: Audit;
  outbox: Outbox;
  submissions: Submissions;
  officeHours: OfficeHours | null;
  holidays: ReadonlySet<string>;
}): Inbox {
  const { repo, counters, audit, outbox, submissions } = deps;
  const closeable = async (id: string, role: Role | null): Promise<InboxOutcome> => {
    if (!official(role)) return { ok: false, error: "inbox-not-official" };
    const item = await repo.get(id);
    if (!item) return { ok: false, error: "inbox-not-found" };
    if (item.status !== "open") return { ok: false, error: "inbox-closed" };
    return { ok: true, item };
  };
  return {
    async handOff({ user, locale, text, reason, offered, now }) {
      const userKey = userKeyOf(user);
      const at = now.toISOString();
      const question = { at, text: clip(text.trim(), INBOX_QUESTION_MAX), reason, offered: offered.slice(0, 5) };
      const existing = await repo.openOf(userKey);
      if (existing) {
        const item = await repo.update(existing.id, (current) => {
          if (!current) return undefined;
          // The oldest questions stay (what was asked first); past the limit the newest replaces the last.
          const questions = current.questions.length < INBOX_MAX_QUESTIONS ? [...current.questions, question] : [...current.questions.slice(0, -1), question];
          return { ...current, questions, locale };
        });
        await audit.record({ at, action: INBOX_ACTIONS.added, actor: { userKey, role: "enterprise" }, subject: existing.id, detail: reason });
        return { item: item!, created: false };
      }
      const id = `HT${await counters.next("inbox", 0)}`;
      const item = await repo.put(id, {
        id,
        userKey,
        channel: user.channel,
        userId: user.id,
        locale,
        status: "open",
        questions: [question],
        createdAt: at,
        closedAt: null,
        answers: [],
        undelivered: null,
        // What came before (the FAQ remembers a refused question only after handing it off).
        tail: (await deps.tails.get(userKey))?.turns ?? [],
      });
      await audit.record({ at, action: INBOX_ACTIONS.created, actor: { userKey, role: "enterprise" }, subject: id, detail: reason });
      return { item, created: true };
    },
    async remember(userKey, question, botDid, now) {
      const at = now.toISOString();
      const turns = [
        { at, from: "user" as const, text: clip(question.trim(), TAIL_TEXT_MAX) },
        { at, from: "bot" as const, text: clip(botDid, TAIL_TEXT_MAX) },
      ];
      await deps.tails.update(userKey, (current) => ({ turns: [...(current?.turns ?? []), ...turns].slice(-TAIL_TURNS) }));
    },
    get: (id) => repo.get(id),
    open: (offset, limit) => repo.open(offset, limit),
    openOf: (userKey) => repo.openOf(userKey),
    expected: (now) => answerExpected(now, deps.officeHours, deps.holidays),
    async answer({ id, text, by, role, signedAs, now }) {
      const trimmed = text.trim();
      if (trimmed === "") return { ok: false, error: "inbox-answer-empty" };
      if (trimmed.length > INBOX_ANSWER_MAX) return { ok: false, error: "inbox-answer-too-long" };
      const checked = await closeable(id, role);
      if (!checked.ok) return checked;
      const at = now.toISOString();
      const item = await repo.update(id, (current) =>
        current && current.status === "open"
          ? { ...current, status: "answered", closedAt: at, undelivered: null, answers: [...current.answers.slice(-9), { at, text: trimmed, by, signedAs, via: "bot" }] }
          : undefined,
      );
      if (!item || item.status !== "answered") return { ok: false, error: "inbox-closed" };
      await audit.record({ at, action: INBOX_ACTIONS.answered, actor: { userKey: by, role: role ?? "official" }, subject: id, note: clip(trimmed, 2000), detail: clip(`signed: ${signedAs}`, 500) });
      return { ok: true, item };
    },
    async undelivered(id, reason, by, now) {
      const at = now.toISOString();
      await repo.update(id, (current) => (current ? { ...current, status: "open", closedAt: null, undelivered: { at, reason: clip(reason, 300) } } : undefined));
      await audit.record({ at, action: INBOX_ACTIONS.undelivered, actor: { userKey: by, role: "system" }, subject: id, detail: clip(reason, 500) });
    },
    async noReply({ id, by, role, now }) {
      const checked = await closeable(id, role);
      if (!checked.ok) return checked;
      const at = now.toISOString();
      const item = await repo.update(id, (current) => (current && current.status === "open" ? { ...current, status: "no-reply", closedAt: at } : undefined));
      await audit.record({ at, action: INBOX_ACTIONS.noReply, actor: { userKey: by, role: role ?? "official" }, subject: id });
      return { ok: true, item: item! };
    },
    async answeredInPlatformChat(user, now) {
      const open = await repo.openOf(userKeyOf(user));
      if (!open) return undefined;
      const at = now.toISOString();
      const item = await repo.update(open.id, (current) =>
        current && current.status === "open"
          ? { ...current, status: "answered", closedAt: at, answers: [...current.answers.slice(-9), { at, text: "", by: null, signedAs: "", via: "oa-chat" }] }
          : undefined,
      );
      await audit.record({ at, action: INBOX_ACTIONS.oaChat, actor: { userKey: null, role: "system" }, subject: open.id });
      return item;
    },
    reach: (item) => outbox.reach(item.channel, item.userId),
    async contactOf(userKey) {
      for (const s of await submissions.byOwner(userKey)) if (s.contact) return s.contact;
      return null;
    },
    ofUser: (userKey) => repo.ofUser(userKey),
    async forget(userKey, now) {
      const items = await repo.ofUser(userKey);
      for (const item of items) await repo.delete(item.id);
      await deps.tails.delete(userKey);
      if (items.length) await audit.record({ at: now.toISOString(), action: INBOX_ACTIONS.forgotten, actor: { userKey, role: "enterprise" }, subject: userKey, detail: items.map((i) => i.id).join(", ").slice(0, 500) });
      return items.length;
    },
    createdSince: (since) => repo.createdSince(since),
  };
}
