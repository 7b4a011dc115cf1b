import { raw, type Translator } from "../core/i18n.js";
import { esc, html, joinMarkup, trusted, type Markup } from "../core/markup.js";
import type { Locale } from "../core/types.js";
import { foldedWords } from "../knowledge/fold.js";
import { parseSource, type KbEntry, type KnowledgeContent, type Programme, type Regime, type Topic } from "../knowledge/kb.js";
import type { Lexicon } from "../knowledge/lexicon.js";
import { unitDisplayName, type Province } from "../knowledge/province.js";

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
  /** The whole answer a user sees: title, text, which rules it follows, contact, source line. */
  answer(id: string, locale: Locale): Markup | undefined;
  /** The responsible unit and its contacts; unknown ones are said to be not updated yet. */
  contact(locale: Locale): Markup;
  /** Entries offered when a user asks for the FAQ without a question (data/kb/topics.json `popular`). */
  popular(): KbEntry[];
  /** A message that is only a greeting or thanks. */
  smalltalk(text: string): "greeting" | "thanks" | null;
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function createKnowledgeBase(content: KnowledgeContent, province: Province, translator: Translator, lexicon: Lexicon): KnowledgeBase {
  const entries = new Map(content.entries.map((e) => [e.id, e]));
  const t = (locale: Locale, key: string, args?: Parameters<Translator["t"]>[2]) => translator.t(locale, key, args);

  const contact = (locale: Locale): Markup => {
    const { unit } = province;
    const missing = t(locale, "faq-contact-missing-value");
    const line = (labelKey: string, value: string | null) => t(locale, "faq-contact-line", { label: raw(t(locale, labelKey)), value: value === null ? raw(missing) : value });
    const lines = [
      t(locale, "faq-contact-heading", { unit: raw(unitDisplayName(province, (key, args) => t(locale, key, args), "full")) }),
      line("faq-contact-address", unit.address),
      line("faq-contact-phone", unit.phone),
      line("faq-contact-email", unit.email),
    ];
    if (unit.website && /^https?:\/\//.test(unit.website)) {
      lines.push(t(locale, "faq-contact-line", { label: raw(t(locale, "faq-contact-website")), value: raw(html`<a href="${esc(unit.website)}">${esc(unit.website)}</a>`) }));
    }
    if (unit.address === null || unit.phone === null || unit.email === null) lines.push(t(locale, "faq-contact-missing-note", { parent: unit.parent }));
    return joinMarkup(lines);
  };

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

  const sourceLine = (entry: KbEntry, locale: Locale): Markup => {
    const items = parseSource(entry.source).map(({ key, detail }) => {
      const info = content.sources.get(key);
      const title = esc(info?.title[locale] ?? key);
      const named = info?.url ? html`<a href="${esc(info.url)}">${title}</a>` : title;
      return detail ? html`${named} (${esc(detail)})` : named;
    });
    return t(locale, "faq-source", { sources: raw(joinMarkup(items, "; ")), reviewed: formatDate(entry.reviewed) });
  };

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
      const text = (locale === "en" ? entry.answer.en : undefined) ?? entry.answer.vi;
      const parts: Markup[] = [];
      if (locale === "en" && !entry.answer.en) parts.push(t(locale, "faq-vietnamese-only"));
      parts.push(html`<b>${esc(question(entry, locale))}</b>`);
      parts.push(fill(text.join("\n"), locale));
      const labelKey = REGIME_LABEL_KEYS.find((r) => r.regime === entry.regime)?.labelKey;
      if (labelKey) parts.push(t(locale, labelKey));
      if (entry.generalDefinition) parts.push(t(locale, "faq-general-definition"));
      if (entry.contact) parts.push(contact(locale));
      parts.push(sourceLine(entry, locale));
      return joinMarkup(parts, "\n\n");
    },
  };
}
