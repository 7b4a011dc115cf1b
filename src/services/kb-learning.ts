import { clip } from "../domain/text.js";
import type { Role } from "../core/feature.js";
import type { MessageRef } from "../core/i18n.js";
import { esc } from "../core/markup.js";
import type { Locale } from "../core/types.js";
import { dateText, readDate } from "../domain/dates.js";
import { kbLearnedSchema, type KbLearned, type LearnedEntry, type LearnedPhrasing, type LearnedStep } from "../domain/records/kb-learned.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import { foldedWords } from "../knowledge/fold.js";
import { parseSource, type KbEntry, type KnowledgeContent, type Topic } from "../knowledge/kb.js";
import type { Transactions } from "../store/port.js";
import type { CountersRepository, KbLearnedRepository } from "../store/repositories.js";
import type { Audit } from "./audit.js";
import { ANSWER_PLACEHOLDERS } from "./kb-answers.js";
import { checkEntries } from "./kb-check.js";
import { mergeLearned, type LiveKnowledge } from "./kb-live.js";
import type { Roles } from "./roles.js";

/** A learned change's outcome: what was kept, or why not (a message key for the official). */
export type LearnResult<T extends object> = ({ ok: true } & T) | { ok: false; error: MessageRef };

export interface PhrasingInput {
  /** The entry the question is another way of asking. */
  entryId: string;
  /** The question as the user asked it. */
  text: string;
  locale: Locale;
  /** The official's user key; their role is checked here. */
  by: string;
  now: Date;
  /** The inbox item it came from, if any. */
  itemId?: string | null;
}

export interface EntryInput {
  /** The question(s) in `locale`; the first is the entry's title. */
  questions: readonly string[];
  /** The official's answer in `locale` (plain text, shown as typed; `{unit}` … are filled in). */
  answer: string;
  topicId: string;
  /** Keys of data/kb/sources.json or http(s) addresses, `;`-separated. */
  source: string;
  /** When the facts were checked: `2026-11-20`, `20/11/2026`. */
  reviewed: string;
  locale: Locale;
  by: string;
  now: Date;
  itemId?: string | null;
  /** The same in the other language, when the official gives it (an entry needs Vietnamese). */
  other?: { questions: readonly string[]; answer: string };
}

/** An existing entry an official may attach a question to. */
export interface Candidate {
  id: string;
  question: string;
  score: number;
}

export interface KbLearning {
  /** Another way to ask an existing entry; live at once. */
  addPhrasing(input: PhrasingInput): Promise<LearnResult<{ id: string; entryId: string }>>;
  /** A new entry drafted from an answer: pending until approved (see `approvalRule`). */
  proposeEntry(input: EntryInput): Promise<LearnResult<{ id: string; status: "pending" | "approved" }>>;
  approve(id: string, by: string, now: Date): Promise<LearnResult<{ id: string }>>;
  reject(id: string, by: string, now: Date, note: string | null): Promise<LearnResult<{ id: string }>>;
  /** Entries waiting for approval, oldest first. */
  pending(): Promise<{ id: string; entry: LearnedEntry }[]>;
  /** The nearest existing entries for a question (for the official to choose from), best first. */
  candidates(text: string, locale: Locale, limit?: number): Promise<Candidate[]>;
  /** Every learned change with its history, oldest first (export, `kb learned`, `kb check --store`). */
  history(): Promise<{ id: string; record: KbLearned }[]>;
  /** The topics a new entry may be filed under. */
  topics(): readonly Topic[];
  /** An entry as the bot would serve it (for the draft shown before submitting and the approval list). */
  draftOf(id: string): Promise<KbEntry | undefined>;
  /** A source as an official typed it: known keys or http(s) addresses; why not, or null. */
  checkSource(source: string): MessageRef | null;
  /** A reviewed date as typed (`20/11/2026`): the ISO date, or why not. */
  readReviewed(text: string, now: Date): { ok: true; date: string } | { ok: false; error: MessageRef };
}

const fail = (key: string, args?: MessageRef["args"]): { ok: false; error: MessageRef } => ({ ok: false, error: args ? { key, args } : { key } });

/** Question text as stored: one line, no control characters, single spaces. */
function cleanQuestion(text: string): string {
  return text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export const MAX_PHRASING_CHARS = 300;
export const MAX_LEARNED_ANSWER_CHARS = 1200;

/**
 * The approval rule. A drafted entry goes live when someone other than its author who is an
 * official or an admin approves it. The author may approve their own draft only when they are an
 * admin and the only person holding a role (a one-person deployment): a lone official never
 * publishes alone, and where others exist every entry has a second pair of eyes.
 */
export function approvalRule(author: string, approver: { userKey: string; role: Role | null }, holders: number): "ok" | "not-allowed" | "needs-second" {
  if (approver.role !== "official" && approver.role !== "admin") return "not-allowed";
  if (approver.userKey !== author) return "ok";
  return approver.role === "admin" && holders <= 1 ? "ok" : "needs-second";
}

export interface KbLearningDeps {
  repo: KbLearnedRepository;
  counters: CountersRepository;
  units: Transactions;
  roles: Roles;
  audit: Audit;
  live: LiveKnowledge;
}

export function createKbLearning(deps: KbLearningDeps): KbLearning {
  const { repo, counters, units, roles, audit, live } = deps;

  const actor = async (by: string): Promise<{ userKey: string; role: "official" | "admin" } | null> => {
    const role = await roles.roleOfKey(by);
    return role === "official" || role === "admin" ? { userKey: by, role } : null;
  };

  const step = (a: { userKey: string; role: "official" | "admin" }, action: LearnedStep["action"], now: Date, itemId?: string | null, note?: string | null): LearnedStep => ({
    at: now.toISOString(),
    by: a.userKey,
    role: a.role,
    action,
    itemId: itemId ?? null,
    note: note ?? null,
  });

  /** The problems `kb check` finds in the content with the change that it did not find without it. */
  const newProblems = (before: KnowledgeContent, after: KnowledgeContent, now: Date): string[] => {
    const today = todayInVietnam(now);
    const text = (p: { id: string | null; message: string }) => `${p.id ?? ""}: ${p.message}`;
    const old = new Set(checkEntries(before, live.lexicon, today, "learned").map(text));
    return checkEntries(after, live.lexicon, today, "learned")
      .map(text)
      .filter((p) => !old.has(p));
  };

  const keep = async (id: string, record: KbLearned): Promise<void> => {
    const stored = await repo.put(id, kbLearnedSchema.parse(record));
    units.afterCommit(() => live.apply(id, stored));
  };

  const folded = (q: string) => foldedWords(q).join(" ");

  /** Another question (of any entry) that reads the same, or null. */
  const sameQuestion = (content: KnowledgeContent, text: string): { entryId: string; question: string } | null => {
    const f = folded(text);
    for (const e of content.entries) for (const q of [...e.questions.vi, ...(e.questions.en ?? [])]) if (folded(q) === f) return { entryId: e.id, question: e.questions.vi[0]! };
    return null;
  };

  const checkQuestion = (text: string): MessageRef | null => {
    if (text.length === 0) return { key: "learn-error-empty" };
    if (text.length < 3 || foldedWords(text).length === 0) return { key: "learn-error-too-short" };
    if (text.length > MAX_PHRASING_CHARS) return { key: "learn-error-too-long", args: { max: MAX_PHRASING_CHARS } };
    return null;
  };

  const nextId = async (prefix: "p" | "hoc", content: KnowledgeContent): Promise<string> => {
    for (;;) {
      const id = `${prefix}-${await counters.next("kb-learned", 0)}`;
      if (!content.entries.some((e) => e.id === id) && !(await repo.get(id))) return id;
    }
  };

  const answerLines = (text: string): string[] =>
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/\p{Cc}/gu, " ").trim())
      .filter(Boolean)
      .map((l) => esc(l));

  const checkSource = (source: string): MessageRef | null => {
    const text = source.replace(/\s+/g, " ").trim();
    if (text === "") return { key: "learn-error-no-source" };
    const items = parseSource(text);
    if (items.length === 0) return { key: "learn-error-no-source" };
    for (const item of items) {
      if (live.shipped.sources.has(item.key)) continue;
      if (!/^https?:\/\/[^\s<>"]+$/.test(item.key)) return { key: "learn-error-source", args: { source: item.key } };
    }
    return null;
  };

  const readReviewed = (text: string, now: Date): { ok: true; date: string } | { ok: false; error: MessageRef } => {
    const read = readDate(dateText(text));
    if (!read || !read.ok || read.value.precision !== "day") return { ok: false, error: { key: "learn-error-reviewed" } };
    if (read.value.date > todayInVietnam(now)) return { ok: false, error: { key: "learn-error-reviewed-future" } };
    return { ok: true, date: read.value.date };
  };

  /** Checks an entry's draft; returns why not, or null. */
  const checkDraft = (content: KnowledgeContent, draft: LearnedEntry): MessageRef | null => {
    if (!content.topics.some((t) => t.id === draft.topic)) return { key: "learn-error-topic" };
    const badSource = checkSource(draft.source);
    if (badSource) return badSource;
    for (const lines of [draft.answer.vi, draft.answer.en ?? []]) {
      const text = lines.join("\n");
      for (const m of text.matchAll(/\{([^}]*)\}/g)) {
        if (!(ANSWER_PLACEHOLDERS as readonly string[]).includes(m[1]!)) return { key: "learn-error-placeholder", args: { name: m[1]!, allowed: ANSWER_PLACEHOLDERS.map((p) => `{${p}}`).join(", ") } };
      }
      if (text.length > MAX_LEARNED_ANSWER_CHARS) return { key: "learn-error-answer-long", args: { max: MAX_LEARNED_ANSWER_CHARS } };
    }
    for (const q of [...draft.questions.vi, ...(draft.questions.en ?? [])]) {
      const same = sameQuestion(content, q);
      if (same && same.entryId !== draft.entryId) return { key: "learn-error-duplicate-other", args: { question: q, entry: same.question } };
    }
    return null;
  };

  return {
    async addPhrasing(input) {
      const who = await actor(input.by);
      if (!who) return fail("learn-error-not-allowed");
      const text = cleanQuestion(input.text);
      const bad = checkQuestion(text);
      if (bad) return { ok: false, error: bad };
      return units.unit(async () => {
        await live.sync();
        const content = live.content();
        const entry = content.entries.find((e) => e.id === input.entryId);
        if (!entry) return fail("learn-error-unknown-entry", { entry: input.entryId });
        if (input.locale === "en" && !entry.questions.en) return fail("learn-error-no-english");
        const same = sameQuestion(content, text);
        if (same) return same.entryId === entry.id ? fail("learn-error-duplicate", { question: text }) : fail("learn-error-duplicate-other", { question: text, entry: same.question });
        const id = await nextId("p", content);
        const record: LearnedPhrasing = { kind: "phrasing", entryId: entry.id, text, locale: input.locale, status: "live", history: [step(who, "added", input.now, input.itemId)] };
        const problems = newProblems(content, mergeLearned(content, [record]), input.now);
        if (problems.length) return fail("learn-error-check", { problems: problems.slice(0, 3).join("\n") });
        await keep(id, record);
        await audit.record({ at: input.now.toISOString(), action: "kb-phrasing-added", actor: who, subject: id, to: entry.id, note: text, detail: input.itemId ? `inbox ${input.itemId}` : null });
        return { ok: true, id, entryId: entry.id };
      });
    },

    async proposeEntry(input) {
      const who = await actor(input.by);
      if (!who) return fail("learn-error-not-allowed");
      const mine = { questions: input.questions.map(cleanQuestion).filter(Boolean), answer: answerLines(input.answer) };
      const other = input.other ? { questions: input.other.questions.map(cleanQuestion).filter(Boolean), answer: answerLines(input.other.answer) } : undefined;
      const vi = input.locale === "vi" ? mine : other;
      const en = input.locale === "en" ? mine : other;
      if (!vi) return fail("learn-error-needs-vietnamese");
      for (const part of [vi, ...(en ? [en] : [])]) {
        if (part.questions.length === 0) return fail("learn-error-empty");
        for (const q of part.questions) {
          const bad = checkQuestion(q);
          if (bad) return { ok: false, error: bad };
        }
        if (part.answer.length === 0) return fail("learn-error-empty-answer");
      }
      const source = input.source.replace(/\s+/g, " ").trim();
      const badSource = checkSource(source);
      if (badSource) return { ok: false, error: badSource };
      const reviewed = readReviewed(input.reviewed, input.now);
      if (!reviewed.ok) return reviewed;
      return units.unit(async () => {
        await live.sync();
        const content = live.content();
        const entryId = await nextId("hoc", content);
        const holders = (await roles.holders()).length;
        const alone = approvalRule(who.userKey, who, holders) === "ok";
        const history = [step(who, "proposed", input.now, input.itemId)];
        if (alone) history.push(step(who, "approved", input.now, input.itemId, "sole-admin"));
        const draft: LearnedEntry = {
          kind: "entry",
          entryId,
          topic: input.topicId,
          questions: { vi: vi.questions, ...(en ? { en: en.questions } : {}) },
          answer: { vi: vi.answer, ...(en ? { en: en.answer } : {}) },
          source,
          reviewed: reviewed.date,
          status: alone ? "approved" : "pending",
          history,
        };
        const bad = checkDraft(content, draft);
        if (bad) return { ok: false, error: bad };
        const problems = newProblems(content, mergeLearned(content, [{ ...draft, status: "approved" }]), input.now);
        if (problems.length) return fail("learn-error-check", { problems: problems.slice(0, 3).join("\n") });
        await keep(entryId, draft);
        await audit.record({ at: input.now.toISOString(), action: "kb-entry-proposed", actor: who, subject: entryId, to: draft.status, note: vi.questions[0]!, detail: input.itemId ? `inbox ${input.itemId}` : null });
        return { ok: true, id: entryId, status: draft.status === "approved" ? "approved" : "pending" };
      });
    },

    async approve(id, by, now) {
      const role = await roles.roleOfKey(by);
      return units.unit(async () => {
        const record = await repo.get(id);
        if (!record || record.kind !== "entry") return fail("learn-error-unknown-draft");
        if (record.status !== "pending") return fail("learn-error-not-pending", { status: record.status });
        const rule = approvalRule(record.history[0]!.by, { userKey: by, role }, (await roles.holders()).length);
        if (rule === "not-allowed") return fail("learn-error-not-allowed");
        if (rule === "needs-second") return fail("learn-error-needs-second");
        const who = { userKey: by, role: role as "official" | "admin" };
        await live.sync();
        const content = live.content();
        const bad = checkDraft(content, record);
        if (bad) return { ok: false, error: bad };
        const approved: LearnedEntry = { ...record, status: "approved", history: [...record.history, step(who, "approved", now)] };
        const problems = newProblems(content, mergeLearned(content, [approved]), now);
        if (problems.length) return fail("learn-error-check", { problems: problems.slice(0, 3).join("\n") });
        await keep(id, approved);
        await audit.record({ at: now.toISOString(), action: "kb-entry-approved", actor: who, subject: id, from: "pending", to: "approved" });
        return { ok: true, id };
      });
    },

    async reject(id, by, now, note) {
      const who = await actor(by);
      if (!who) return fail("learn-error-not-allowed");
      return units.unit(async () => {
        const record = await repo.get(id);
        if (!record || record.kind !== "entry") return fail("learn-error-unknown-draft");
        if (record.status !== "pending") return fail("learn-error-not-pending", { status: record.status });
        const cleaned = clip(note?.replace(/\s+/g, " ").trim() ?? "", 500) || null;
        await keep(id, { ...record, status: "rejected", history: [...record.history, step(who, "rejected", now, null, cleaned)] });
        await audit.record({ at: now.toISOString(), action: "kb-entry-rejected", actor: who, subject: id, from: "pending", to: "rejected", note: cleaned });
        return { ok: true, id };
      });
    },

    async pending() {
      const list = await repo.list({ kind: "entry", status: "pending" });
      return list.flatMap(({ id, record }) => (record.kind === "entry" ? [{ id, entry: record }] : []));
    },

    async candidates(text, locale, limit = 5) {
      const content = live.content();
      const hits = live.faq.index.search(text, limit);
      return hits.flatMap((h) => {
        const entry = content.entries.find((e) => e.id === h.id);
        return entry ? [{ id: h.id, question: live.kb.question(entry, locale), score: Math.round(h.score * 1000) / 1000 }] : [];
      });
    },

    checkSource,
    readReviewed,
    history: () => repo.list(),
    topics: () => live.shipped.topics,
    async draftOf(id) {
      const record = await repo.get(id);
      if (!record || record.kind !== "entry") return undefined;
      return mergeLearned({ ...live.shipped, entries: [] }, [{ ...record, status: "approved" }]).entries[0];
    },
  };
}
