import type { Translator } from "../core/i18n.js";
import type { Locale } from "../core/types.js";
import type { KbLearned, LearnedEntry } from "../domain/records/kb-learned.js";
import { fold } from "../domain/text.js";
import type { FaqLookup, FaqLookupOptions } from "../knowledge/faq-port.js";
import type { KbEntry, KnowledgeContent } from "../knowledge/kb.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import type { Province } from "../knowledge/province.js";
import { buildSearchIndex, type SearchIndex } from "../knowledge/search.js";
import type { ContentRepository, KbLearnedRepository } from "../store/repositories.js";
import { contentKey, type ContentDocument } from "../domain/records/content.js";
import { applyEdited, type EditedContent } from "./content-merge.js";
import { createFaq, searchDocs, type FaqEngine } from "./faq.js";
import { createKnowledgeBase, type KnowledgeBase } from "./kb-answers.js";

/** How often (at most) an instance asks the store whether another instance changed the learned content. */
export const LEARNED_REFRESH_MS = 3000;

/** A learned entry as a knowledge-base entry (no related entries; the answer is the official's text, escaped when drafted). */
export function learnedAsEntry(e: LearnedEntry): KbEntry {
  // The search folds anyway; the folded form is there so the entry passes the same checks as data/ ("a phrasing as users type").
  const vi = [...new Set([...e.questions.vi, ...e.questions.vi.map((q) => fold(q))])];
  return {
    id: e.entryId,
    topic: e.topic,
    regime: "general",
    core: false,
    generalDefinition: false,
    questions: { vi, ...(e.questions.en ? { en: e.questions.en } : {}) },
    answer: { vi: e.answer.vi, ...(e.answer.en ? { en: e.answer.en } : {}) },
    contact: true,
    related: [],
    source: e.source,
    reviewed: e.reviewed,
  };
}

/**
 * The shipped content plus what officials taught: approved entries added, then every learned
 * phrasing appended to its entry's questions (so the search treats it as one more question of it).
 * Pending and rejected entries are left out.
 */
export function mergeLearned(shipped: KnowledgeContent, records: readonly KbLearned[]): KnowledgeContent {
  const entries = new Map<string, KbEntry>(shipped.entries.map((e) => [e.id, e]));
  for (const r of records) if (r.kind === "entry" && r.status === "approved" && !entries.has(r.entryId)) entries.set(r.entryId, learnedAsEntry(r));
  for (const r of records) {
    if (r.kind !== "phrasing") continue;
    const e = entries.get(r.entryId);
    if (!e) continue;
    const list = r.locale === "en" ? (e.questions.en ?? []) : e.questions.vi;
    if (list.includes(r.text)) continue;
    // English phrasings only join an entry that answers in English (an entry's languages go together).
    if (r.locale === "en" && !e.questions.en) continue;
    entries.set(e.id, { ...e, questions: r.locale === "en" ? { ...e.questions, en: [...list, r.text] } : { ...e.questions, vi: [...list, r.text] } });
  }
  return { ...shipped, entries: [...entries.values()] };
}

/** The FAQ, knowledge base and province profile the bot serves, rebuilt when the learned or edited content changes. */
export interface LiveKnowledge {
  /** The FAQ port (lookups on the current index; `refresh` before a lookup notices other instances). */
  readonly faq: FaqEngine;
  /** The knowledge base the flows browse and answer from (data/ with officials' edits, plus learned content). */
  readonly kb: KnowledgeBase;
  /** data/ with the officials' edits (the base the learned content is added to). */
  readonly shipped: KnowledgeContent;
  /** data/ itself, as loaded at start (what an edit replaces the first time). */
  readonly data: { readonly content: KnowledgeContent; readonly province: Province };
  readonly lexicon: Lexicon;
  readonly translator: Translator;
  /** The province profile served now (data/'s, or the officials' edited one). */
  province(): Province;
  /** The content now served. */
  content(): KnowledgeContent;
  /** Reads the learned and edited content from the store and rebuilds now. */
  reload(): Promise<void>;
  /** Compares the store's stamps now (not throttled) and rebuilds if another instance changed something: before a change is checked. */
  sync(): Promise<void>;
  /** A change this instance just committed: served at once, without reading the store. */
  apply(id: string, record: KbLearned): void;
  /** An edited document this instance just committed: served at once. */
  applyEdited(document: ContentDocument): void;
  /** Rebuilds when a store's change stamp differs from the one served; asks the store at most every LEARNED_REFRESH_MS. */
  refresh(now: Date): Promise<void>;
  /** Builds a knowledge base over other content (the checks of a change before it is kept). */
  knowledgeOver(content: KnowledgeContent, province?: Province): KnowledgeBase;
}

export function createLiveKnowledge(options: {
  shipped: KnowledgeContent;
  lexicon: Lexicon;
  province: Province;
  translator: Translator;
  /** Absent: the shipped content only (the command line without a store). */
  learned?: Pick<KbLearnedRepository, "list" | "stamp">;
  /** The officials' edited profile, entries and sources (src/services/content-*.ts); absent: data/ only. */
  edited?: Pick<ContentRepository, "list" | "stamp">;
  /** An edited document that no longer fits its schema (left out). */
  warn?: (message: string) => void;
}): LiveKnowledge {
  const { lexicon, translator, learned, edited } = options;
  const data = { content: options.shipped, province: options.province };
  let base: EditedContent = { content: data.content, province: data.province, problems: [] };
  const knowledgeOver = (content: KnowledgeContent, province: Province = base.province) => createKnowledgeBase(content, province, translator, lexicon);
  const build = (content: KnowledgeContent) => {
    const kb = knowledgeOver(content);
    return { content, kb, faq: createFaq(kb, buildSearchIndex(searchDocs(content, lexicon), lexicon), lexicon) };
  };
  let current = build(data.content);
  /** The learned records served, by id (in the order they were first seen). */
  let records = new Map<string, KbLearned>();
  /** The edited documents served, by `kind:id`. */
  let documents = new Map<string, ContentDocument>();
  let stamp = 0;
  let editedStamp = 0;
  let checkedAt = -Infinity;
  let loading: Promise<void> | null = null;

  const rebuild = () => {
    current = build(mergeLearned(base.content, [...records.values()]));
  };
  const rebase = () => {
    base = applyEdited(data.content, data.province, documents.values());
    for (const problem of base.problems) options.warn?.(`edited content left out: ${problem}`);
  };

  const reload = async (): Promise<void> => {
    // The stamps first: a change between the reads is seen again at the next check.
    const s = learned ? await learned.stamp() : 0;
    const e = edited ? await edited.stamp() : 0;
    if (learned) records = new Map((await learned.list()).map((x) => [x.id, x.record]));
    if (edited) {
      documents = new Map((await edited.list()).map((d) => [contentKey(d.kind, d.id), d]));
      rebase();
    }
    rebuild();
    stamp = s;
    editedStamp = e;
  };
  const changed = async (): Promise<boolean> => (learned ? (await learned.stamp()) !== stamp : false) || (edited ? (await edited.stamp()) !== editedStamp : false);

  const faq: FaqEngine = {
    get index(): SearchIndex {
      return current.faq.index;
    },
    lookup: (question: string, locale: Locale, options?: FaqLookupOptions): FaqLookup => current.faq.lookup(question, locale, options),
    async refresh(now: Date) {
      if (!learned && !edited) return;
      const t = now.getTime();
      if (t - checkedAt < LEARNED_REFRESH_MS && t >= checkedAt) return;
      checkedAt = t;
      loading ??= (async () => {
        try {
          if (await changed()) await reload();
        } finally {
          loading = null;
        }
      })();
      await loading;
    },
  };

  const kb: KnowledgeBase = {
    get content() {
      return current.kb.content;
    },
    entry: (id) => current.kb.entry(id),
    programmes: () => current.kb.programmes(),
    programme: (id) => current.kb.programme(id),
    topic: (id) => current.kb.topic(id),
    topicsOf: (id) => current.kb.topicsOf(id),
    entriesOf: (id) => current.kb.entriesOf(id),
    question: (entry, locale) => current.kb.question(entry, locale),
    answer: (id, locale) => current.kb.answer(id, locale),
    more: (id, locale) => current.kb.more(id, locale),
    contact: (locale) => current.kb.contact(locale),
    popular: () => current.kb.popular(),
    smalltalk: (text) => current.kb.smalltalk(text),
  };

  return {
    faq,
    kb,
    get shipped() {
      return base.content;
    },
    data,
    lexicon,
    translator,
    province: () => base.province,
    content: () => current.content,
    async reload() {
      await reload();
      checkedAt = -Infinity;
    },
    async sync() {
      if (await changed()) await reload();
    },
    apply(id, record) {
      const before = records.get(id);
      records.set(id, record);
      // The stamp counts history steps: ours added these; any other difference is another instance's.
      stamp += record.history.length - (before?.history.length ?? 0);
      rebuild();
    },
    applyEdited(document) {
      const key = contentKey(document.kind, document.id);
      const before = documents.get(key);
      documents.set(key, document);
      // The stamp sums the versions: ours raised it by this; any other difference is another instance's.
      editedStamp += document.version - (before?.version ?? 0);
      rebase();
      rebuild();
    },
    refresh: (now) => faq.refresh!(now),
    knowledgeOver,
  };
}
