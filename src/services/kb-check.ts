import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadTranslator, type Translator } from "../core/i18n.js";
import { MarkupError, toRuns, visibleLength } from "../core/markup.js";
import { buttonDataFits, LOCALES } from "../core/types.js";
import { ANSWER_PLACEHOLDERS, createKnowledgeBase } from "./kb-answers.js";
import { searchDocs } from "./faq.js";
import { readDossierItems } from "../knowledge/dossier-items.js";
import { foldedWords } from "../knowledge/fold.js";
import { checkReferences, readKnowledge, type ContentProblem, type KnowledgeContent } from "../knowledge/kb.js";
import { compileLexicon, readLexiconFile, type Lexicon } from "../knowledge/lexicon.js";
import { isPlaceholderName, loadProvince, type Province } from "../knowledge/province.js";
import { readHolidays } from "../knowledge/holidays.js";
import { readSelfCheck } from "../knowledge/self-check.js";
import { readJsonFile } from "../knowledge/json-file.js";
import { supportKindsFileSchema } from "../knowledge/support-kinds.js";
import { buildSearchIndex } from "../knowledge/search.js";
import { sourceProblems } from "../knowledge/kb.js";
import type { KbLearned } from "../domain/records/kb-learned.js";
import { mergeLearned } from "./kb-live.js";
import { applyEdited } from "./content-merge.js";
import type { ContentDocument } from "../domain/records/content.js";

/** Longest answer text (visible characters, before the contact and source lines): a phone screen or two. */
export const MAX_ANSWER_CHARS = 1200;
/** Zalo's limit for one message; the whole answer must fit even there. */
export const MAX_MESSAGE_CHARS = 2000;

const VIETNAMESE_MARKS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

const webAddress = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });
/** An http(s) address with a host name, as a link in an answer or a source may have. */
export function isWebAddress(text: string): boolean {
  return webAddress.safeParse(text).success;
}
const unescapeHref = (href: string) => href.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function checkEntries(content: KnowledgeContent, lexicon: Lexicon, today: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (id: string | null, message: string) => problems.push({ file, id, message });
  const folded = new Map<string, string>();
  const canonical = new Map<string, string>();

  for (const e of content.entries) {
    if (e.reviewed > today) add(e.id, `reviewed date ${e.reviewed} is in the future`);
    if (!buttonDataFits(`faq:${e.id}`)) add(e.id, "id too long for button data");
    if (e.related.includes(e.id)) add(e.id, "lists itself as related");
    if (!VIETNAMESE_MARKS.test(e.questions.vi[0]!)) add(e.id, "the first Vietnamese question (the title) must be written with diacritics");
    if (!e.questions.vi.some((q) => !VIETNAMESE_MARKS.test(q))) add(e.id, "needs at least one phrasing without diacritics, as users type");
    for (const locale of LOCALES) {
      const lines = e.answer[locale];
      if (!lines) continue;
      const text = lines.join("\n");
      if (locale === "vi" && !VIETNAMESE_MARKS.test(text)) add(e.id, "Vietnamese answer has no diacritics");
      for (const m of text.matchAll(/\{([^}]*)\}/g)) {
        if (!(ANSWER_PLACEHOLDERS as readonly string[]).includes(m[1]!)) add(e.id, `${locale} answer uses unknown placeholder {${m[1]}}`);
      }
      for (const m of text.matchAll(/href="([^"]*)"/g)) {
        if (!isWebAddress(unescapeHref(m[1]!))) add(e.id, `${locale} answer links to "${m[1]}", which is not an http(s) address`);
      }
      const filled = text.replace(/\{[a-zA-Z]+\}/g, "X");
      try {
        toRuns(filled, true);
        if (visibleLength(filled) > MAX_ANSWER_CHARS) add(e.id, `${locale} answer is ${visibleLength(filled)} characters; keep it under ${MAX_ANSWER_CHARS} (split the entry)`);
      } catch (error) {
        add(e.id, `${locale} answer is not valid markup: ${error instanceof MarkupError ? error.message : String(error)}`);
      }
    }
    for (const q of [...e.questions.vi, ...(e.questions.en ?? [])]) {
      const f = foldedWords(q).join(" ");
      const other = folded.get(f);
      if (other && other !== e.id) add(e.id, `question "${q}" is also a question of ${other}`);
      folded.set(f, e.id);
      const c = [...new Set(lexicon.canonical(lexicon.respell(foldedWords(q))).tokens)].sort().join(" ");
      const otherC = canonical.get(c);
      if (c && otherC && otherC !== e.id) add(e.id, `question "${q}" reads the same as one of ${otherC} to the search (${c})`);
      canonical.set(c, e.id);
    }
  }
  // Every entry must be found by its own title question: otherwise its buttons and the search disagree.
  const index = buildSearchIndex(searchDocs(content, lexicon), lexicon);
  for (const e of content.entries) {
    for (const q of [e.questions.vi[0]!, e.questions.en?.[0]].filter((x): x is string => !!x)) {
      const top = index.search(q, 1)[0];
      if (top?.id !== e.id) add(e.id, `its question "${q}" finds ${top?.id ?? "nothing"} first`);
    }
  }
  for (const t of content.topics) if (!content.entries.some((e) => e.topic === t.id)) add(t.id, "topic has no entries");
  for (const p of content.programmes) if (!content.topics.some((t) => t.programme === p.id)) add(p.id, "programme has no topics");
  return problems;
}

export function checkProvince(p: Province, file: string, today: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (message: string) => problems.push({ file, id: p.id, message });
  if (p.reviewed > today) add(`reviewed date ${p.reviewed} is in the future`);
  const { name, phone, email, website } = p.unit;
  // A name nobody filled in would be shown as the unit's: null says "not confirmed" (see unitDisplayName).
  if (name !== null && isPlaceholderName(name)) add(`unit.name "${name}" is not a unit's name; write null until the real name is confirmed`);
  // Contacts are filled in by officials; refuse what cannot be a real one rather than guess.
  if (phone !== null && !/^(\+84|0)[\d .-]{8,13}$/.test(phone)) add(`unit.phone "${phone}" is not a Vietnamese phone number`);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(email)) add(`unit.email "${email}" is not an email address`);
  if (website !== null && !/^https?:\/\/\S+$/.test(website)) add(`unit.website "${website}" is not an http(s) address`);
  const seen = new Set<string>();
  for (const c of p.timeline.cycles) {
    const key = `${c.programme} ${c.year}`;
    if (seen.has(key)) add(`two cycles for ${key}`);
    seen.add(key);
    if (c.reviewed > today) add(`cycle ${key}: reviewed date is in the future`);
    // Before 2026 only the legacy decrees were in force; from 2026 either, as an official confirms the transition.
    if (c.year < 2026 && c.rules === "2026") add(`cycle ${key}: award years before 2026 follow the legacy rules`);
    if (c.rulesConfirmed && c.year >= 2026 && !c.rulesSource) add(`cycle ${key}: rulesConfirmed needs rulesSource (the document that confirms the regime of this award year)`);
    const ids = new Set<string>();
    for (const ph of c.phases) {
      if (ids.has(ph.id)) add(`cycle ${key}: phase ${ph.id} twice`);
      ids.add(ph.id);
      for (const d of [ph.start, ph.end]) {
        if (d && (Number(d.slice(0, 4)) < c.year - 1 || Number(d.slice(0, 4)) > c.year + 2)) add(`cycle ${key}: phase ${ph.id} date ${d} is far from the award year`);
      }
    }
  }
  return problems;
}

/** The same keys in every locale (the FAQ renders in both). */
function checkLocales(translator: Translator, file: string): ContentProblem[] {
  const [first, ...rest] = LOCALES;
  const base = new Set(translator.keys(first));
  const problems: ContentProblem[] = [];
  for (const locale of rest) {
    const other = new Set(translator.keys(locale));
    for (const k of base) if (!other.has(k)) problems.push({ file, id: k, message: `message only in ${first}` });
    for (const k of other) if (!base.has(k)) problems.push({ file, id: k, message: `message only in ${locale}` });
  }
  return problems;
}

/**
 * Everything `npm run cli -- kb check` verifies: the knowledge base, the lexicon, every province
 * profile, the locales, and that each answer renders as valid, short-enough markup in every
 * province and language. Returns all problems, each naming its file and entry.
 */
export function checkKnowledge(dataDir: string, localesDir: string, today: string): ContentProblem[] {
  const { content, problems } = readKnowledge(dataDir);
  let lexicon: Lexicon | undefined;
  try {
    lexicon = compileLexicon(readLexiconFile(dataDir));
  } catch (error) {
    problems.push({ file: path.join(dataDir, "kb", "lexicon.json"), id: null, message: (error as Error).message });
  }
  if (lexicon) problems.push(...checkEntries(content, lexicon, today, path.join(dataDir, "kb", "entries")));
  // A source's own date checked, when the registry gives one, is a real date.
  for (const s of content.sources.values()) {
    if (s.reviewed && s.reviewed > today) problems.push({ file: path.join(dataDir, "kb", "sources.json"), id: s.key, message: `reviewed date ${s.reviewed} is in the future` });
  }

  let translator: Translator | undefined;
  try {
    translator = loadTranslator(localesDir);
    problems.push(...checkLocales(translator, localesDir));
  } catch (error) {
    problems.push({ file: localesDir, id: null, message: (error as Error).message });
  }

  problems.push(...readDossierItems(dataDir, today).problems);
  problems.push(...readHolidays(dataDir, today));
  // The self-check's statements cite sources of the registry and name support kinds of the programme.
  const kinds = readJsonFile(path.join(dataDir, "nscl-support-kinds.json"), supportKindsFileSchema);
  const supportKinds = new Set(kinds.ok ? kinds.value.kinds.map((k) => k.id) : []);
  problems.push(...readSelfCheck(dataDir, { sources: new Set(content.sources.keys()), supportKinds }, today));

  const provincesDir = path.join(dataDir, "provinces");
  const provinces: Province[] = [];
  for (const name of readdirSync(provincesDir).filter((f) => f.endsWith(".json")).sort()) {
    const file = path.join(provincesDir, name);
    try {
      const p = loadProvince(dataDir, name.replace(/\.json$/, ""));
      provinces.push(p);
      problems.push(...checkProvince(p, file, today));
    } catch (error) {
      problems.push({ file, id: name.replace(/\.json$/, ""), message: (error as Error).message });
    }
  }

  if (translator && lexicon) {
    for (const province of provinces) problems.push(...checkRendered(content, province, translator, lexicon, path.join(dataDir, "kb")));
  }
  return problems;
}

/** Each answer (or those of `ids`) as users get it in this province, in every language: valid markup, short enough for one message. */
export function checkRendered(content: KnowledgeContent, province: Province, translator: Translator, lexicon: Lexicon, file: string, ids?: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const kb = createKnowledgeBase(content, province, translator, lexicon);
  for (const e of content.entries) {
    if (ids && !ids.includes(e.id)) continue;
    for (const locale of LOCALES) {
      // The first message and the rest ("Xem thêm") are each sent as one message.
      const parts = [["answer", kb.answer(e.id, locale)!], ["rest of the answer", kb.more(e.id, locale)]] as const;
      for (const [what, answer] of parts) {
        if (answer === undefined) continue;
        try {
          toRuns(answer, true);
        } catch (error) {
          problems.push({ file, id: e.id, message: `${province.id}/${locale}: rendered ${what} is not valid markup (${(error as Error).message})` });
        }
        if (visibleLength(answer) > MAX_MESSAGE_CHARS) {
          problems.push({ file, id: e.id, message: `${province.id}/${locale}: ${what} with contact and sources is ${visibleLength(answer)} characters (limit ${MAX_MESSAGE_CHARS})` });
        }
      }
    }
  }
  return problems;
}

/**
 * `kb check` on the content with a change (an official's edited or added entries, new sources):
 * the references, the entry checks and the rendered answers of the changed entries in this
 * province — the problems it finds with the change that it does not find without it. Empty: the
 * change may be kept.
 */
export function checkContentChange(before: KnowledgeContent, after: KnowledgeContent, changed: readonly string[], deps: { lexicon: Lexicon; translator: Translator; province: Province; today: string }): ContentProblem[] {
  const file = "content";
  const whole = (content: KnowledgeContent) => [...checkReferences(content, { topics: file, entries: file }), ...checkEntries(content, deps.lexicon, deps.today, file)];
  const key = (p: ContentProblem) => `${p.id ?? ""}: ${p.message}`;
  // What the served content already has is asked once per content (and day): half of a save's checks.
  let known = checkedBefore.get(before);
  if (known?.today !== deps.today) {
    known = { today: deps.today, problems: new Set(whole(before).map(key)) };
    checkedBefore.set(before, known);
  }
  const old = new Set([...known.problems, ...checkRendered(before, deps.province, deps.translator, deps.lexicon, file, changed).map(key)]);
  return [...whole(after), ...checkRendered(after, deps.province, deps.translator, deps.lexicon, file, changed)].filter((p) => !old.has(key(p)));
}

const checkedBefore = new WeakMap<KnowledgeContent, { today: string; problems: Set<string> }>();

/**
 * `kb check --store`: the learned content in the store against the data/ it is served with — a
 * phrasing whose entry data/ no longer has, an entry whose topic or source is unknown or whose
 * reviewed date is in the future, and whatever `kb check` finds in data/ plus the learned content
 * that it does not find in data/ alone (a phrasing that now reads the same as another entry's…).
 */
export function checkLearnedContent(shipped: KnowledgeContent, lexicon: Lexicon, records: readonly { id: string; record: KbLearned }[], today: string): ContentProblem[] {
  const file = "store:kb-learned";
  const problems: ContentProblem[] = [];
  const served = mergeLearned(shipped, records.map((r) => r.record));
  const ids = new Set(served.entries.map((e) => e.id));
  const topics = new Set(shipped.topics.map((t) => t.id));
  for (const { id, record } of records) {
    if (record.kind === "phrasing") {
      if (!ids.has(record.entryId)) problems.push({ file, id, message: `phrasing "${record.text}" is for entry ${record.entryId}, which is not served (not in data/, or not approved)` });
      continue;
    }
    if (record.status === "rejected") continue;
    if (!topics.has(record.topic)) problems.push({ file, id, message: `unknown topic ${record.topic}` });
    if (record.reviewed > today) problems.push({ file, id, message: `reviewed date ${record.reviewed} is in the future` });
    for (const message of sourceProblems(record.source, shipped.sources, { webAddresses: true })) problems.push({ file, id, message });
    if (shipped.entries.some((e) => e.id === record.entryId)) problems.push({ file, id, message: `entry id ${record.entryId} is also an entry of data/` });
  }
  const withPending = mergeLearned(shipped, records.map((r) => (r.record.kind === "entry" && r.record.status === "pending" ? { ...r.record, status: "approved" as const } : r.record)));
  const before = new Set(checkEntries(shipped, lexicon, today, file).map((p) => `${p.id ?? ""}: ${p.message}`));
  for (const p of checkEntries(withPending, lexicon, today, file)) if (!before.has(`${p.id ?? ""}: ${p.message}`)) problems.push(p);
  return problems;
}

/**
 * `kb check --store`: the officials' edited content in the store over the data/ it is served with —
 * a stored document that no longer fits its schema, and whatever `kb check` finds with the edits
 * (entries, sources, the profile) that it does not find in data/ alone. Returns the content as
 * served (the learned content is checked over it).
 */
export function checkEditedContent(
  shipped: KnowledgeContent,
  province: Province,
  documents: readonly ContentDocument[],
  deps: { lexicon: Lexicon; translator: Translator; today: string },
): { served: KnowledgeContent; problems: ContentProblem[] } {
  const file = "store:content";
  const applied = applyEdited(shipped, province, documents);
  const problems: ContentProblem[] = applied.problems.map((message) => ({ file, id: null, message: `${message} (left out: data/'s is served)` }));
  const changed = documents.filter((d) => d.kind === "entry").map((d) => d.id);
  problems.push(...checkContentChange(shipped, applied.content, changed, { ...deps, province: applied.province }).map((p) => ({ ...p, file })));
  const before = new Set(checkProvince(province, file, deps.today).map((p) => p.message));
  problems.push(...checkProvince(applied.province, file, deps.today).filter((p) => !before.has(p.message)));
  return { served: applied.content, problems };
}
