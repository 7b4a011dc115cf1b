import type { Translator } from "../core/i18n.js";
import type { Locale } from "../core/types.js";
import type { Faq, FaqLookup, FaqLookupOptions } from "../knowledge/faq-port.js";
import { loadKnowledge, type KnowledgeContent } from "../knowledge/kb.js";
import { compileLexicon, readLexiconFile, type Lexicon } from "../knowledge/lexicon.js";
import type { Province } from "../knowledge/province.js";
import { buildSearchIndex, type SearchDoc, type SearchHit, type SearchIndex } from "../knowledge/search.js";
import { createKnowledgeBase, type KnowledgeBase } from "./kb-answers.js";

/**
 * When the FAQ answers instead of asking back. Chosen on the development set
 * (test/fixtures/faq-dev.json) and checked on the held-out set; see README "FAQ search".
 */
export const FAQ_DECISION = {
  /** The best entry's score must reach this… */
  minScore: 0.5,
  /** …and the question must be mostly about it, or match a lot of it (long questions tell a story). */
  minQuestionCoverage: 0.5,
  minMatchedContent: 6,
  /** …but never when the question is mostly about something else (a question about Tết holidays sharing "lịch" and "năm nay"). */
  minQuestionCoverageAlways: 0.3,
  /** …and beat the next entry: a tie means the question does not say which one it is. */
  minMargin: 0.005,
  /** Closest questions offered when not answering. */
  minSuggestionScore: 0.35,
  maxSuggestions: 3,
} as const;

export interface FaqDecision {
  matched: boolean;
  hits: SearchHit[];
  suggestions: SearchHit[];
}

/** The FAQ port plus the index behind it (the benchmark and the tests look at its scores). */
export interface FaqEngine extends Faq {
  readonly index: SearchIndex;
}

/** Search docs for the entries: every phrasing in both languages; an entry implies its programme. */
export function searchDocs(content: KnowledgeContent, lexicon: Lexicon): SearchDoc[] {
  const programmeOf = new Map(content.topics.map((t) => [t.id, t.programme]));
  return content.entries.map((e) => {
    const programme = programmeOf.get(e.topic);
    return {
      id: e.id,
      phrasings: [...e.questions.vi, ...(e.questions.en ?? [])],
      context: programme && lexicon.context.has(programme) ? [programme] : [],
    };
  });
}

export type FaqThresholds = { [K in keyof typeof FAQ_DECISION]: number };

export function decide(hits: SearchHit[], rule: FaqThresholds = FAQ_DECISION): FaqDecision {
  const [top, next] = hits;
  const matched =
    top !== undefined &&
    top.score >= rule.minScore &&
    // Never answer another kind of question than the one asked ("bao nhiêu điểm" with an entry about money).
    !top.kindMismatch &&
    top.questionCoverage >= rule.minQuestionCoverageAlways &&
    (top.questionCoverage >= rule.minQuestionCoverage || top.matchedContent >= rule.minMatchedContent) &&
    top.score - (next?.score ?? 0) >= rule.minMargin;
  const suggestions = hits.filter((h) => h.score >= rule.minSuggestionScore).slice(0, rule.maxSuggestions);
  return { matched, hits, suggestions };
}

export function createFaq(kb: KnowledgeBase, index: SearchIndex, lexicon?: Lexicon): FaqEngine {
  /** Does the question name a programme itself ("giải thưởng", "năng suất", "nscl")? */
  const namesProgramme = (question: string) =>
    !!lexicon && index.analyze(question).tokens.some((t) => lexicon.context.has(t.token) || lexicon.contextAliases.has(t.token));
  return {
    index,
    lookup(question: string, locale: Locale, options?: FaqLookupOptions): FaqLookup {
      // A question typed in a form is about that form's programme, unless it names one: read with
      // the programme's word, and never answered with an entry of the other programme.
      const context = options?.context && !namesProgramme(question) ? options.context : null;
      const otherProgramme = (id: string) => {
        const entry = kb.entry(id);
        const programme = entry ? kb.topic(entry.topic)?.programme : undefined;
        return programme !== undefined && programme !== context && !!lexicon?.context.has(programme);
      };
      const d = context
        ? decide(index.search(`${question} ${context}`, 10).filter((h) => !otherProgramme(h.id)).slice(0, 5))
        : decide(index.search(question, 5));
      const top = d.hits[0];
      if (d.matched && top) {
        const answer = kb.answer(top.id, locale);
        if (answer) return { matched: true, id: top.id, answer, score: Math.round(top.score * 1000) / 1000 };
      }
      return {
        matched: false,
        suggestions: d.suggestions.flatMap((h) => {
          const entry = kb.entry(h.id);
          return entry ? [{ id: h.id, question: kb.question(entry, locale) }] : [];
        }),
      };
    },
  };
}

/** The shipped content and lexicon from data/ (the app adds learned content over them: services/kb-live.ts). */
export function loadShippedKnowledge(dataDir: string): { content: KnowledgeContent; lexicon: Lexicon } {
  return { content: loadKnowledge(dataDir), lexicon: compileLexicon(readLexiconFile(dataDir)) };
}

/** Everything the FAQ needs, from data/: used by the app and by the command line (no store). */
export function loadFaq(dataDir: string, province: Province, translator: Translator): { kb: KnowledgeBase; faq: FaqEngine; lexicon: Lexicon } {
  const content = loadKnowledge(dataDir);
  const lexicon = compileLexicon(readLexiconFile(dataDir));
  const kb = createKnowledgeBase(content, province, translator, lexicon);
  const faq = createFaq(kb, buildSearchIndex(searchDocs(content, lexicon), lexicon), lexicon);
  return { kb, faq, lexicon };
}
