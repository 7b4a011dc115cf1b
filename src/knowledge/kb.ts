import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { esc } from "../core/markup.js";
import { firstIssue, readJsonFile } from "./json-file.js";
import { supportKindsFaqSchema, supportKindsFileSchema, type SupportKind } from "./support-kinds.js";

/** Entry ids travel in button data (`faq:<id>`, ≤ 64 bytes), so they stay short ASCII. */
export const entryIdSchema = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by -");

/**
 * Which rules a fact belongs to: the award's legacy decrees (NĐ 132/2008, NĐ 74/2018, TT 27/2019),
 * the 2026 rules (Luật 78/2025, NĐ 37/2026), both (each fact labelled in the text), the NSCL
 * programme and its provincial plans, or none (terms, contacts).
 */
export const REGIMES = ["legacy", "2026", "both", "programme", "general"] as const;
export type Regime = (typeof REGIMES)[number];

const lines = z.array(z.string()).min(1);

/**
 * What an answer about using the bot lets the user do at once: each becomes the button of the
 * feature that does it (src/flows/kb-actions.ts), e.g. an answer on "how do I register" ends with
 * the registration button.
 */
export const KB_ACTIONS = [
  "register",
  "register-gtclqg",
  "register-nscl",
  "status",
  "link",
  "documents",
  "announcements",
  "language",
  "ask-person",
  "self-check",
  "my-data",
  "calendar",
  "browse",
  "help",
] as const;
export type KbAction = (typeof KB_ACTIONS)[number];

export const kbEntrySchema = z
  .object({
    id: entryIdSchema,
    topic: entryIdSchema,
    regime: z.enum(REGIMES),
    /** Core entries must be answered in English too. */
    core: z.boolean().default(false),
    /** The answer explains a term from general knowledge, not from the cited documents; the bot says so. */
    generalDefinition: z.boolean().default(false),
    /** First Vietnamese question = the title shown to users; the others are phrasings for the search. */
    questions: z.object({ vi: z.array(z.string().min(3)).min(3), en: z.array(z.string().min(3)).min(1).optional() }),
    /** Lines of safe markup (<b>, <i>, <a href>, &amp;); `{unit}`, `{unitFull}`, `{parent}`, `{province}`, `{merged}`, `{coFunding}` are filled in. */
    answer: z.object({ vi: lines, en: lines.optional() }),
    /** Append the unit's contact (and who to ask) after the answer. */
    contact: z.boolean().default(false),
    related: z.array(entryIdSchema).default([]),
    /** Optional: the button of the bot's feature the answer is about (it comes first under the answer). */
    action: z.enum(KB_ACTIONS).optional(),
    source: z.string().min(1),
    reviewed: z.iso.date(),
  })
  .refine((e) => !e.core || (e.questions.en && e.answer.en), "a core entry needs English questions and answer")
  .refine((e) => !e.answer.en === !e.questions.en, "English questions and English answer go together");
export type KbEntry = z.infer<typeof kbEntrySchema>;

const entriesFileSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });

const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export const topicsFileSchema = z.object({
  version: z.literal(1),
  programmes: z.array(z.object({ id: entryIdSchema, icon: z.string().min(1), title: bilingual, intro: bilingual })).min(1),
  topics: z.array(z.object({ id: entryIdSchema, programme: entryIdSchema, title: bilingual })).min(1),
  /** Entries offered by /hoidap before the user asks anything. */
  popular: z.array(entryIdSchema).max(6),
});
export type Programme = z.infer<typeof topicsFileSchema>["programmes"][number];
export type Topic = z.infer<typeof topicsFileSchema>["topics"][number];

export const sourcesFileSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  sources: z.array(z.object({ key: z.string().min(1), title: bilingual, url: z.url({ protocol: /^https?$/ }).optional(), reviewed: z.iso.date().optional() })).min(1),
});
export type SourceInfo = z.infer<typeof sourcesFileSchema>["sources"][number];

/** `seed 000 (mục II); NĐ 37/2026/NĐ-CP` → keys and optional details (a detail may itself contain "; "). */
export function parseSource(source: string): { key: string; detail: string | null }[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === ";" && depth === 0) {
      items.push(source.slice(start, i));
      start = i + 1;
    }
  }
  items.push(source.slice(start));
  return items
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const open = item.indexOf(" (");
      return open > 0 && item.endsWith(")") ? { key: item.slice(0, open), detail: item.slice(open + 2, -1) } : { key: item, detail: null };
    });
}

/**
 * What is wrong with what an entry cites: nothing at all (a blank or "; ;" source), or an item the
 * registry (data/kb/sources.json) does not hold — a learned entry may also cite a web address.
 * Every entry also carries `reviewed`, the date its sources were checked (its schema requires it).
 */
export function sourceProblems(source: string, known: { has(key: string): boolean }, options: { webAddresses?: boolean } = {}): string[] {
  const items = parseSource(source);
  if (items.length === 0) return ["has no source: every fact needs one from data/kb/sources.json"];
  return items
    .filter((item) => !known.has(item.key) && !(options.webAddresses && /^https?:\/\/\S+$/.test(item.key)))
    .map((item) => (options.webAddresses ? `source "${item.key}" is neither in data/kb/sources.json nor a web address` : `source "${item.key}" is not in data/kb/sources.json`));
}

export interface KnowledgeContent {
  entries: KbEntry[];
  programmes: Programme[];
  topics: Topic[];
  popular: string[];
  sources: Map<string, SourceInfo>;
}

/** A problem in the content, with the file and (when there is one) the entry it is about. */
export interface ContentProblem {
  file: string;
  id: string | null;
  message: string;
}

export class KnowledgeError extends Error {}

/** Entries built from data/nscl-support-kinds.json (`ns-ht-<kind>`, the list `ns-noi-dung-ho-tro`): edited in that file, not as entries. */
export function isSupportKindEntry(id: string): boolean {
  return id === "ns-noi-dung-ho-tro" || id.startsWith("ns-ht-");
}

/** The NSCL support kinds become entries too: the kinds list stays the one source of that content. */
function supportKindEntries(kinds: readonly SupportKind[], faq: z.infer<typeof supportKindsFaqSchema> | undefined, reviewed: string): KbEntry[] {
  const out: KbEntry[] = [];
  for (const kind of kinds) {
    if (!kind.faq) continue;
    const intro = (locale: "vi" | "en") =>
      locale === "vi"
        ? `<b>${esc(kind.name.vi)}</b> là một nội dung hỗ trợ của Chương trình NSCL. Ví dụ: ${esc(kind.examples.vi)}.`
        : `<b>${esc(kind.name.en)}</b> is one of the kinds of NSCL support. For example: ${esc(kind.examples.en)}.`;
    const tail = (locale: "vi" | "en") =>
      locale === "vi"
        ? "Mức hỗ trợ do nghị quyết HĐND tỉnh quy định; cách đề nghị và kế hoạch năm nay: Quý doanh nghiệp vui lòng hỏi {unit}."
        : "Support rates are set by the provincial People's Council; how to apply and this year's plan: please ask {unit}.";
    out.push({
      id: `ns-ht-${kind.id}`,
      topic: "ns-support",
      regime: "programme",
      core: true,
      generalDefinition: false,
      questions: kind.faq.questions,
      answer: {
        vi: [intro("vi"), ...kind.faq.details.vi, tail("vi")],
        en: [intro("en"), ...kind.faq.details.en, tail("en")],
      },
      contact: true,
      related: ["ns-noi-dung-ho-tro", "ns-dang-ky", "ns-muc-ho-tro"],
      source: kind.faq.sourceExtra ? `${kind.source}; ${kind.faq.sourceExtra}` : kind.source,
      reviewed: kind.reviewed,
    });
  }
  if (faq) {
    // Names only: with examples the list no longer fits one Zalo message; each kind has its own entry.
    const list = (locale: "vi" | "en") => kinds.map((k) => `• ${esc(k.name[locale])}`);
    out.push({
      id: "ns-noi-dung-ho-tro",
      topic: "ns-support",
      regime: "programme",
      core: true,
      generalDefinition: false,
      questions: faq.listQuestions,
      answer: {
        vi: ["Theo các kế hoạch NSCL của tỉnh, doanh nghiệp có thể được hỗ trợ:", ...list("vi"), "Quý doanh nghiệp có thể hỏi tiếp từng nội dung (ví dụ «hỗ trợ ISO 9001», «hỗ trợ 5S»). Nội dung cụ thể của năm nay: Quý doanh nghiệp vui lòng hỏi {unit}."],
        en: ["Under the provincial NSCL plans, enterprises can get support for:", ...list("en"), "Ask about any of them for details (for example \"support for ISO 9001\"). What is offered this year: please ask {unit}."],
      },
      contact: true,
      related: ["ns-dang-ky", "ns-muc-ho-tro", "ns-doi-tuong"],
      source: [...new Set(kinds.flatMap((k) => parseSource(k.source).map((s) => s.key)))].join("; "),
      reviewed,
    });
  }
  return out;
}

/**
 * Reads data/kb/ (entries, topics, sources) and the support kinds, checking every file with its
 * schema. Collects every problem instead of stopping at the first, for `kb check`.
 */
export function readKnowledge(dataDir: string): { content: KnowledgeContent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const kbDir = path.join(dataDir, "kb");

  const topicsFile = path.join(kbDir, "topics.json");
  const topicsRead = readJsonFile(topicsFile, topicsFileSchema);
  if (!topicsRead.ok) problems.push({ file: topicsFile, id: null, message: topicsRead.message });
  const programmes = topicsRead.ok ? topicsRead.value.programmes : [];
  const topics = topicsRead.ok ? topicsRead.value.topics : [];
  const popular = topicsRead.ok ? topicsRead.value.popular : [];

  const sourcesFile = path.join(kbDir, "sources.json");
  const sourcesRead = readJsonFile(sourcesFile, sourcesFileSchema);
  if (!sourcesRead.ok) problems.push({ file: sourcesFile, id: null, message: sourcesRead.message });
  const sources = new Map((sourcesRead.ok ? sourcesRead.value.sources : []).map((s) => [s.key, s]));

  const entries: KbEntry[] = [];
  /** The file each entry comes from, so that a problem names it. */
  const fileOf = new Map<string, string>();
  const entriesDir = path.join(kbDir, "entries");
  let files: string[] = [];
  try {
    files = readdirSync(entriesDir).filter((f) => f.endsWith(".json")).sort();
  } catch (error) {
    problems.push({ file: entriesDir, id: null, message: (error as Error).message });
  }
  for (const name of files) {
    const file = path.join(entriesDir, name);
    const read = readJsonFile(file, entriesFileSchema);
    if (!read.ok) {
      problems.push({ file, id: null, message: read.message });
      continue;
    }
    read.value.entries.forEach((raw, i) => {
      const entry = kbEntrySchema.safeParse(raw);
      const id = typeof (raw as { id?: unknown })?.id === "string" ? (raw as { id: string }).id : `#${i}`;
      if (entry.success) {
        entries.push(entry.data);
        if (!fileOf.has(entry.data.id)) fileOf.set(entry.data.id, file);
      } else problems.push({ file, id, message: firstIssue(entry.error) });
    });
  }

  // One read of the kinds file for both the kinds and the list entry's phrasings; a kind listed twice
  // shows up below as two entries with the same id.
  const kindsFile = path.join(dataDir, "nscl-support-kinds.json");
  const kindsRead = readJsonFile(kindsFile, supportKindsFileSchema);
  if (kindsRead.ok) {
    const { kinds, faq } = kindsRead.value;
    const latest = kinds.map((k) => k.reviewed).sort().at(-1) ?? "2026-01-01";
    const generated = supportKindEntries(kinds, faq, latest);
    for (const e of generated) if (!fileOf.has(e.id)) fileOf.set(e.id, kindsFile);
    entries.push(...generated);
    // A kind without an FAQ entry is still shown in the support request form: its source is checked too.
    for (const kind of kinds) {
      if (kind.faq) continue;
      for (const message of sourceProblems(kind.source, sources)) problems.push({ file: kindsFile, id: kind.id, message });
    }
  } else problems.push({ file: kindsFile, id: null, message: kindsRead.message });

  const content = { entries, programmes, topics, popular, sources };
  problems.push(...checkReferences(content, { topics: topicsFile, entries: entriesDir, fileOf }));
  return { content, problems };
}

/**
 * What the entries refer to: one entry per id, topics and programmes that exist, sources in the
 * registry, related and popular entries that exist. Run on data/ by `readKnowledge` and on the
 * content with an official's edit before it is kept (src/services/content-kb.ts).
 */
export function checkReferences(content: KnowledgeContent, files: { topics: string; entries: string; fileOf?: ReadonlyMap<string, string> }): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { entries, programmes, topics, popular, sources } = content;
  const topicIds = new Set(topics.map((t) => t.id));
  const programmeIds = new Set(programmes.map((p) => p.id));
  for (const t of topics) if (!programmeIds.has(t.programme)) problems.push({ file: files.topics, id: t.id, message: `unknown programme ${t.programme}` });
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push({ file: files.entries, id: e.id, message: "id used by two entries" });
    ids.add(e.id);
    if (!topicIds.has(e.topic)) problems.push({ file: files.entries, id: e.id, message: `unknown topic ${e.topic}` });
    for (const message of sourceProblems(e.source, sources)) problems.push({ file: files.fileOf?.get(e.id) ?? files.entries, id: e.id, message });
  }
  for (const e of entries) {
    for (const r of e.related) if (!ids.has(r)) problems.push({ file: files.entries, id: e.id, message: `related entry ${r} does not exist` });
  }
  for (const id of popular) if (!ids.has(id)) problems.push({ file: files.topics, id, message: "popular entry does not exist" });
  return problems;
}

/** For the bot's start: the content, or an error naming the first problem. */
export function loadKnowledge(dataDir: string): KnowledgeContent {
  const { content, problems } = readKnowledge(dataDir);
  const first = problems[0];
  if (first) throw new KnowledgeError(`${first.file}${first.id ? ` [${first.id}]` : ""}: ${first.message}`);
  return content;
}
