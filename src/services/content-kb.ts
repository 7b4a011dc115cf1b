import type { Translator } from "../core/i18n.js";
import { MarkupError, toRuns } from "../core/markup.js";
import { entryIdSchema, isSupportKindEntry, kbEntrySchema, parseSource, type KbEntry, type KnowledgeContent, type SourceInfo } from "../knowledge/kb.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Province } from "../knowledge/province.js";
import { sourceInfoSchema } from "./content-merge.js";
import { checkProblem, cleanLine, fieldOf, problem, readDay, type FieldProblem } from "./content-problems.js";
import { ANSWER_PLACEHOLDERS } from "./kb-answers.js";
import { checkContentChange, isWebAddress } from "./kb-check.js";

/**
 * An official's edit of a knowledge-base entry, or a new entry (`add`). Absent members are
 * unchanged. Answers are lines of the same safe markup as data/ (`<b>`, `<i>`, `<a href="…">`,
 * `&amp;`; `{unit}` … filled in), one line per text line; questions one per item, the first
 * Vietnamese one being the title users see.
 */
export interface EntryEdit {
  id: string;
  /** A new entry (its id must be free); otherwise an existing one is edited. */
  add?: boolean;
  /** Required for a new entry: a topic of data/kb/topics.json. */
  topic?: string;
  questions?: { vi?: readonly string[]; en?: readonly string[] | null };
  /** null removes the English answer (and English questions go with it). */
  answer?: { vi?: string; en?: string | null };
  /** `key (detail); key …`, keys of data/kb/sources.json or of `newSource`. */
  source?: string;
  /** A source not in the registry yet: its key, titles and web address. */
  newSource?: { key: string; title: { vi: string; en: string }; url: string };
  /** When the facts were checked (`2026-11-20`, `20/11/2026`); not after today. */
  reviewed?: string;
}

export interface EntryDeps {
  lexicon: Lexicon;
  translator: Translator;
  /** The profile answers are rendered with (the deployment's, as served now). */
  province: Province;
  today: string;
}

export type EntryResult = { ok: true; entry: KbEntry; source: SourceInfo | null; changed: string[] } | { ok: false; problems: FieldProblem[] };

const MAX_QUESTION = 300;
const MAX_ANSWER = 4000;

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/\p{Cc}/gu, " ").trim())
    .filter(Boolean);

/** Which field a `kb check` problem of an entry is about, from its message. */
function fieldOfCheck(message: string): string | null {
  if (/^(vi|en) answer/.test(message)) return `answer.${message.slice(0, 2)}`;
  if (/rendered answer|answer with contact/.test(message)) return `answer.${/\/(vi|en):/.exec(message)?.[1] ?? "vi"}`;
  if (/question|phrasing|title/.test(message)) return "questions.vi";
  if (/source/.test(message)) return "source";
  if (/reviewed/.test(message)) return "reviewed";
  if (/topic/.test(message)) return "topic";
  return null;
}

/**
 * The entry with an official's edit, checked by the SAME checks as `kb check` (its schema; the
 * references; the entry checks; the answer rendered in this province in both languages), plus
 * what an official is told by name: an empty or unknown source, a link that is not an http(s)
 * address, markup that does not parse, a missing English text where the entry needs one. Only
 * problems the edit brings are reported (data/ as shipped passes). Nothing of `base` is changed.
 */
export function editEntry(base: KnowledgeContent, edit: EntryEdit, deps: EntryDeps): EntryResult {
  const problems: FieldProblem[] = [];
  const changed: string[] = [];
  const idRead = entryIdSchema.safeParse(edit.id);
  if (!idRead.success) return { ok: false, problems: [problem("id", "content-error-entry-id")] };
  const current = base.entries.find((e) => e.id === edit.id);
  if (edit.add && current) return { ok: false, problems: [problem("id", "content-error-entry-exists", { id: edit.id })] };
  if (!edit.add && !current) return { ok: false, problems: [problem("id", "content-error-entry-unknown", { id: edit.id })] };
  if (isSupportKindEntry(edit.id)) return { ok: false, problems: [problem("id", "content-error-entry-generated", { id: edit.id })] };

  // A new entry starts empty: everything it needs must be in the edit.
  const draft: Record<string, unknown> = current
    ? structuredClone(current)
    : { id: edit.id, topic: "", regime: "general", core: false, generalDefinition: false, questions: { vi: [] }, answer: { vi: [] }, contact: true, related: [], source: "", reviewed: "" };

  if (edit.topic !== undefined) {
    const topic = cleanLine(edit.topic);
    if (!base.topics.some((t) => t.id === topic)) problems.push(problem("topic", "content-error-topic", { topic }));
    draft.topic = topic;
  } else if (!current) problems.push(problem("topic", "content-error-required"));

  const questions = { ...(draft.questions as KbEntry["questions"]) };
  if (edit.questions?.vi !== undefined) {
    questions.vi = edit.questions.vi.map(cleanLine).filter(Boolean);
    if (questions.vi.length < 3) problems.push(problem("questions.vi", "content-error-questions-few", { min: 3 }));
  }
  if (edit.questions?.en !== undefined) {
    const en = (edit.questions.en ?? []).map(cleanLine).filter(Boolean);
    if (en.length) questions.en = en;
    else delete questions.en;
  }
  for (const [locale, list] of [["vi", questions.vi], ["en", questions.en ?? []]] as const) {
    if (list.some((q) => q.length > MAX_QUESTION)) problems.push(problem(`questions.${locale}`, "content-error-too-long", { max: MAX_QUESTION }));
  }
  draft.questions = questions;

  const answer = { ...(draft.answer as KbEntry["answer"]) };
  if (edit.answer?.vi !== undefined) answer.vi = lines(edit.answer.vi);
  if (edit.answer?.en !== undefined) {
    const en = lines(edit.answer.en ?? "");
    if (en.length) answer.en = en;
    else delete answer.en;
  }
  if (answer.vi.length === 0) problems.push(problem("answer.vi", "content-error-required"));
  for (const locale of ["vi", "en"] as const) {
    const text = answer[locale]?.join("\n");
    if (text === undefined) continue;
    const field = `answer.${locale}`;
    if (text.length > MAX_ANSWER) problems.push(problem(field, "content-error-too-long", { max: MAX_ANSWER }));
    for (const m of text.matchAll(/\{([^}]*)\}/g)) {
      if (!(ANSWER_PLACEHOLDERS as readonly string[]).includes(m[1]!)) problems.push(problem(field, "content-error-placeholder", { name: m[1]!, allowed: ANSWER_PLACEHOLDERS.map((p) => `{${p}}`).join(", ") }));
    }
    for (const m of text.matchAll(/href="([^"]*)"/g)) if (!isWebAddress(m[1]!.replace(/&amp;/g, "&"))) problems.push(problem(field, "content-error-link", { url: m[1]! }));
    try {
      toRuns(text.replace(/\{[a-zA-Z]+\}/g, "X"), true);
    } catch (error) {
      problems.push(problem(field, "content-error-markup", { problem: error instanceof MarkupError ? error.message : String(error) }));
    }
  }
  draft.answer = answer;

  let newSource: SourceInfo | null = null;
  const sources = new Map(base.sources);
  if (edit.newSource) {
    const key = cleanLine(edit.newSource.key);
    const title = { vi: cleanLine(edit.newSource.title.vi), en: cleanLine(edit.newSource.title.en) };
    const url = cleanLine(edit.newSource.url);
    if (key === "" || /[;()]/.test(key) || key.length > 120) problems.push(problem("newSource.key", "content-error-source-key"));
    else if (sources.has(key)) problems.push(problem("newSource.key", "content-error-source-exists", { source: key }));
    if (title.vi === "") problems.push(problem("newSource.title.vi", "content-error-required"));
    if (title.en === "") problems.push(problem("newSource.title.en", "content-error-required"));
    if (!isWebAddress(url)) problems.push(problem("newSource.url", "content-error-url", { url }));
    const read = sourceInfoSchema.safeParse({ key, title, url, reviewed: deps.today });
    if (read.success && !problems.some((p) => p.field?.startsWith("newSource"))) {
      newSource = read.data;
      sources.set(key, newSource);
    }
  }
  if (edit.source !== undefined) draft.source = cleanLine(edit.source);
  const source = String(draft.source ?? "");
  if (source === "" || parseSource(source).length === 0) problems.push(problem("source", "content-error-source-empty"));
  else for (const item of parseSource(source)) if (!sources.has(item.key) && !(edit.newSource && cleanLine(edit.newSource.key) === item.key)) problems.push(problem("source", "content-error-source-unknown", { source: item.key }));

  if (edit.reviewed !== undefined) {
    const day = readDay(edit.reviewed);
    if (!day.ok || day.date === null) problems.push(problem("reviewed", day.ok ? "content-error-required" : day.key, { value: cleanLine(edit.reviewed) }));
    else if (day.date > deps.today) problems.push(problem("reviewed", "content-error-reviewed-future"));
    else draft.reviewed = day.date;
  } else if (!current) problems.push(problem("reviewed", "content-error-required"));

  if (problems.length) return { ok: false, problems };

  // The entry's schema: a core entry needs English, English questions and answer go together.
  const parsed = kbEntrySchema.safeParse(draft);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) =>
        i.message.includes("core entry needs English")
          ? problem("answer.en", "content-error-english-required")
          : i.message.includes("go together")
            ? problem(questions.en ? "answer.en" : "questions.en", "content-error-english-together")
            : problem(fieldOf(i.path), "content-error-schema", { message: i.message }),
      ),
    };
  }
  const entry = parsed.data;
  for (const key of ["topic", "questions", "answer", "source", "reviewed"] as const) if (JSON.stringify(entry[key]) !== JSON.stringify(current?.[key])) changed.push(key);

  // Then everything `kb check` checks, over the whole content with this entry in place.
  const after: KnowledgeContent = { ...base, sources, entries: current ? base.entries.map((e) => (e.id === entry.id ? entry : e)) : [...base.entries, entry] };
  const found = checkContentChange(base, after, [entry.id], deps);
  if (found.length) {
    // A problem may be reported on the other entry ("… is also a question of <this one>"): named, and put next to the field it comes from.
    const about = (p: { id: string | null; message: string }) => p.id === entry.id || p.id === null || p.message.includes(entry.id);
    return { ok: false, problems: found.map((p) => checkProblem(about(p) ? fieldOfCheck(p.message) : null, p.id && p.id !== entry.id ? { ...p, message: `${p.id}: ${p.message}` } : p)) };
  }
  return { ok: true, entry, source: newSource, changed };
}
