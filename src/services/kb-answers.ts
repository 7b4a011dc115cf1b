import { raw, type Translator } from "../core/i18n.js";
import { esc, html, joinMarkup, trusted, visibleLength, type Markup } from "../core/markup.js";
import type { Locale } from "../core/types.js";
import { foldedWords } from "../knowledge/fold.js";
import { parseSource, type KbEntry, type KnowledgeContent, type Programme, type Regime, type Topic } from "../knowledge/kb.js";
import type { Lexicon, Smalltalk } from "../knowledge/lexicon.js";
import { unitDisplayName, type Province } from "../knowledge/province.js";
import { contactLine } from "./unit-contact.js";

/** Placeholders an answer may use; `kb check` refuses any other. */
/** `unit`: the unit's name (or "the unit in charge at the provincial Department" while not confirmed); `unitFull`: with its Sở. */
export const ANSWER_PLACEHOLDERS = ["unit", "unitFull", "parent", "province", "merged", "coFunding"] as const;

const REGIME_LABEL_KEYS: { regime: Regime; labelKey: string | null }[] = [
  { regime: "legacy", labelKey: "faq-regime-legacy" },
  { regime: "2026", labelKey: "faq-regime-2026" },
  { regime: "both", labelKey: "faq-regime-both" },
  { regime: "programme", labelKey: "faq-regime-programme" },
  { regime: "general", labelKey: null },
];

/** Knowledge-base content, ready to show: browsing (programmes → topics → entries) and answers. */
export interface KnowledgeBase {
  readonly content: KnowledgeContent;
  entry(id: string): KbEntry | undefined;
  programmes(): readonly Programme[];
  programme(id: string): Programme | undefined;
  topic(id: string): Topic | undefined;
  topicsOf(programmeId: string): Topic[];
  entriesOf(topicId: string): KbEntry[];
  /** The entry's question as a user of this locale sees it (falls back to Vietnamese). */
  question(entry: KbEntry, locale: Locale): string;
  /**
   * The answer's first message, leading with the answer: title, the first lines of the text (2–4,
   * cut between lines, never inside one), a short rules label, one contact line, a "Nguồn" line.
   */
  answer(id: string, locale: Locale): Markup | undefined;
  /** The rest of the answer ("Xem thêm"), or undefined when the first message already holds it all. */
  more(id: string, locale: Locale): Markup | undefined;
  /** The responsible unit on one line: its name with the contacts it has set, or its public office while it has none. */
  contact(locale: Locale): Markup;
  /** Entries offered when a user asks for the FAQ without a question (data/kb/topics.json `popular`). */
  popular(): KbEntry[];
  /** A message that is only a greeting, thanks, or a bare "ok"/"vâng". */
  smalltalk(text: string): Smalltalk | null;
}

/** The date the facts were checked, as month/year: the source line stays short. */
function formatMonth(iso: string): string {
  const [y, m] = iso.split("-");
  return `${m}/${y}`;
}

/** The first message shows at most this many lines of the answer… */
export const LEAD_MAX_LINES = 4;
/** …and stops adding lines once this many characters (visible) are shown; the first line always goes. */
export const LEAD_MAX_CHARS = 320;
/** Sources named in the first message; the others are counted there and named in "Xem thêm". */
export const LEAD_MAX_SOURCES = 2;
/** A rest this short (visible characters) is shown at once rather than behind "Xem thêm". */
const REST_MIN_CHARS = 80;

/**
 * Splits an answer's lines into what the first message shows and the rest. Lines are the unit:
 * an answer line is one paragraph or list item of trusted markup, so a cut between lines never
 * breaks a tag or a link.
 */
export function leadSplit(lines: readonly Markup[]): { lead: Markup[]; rest: Markup[] } {
  let shown = 0;
  let n = 0;
  while (n < lines.length && n < LEAD_MAX_LINES) {
    const length = visibleLength(lines[n]!);
    if (n > 0 && shown + length > LEAD_MAX_CHARS) break;
    shown += length;
    n++;
  }
  const rest = lines.slice(n);
  const restLength = rest.reduce((sum, line) => sum + visibleLength(line), 0);
  if (rest.length > 0 && rest.length <= 1 && restLength <= REST_MIN_CHARS) return { lead: [...lines], rest: [] };
  return { lead: lines.slice(0, n), rest };
}

export function createKnowledgeBase(content: KnowledgeContent, province: Province, translator: Translator, lexicon: Lexicon): KnowledgeBase {
  const entries = new Map(content.entries.map((e) => [e.id, e]));
  const t = (locale: Locale, key: string, args?: Parameters<Translator["t"]>[2]) => translator.t(locale, key, args);

  const contact = (locale: Locale): Markup => contactLine((key, args) => t(locale, key, args), province);

  const placeholders = (locale: Locale): Record<(typeof ANSWER_PLACEHOLDERS)[number], Markup> => ({
    unit: unitDisplayName(province, (key, args) => t(locale, key, args)),
    unitFull: unitDisplayName(province, (key, args) => t(locale, key, args), "full"),
    parent: esc(province.unit.parent),
    province: esc(province.name),
    merged: esc(province.mergedFrom.length ? province.mergedFrom.join(", ") : province.name),
    coFunding: province.coFunding?.resolution
      ? t(locale, "faq-cofunding-known", { resolution: province.coFunding.resolution[locale] })
      : t(locale, "faq-cofunding-unknown", { parent: province.unit.parent }),
  });

  const fill = (text: string, locale: Locale): Markup => {
    const values = placeholders(locale);
    // The answer text is our own reviewed markup (kb check validates it); only the values are escaped.
    return trusted(text.replace(/\{([a-zA-Z]+)\}/g, (m, name: string) => (name in values ? values[name as keyof typeof values] : m)));
  };

  /**
   * Each source of an entry once, by its name (a link where it has one): documents (decrees,
   * plans, procedures, seeds) before web pages, so the first ones named are the primary sources.
   */
  const sourceNames = (entry: KbEntry, locale: Locale): Markup[] => {
    const seen = new Set<string>();
    const isPage = (key: string) => /^https?:\/\//.test(key);
    const keys = parseSource(entry.source);
    return [...keys.filter((k) => !isPage(k.key)), ...keys.filter((k) => isPage(k.key))].flatMap(({ key }) => {
      if (seen.has(key)) return [];
      seen.add(key);
      const info = content.sources.get(key);
      const title = esc(info?.title[locale] ?? key);
      return [info?.url ? html`<a href="${esc(info.url)}">${title}</a>` : title];
    });
  };

  /**
   * "Nguồn: <named sources> (rà soát 12/2026)". `short`: the first sources only, then "và N nguồn
   * khác" — the whole list is in "Xem thêm".
   */
  const sourceLine = (entry: KbEntry, locale: Locale, short: boolean): Markup => {
    const names = sourceNames(entry, locale);
    const cut = short && names.length > LEAD_MAX_SOURCES;
    const shown = joinMarkup(cut ? names.slice(0, LEAD_MAX_SOURCES) : names, "; ");
    const sources = cut ? joinMarkup([shown, t(locale, "faq-source-others", { count: names.length - LEAD_MAX_SOURCES })], " ") : shown;
    return t(locale, "faq-source", { sources: raw(sources), reviewed: formatMonth(entry.reviewed) });
  };

  /** The answer's lines in the user's language, placeholders filled. */
  const lines = (entry: KbEntry, locale: Locale): Markup[] => ((locale === "en" ? entry.answer.en : undefined) ?? entry.answer.vi).map((line) => fill(line, locale));

  const question = (entry: KbEntry, locale: Locale): string => (locale === "en" ? entry.questions.en?.[0] : undefined) ?? entry.questions.vi[0]!;

  return {
    content,
    entry: (id) => entries.get(id),
    programmes: () => content.programmes,
    programme: (id) => content.programmes.find((p) => p.id === id),
    topic: (id) => content.topics.find((x) => x.id === id),
    topicsOf: (programmeId) => content.topics.filter((x) => x.programme === programmeId),
    entriesOf: (topicId) => content.entries.filter((e) => e.topic === topicId),
    question,
    contact,
    popular: () => content.popular.flatMap((id) => entries.get(id) ?? []),
    smalltalk: (text) => lexicon.smalltalk(lexicon.respell(foldedWords(text))),
    answer(id, locale) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      const { lead } = leadSplit(lines(entry, locale));
      const parts: Markup[] = [];
      if (locale === "en" && !entry.answer.en) parts.push(t(locale, "faq-vietnamese-only"));
      parts.push(joinMarkup([html`<b>${esc(question(entry, locale))}</b>`, ...lead]));
      const labelKey = REGIME_LABEL_KEYS.find((r) => r.regime === entry.regime)?.labelKey;
      const notes = [labelKey ? t(locale, labelKey) : null, entry.generalDefinition ? t(locale, "faq-general-definition") : null].filter((m): m is Markup => m !== null);
      if (notes.length) parts.push(joinMarkup(notes));
      const footer = [entry.contact ? contact(locale) : null, sourceLine(entry, locale, true)].filter((m): m is Markup => m !== null);
      parts.push(joinMarkup(footer));
      return joinMarkup(parts, "\n\n");
    },
    more(id, locale) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      const { rest } = leadSplit(lines(entry, locale));
      const sourcesCut = sourceNames(entry, locale).length > LEAD_MAX_SOURCES;
      if (rest.length === 0 && !sourcesCut) return undefined;
      const parts = [t(locale, "faq-more-title", { question: question(entry, locale) })];
      if (rest.length > 0) parts.push(joinMarkup(rest));
      if (sourcesCut) parts.push(sourceLine(entry, locale, false));
      return joinMarkup(parts, "\n\n");
    },
  };
}
