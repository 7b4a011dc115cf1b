import Fuse from "fuse.js";
import { foldedWords } from "./fold.js";
import type { Lexicon } from "./lexicon.js";

/** Something to find: an id and the questions it answers. */
export interface SearchDoc {
  id: string;
  phrasings: readonly string[];
  /** Context tokens the doc implies without saying them (its programme: "gtclqg", "nscl"). */
  context?: readonly string[];
  /**
   * The kinds of answer the doc gives (points, money, when…: lexicon `kinds`). Left out, they are
   * derived from its phrasings: every kind one of them asks for (its questions say what it answers).
   */
  kinds?: readonly string[];
}

export interface SearchHit {
  id: string;
  /** 0–1: how well the best phrasing of this doc covers the question and is covered by it. */
  score: number;
  /** Index of that phrasing in the doc. */
  phrasing: number;
  /** Share of the phrasing's weight the question matched. */
  phrasingCoverage: number;
  /** Share of the question's weight the phrasing matched (unknown words count against it). */
  questionCoverage: number;
  /** Weight of the content words (not question words) matched literally. */
  matchedContent: number;
  /** The question asks for a kind of answer (points, a place…) and this doc gives only other kinds. */
  kindMismatch: boolean;
}

export interface SearchOptions {
  /** Weight of a question word (q_what, q_when…) relative to content words. */
  intentWeight: number;
  /** Weight of a number the knowledge base does not contain (headcounts, years in a story). */
  unknownNumberWeight: number;
  /** Weight of the lexicon's weak words ("doanh nghiệp"). */
  weakWeight: number;
  /** A programme matched through an alias or implied by the entry, not by the same word. */
  contextMatchFactor: number;
  /** Share of a phrasing's programme words still counted when the question names no programme. */
  unsaidContextFactor: number;
  /** A word fixed by typo correction counts this much of a word typed right. */
  correctedFactor: number;
  /** Exponents of phrasing coverage and question coverage in the score. */
  phrasingExponent: number;
  questionExponent: number;
  /** The question asks for a kind of answer: a doc giving only other kinds scores this much of its score… */
  kindMismatchFactor: number;
  /** …and a doc whose kind is not known (no phrasing cues one) this much. */
  kindUnknownFactor: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  intentWeight: 1,
  unknownNumberWeight: 0.5,
  weakWeight: 0.3,
  contextMatchFactor: 0.9,
  unsaidContextFactor: 0.5,
  correctedFactor: 0.85,
  phrasingExponent: 0.6,
  questionExponent: 0.4,
  kindMismatchFactor: 0.6,
  kindUnknownFactor: 0.8,
};

/** A question after folding, spelling fixes, typo correction and canonicalisation. */
export interface AnalyzedQuery {
  tokens: { token: string; weight: number; corrected: boolean; known: boolean }[];
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  analyze(query: string): AnalyzedQuery;
  readonly size: number;
}

/** Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits), cut off above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  for (let i = 0; i <= a.length; i++) rows[i]![0] = i;
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

const NUMERIC = /^\d+$/;

/**
 * An English word the knowledge base does not know, as a form it knows: plurals and verb endings
 * ("registrations", "applying", "needed", "companies") taken off. Vietnamese syllables never end in
 * -s, -ed or -ing, so this only ever touches English (or a typo, which then is not found).
 */
export function englishStem(w: string, known: (x: string) => boolean): string | null {
  if (w.length < 4) return null;
  const tries: string[] = [];
  if (w.endsWith("ies") || w.endsWith("ied")) tries.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ing")) {
    const base = w.slice(0, -3);
    tries.push(base, `${base}e`);
    if (base.length >= 3 && base[base.length - 1] === base[base.length - 2]) tries.push(base.slice(0, -1));
  }
  if (w.endsWith("ed")) {
    const base = w.slice(0, -2);
    tries.push(base, `${base}e`);
    if (base.length >= 3 && base[base.length - 1] === base[base.length - 2]) tries.push(base.slice(0, -1));
  }
  if (w.endsWith("es")) tries.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) tries.push(w.slice(0, -1));
  return tries.find((t) => t.length >= 3 && known(t)) ?? null;
}

/**
 * Typo correction for words the knowledge base does not know. fuse.js (Bitap) is good at exactly
 * this — a short pattern against short strings — and slow over long questions (tech-notes §4), so it
 * only ever sees one word, against the vocabulary words sharing its first letter; an edit-distance
 * check then refuses loose matches. Short words are ambiguous (most Vietnamese syllables are one
 * edit from another), so a word under 6 letters is corrected only when the fix forms a word pair
 * the knowledge base uses ("quoc gai" → "quoc gia"). Results are cached: the same typos come back.
 */
function createCorrector(vocabulary: ReadonlySet<string>, pairs: ReadonlySet<string>, stopwords: ReadonlySet<string>) {
  // Buckets by first letter and length: a fix within 1–2 edits keeps the first letter (typos there are
  // rare) and changes the length by at most the number of edits, so each lookup scans a few dozen words.
  const buckets = new Map<string, string[]>();
  for (const w of vocabulary) {
    if (w.length < 2 || NUMERIC.test(w)) continue;
    const key = `${w[0]}/${w.length}`;
    const list = buckets.get(key) ?? [];
    list.push(w);
    buckets.set(key, list);
  }
  // Built at load (a few milliseconds), not on a user's first question.
  const fuses = new Map<string, Fuse<string>>();
  for (const [key, words] of buckets) fuses.set(key, new Fuse(words, { includeScore: true, threshold: 0.4, distance: 8 }));
  const cache = new Map<string, { fix: string[] | null; candidates: string[] }>();

  const split = (w: string): string[] | null => {
    // "dangky", "giaithuong": two known words run together.
    let best: string[] | null = null;
    for (let i = 2; i <= w.length - 2; i++) {
      const a = w.slice(0, i);
      const b = w.slice(i);
      if (vocabulary.has(a) && vocabulary.has(b) && !stopwords.has(a) && !stopwords.has(b)) {
        if (!best || Math.min(a.length, b.length) > Math.min(best[0]!.length, best[1]!.length)) best = [a, b];
      }
    }
    return best;
  };

  const lookup = (w: string) => {
    let hit = cache.get(w);
    if (hit) return hit;
    const fix = w.length >= 4 ? split(w) : null;
    const maxEdits = w.length >= 8 ? 2 : 1;
    const scored: { word: string; d: number }[] = [];
    if (!fix) {
      for (let len = w.length - maxEdits; len <= w.length + maxEdits; len++) {
        for (const r of fuses.get(`${w[0]}/${len}`)?.search(w, { limit: 10 }) ?? []) {
          const d = editDistance(w, r.item, maxEdits);
          if (d <= maxEdits) scored.push({ word: r.item, d });
        }
      }
      scored.sort((a, b) => a.d - b.d);
    }
    hit = { fix, candidates: scored.map((x) => x.word) };
    if (cache.size > 20_000) cache.clear();
    cache.set(w, hit);
    return hit;
  };

  /** The fix for `w` (one or two words), given its neighbours, or null. */
  return (w: string, prev: string | undefined, next: string | undefined): string[] | null => {
    if (w.length < 3 || NUMERIC.test(w)) return null;
    const { fix, candidates } = lookup(w);
    if (fix) return fix;
    for (const c of candidates) {
      // A neighbour that is a stopword ("can", "la") proves nothing about the fix.
      const inPair =
        (prev !== undefined && !stopwords.has(prev) && pairs.has(`${prev} ${c}`)) || (next !== undefined && !stopwords.has(next) && pairs.has(`${c} ${next}`));
      if (inPair || (w.length >= 6 && !stopwords.has(c))) return [c];
    }
    return null;
  };
}

/**
 * What each doc answers: its declared `kinds`, or every kind one of its phrasings asks for. (Counting
 * only the title and kinds asked by two phrasings or more was tried: fewer right answers on the dev set.)
 */
function deriveKinds(docs: readonly SearchDoc[], phrasingDoc: readonly number[], phrasingTokens: readonly string[][], lexicon: Lexicon): Set<string>[] {
  const kinds = docs.map((doc) => new Set<string>(doc.kinds ?? []));
  phrasingTokens.forEach((tokens, p) => {
    const d = phrasingDoc[p]!;
    if (docs[d]!.kinds) return;
    for (const k of lexicon.kindsOf(tokens)) kinds[d]!.add(k);
  });
  return kinds;
}

/**
 * The FAQ search: every phrasing is folded and canonicalised once at load; a question is folded,
 * typo-corrected and canonicalised the same way, then scored against phrasings sharing a token
 * (an inverted index, so word order never matters). Score = phrasingCoverage^a × questionCoverage^b,
 * with words weighted by IDF: a question is answered only when it and a phrasing mostly say the
 * same things; unknown words in the question count against it, which is what refuses questions
 * about weather or passports.
 */
export function buildSearchIndex(docs: readonly SearchDoc[], lexicon: Lexicon, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): SearchIndex {
  const vocabulary = new Set<string>(lexicon.words);
  const pairs = new Set<string>(lexicon.pairs);
  const phrasingDoc: number[] = [];
  const phrasingLocal: number[] = [];
  const phrasingTokens: string[][] = [];
  const docTokens: Set<string>[] = [];

  // English inflections in a phrasing become the lexicon's word ("needed" → need, a stopword), as in questions.
  const lexiconWord = (x: string) => lexicon.words.has(x) || lexicon.stopwords.has(x);
  const unInflect = (words: string[]) => words.map((w) => (lexiconWord(w) ? w : (englishStem(w, lexiconWord) ?? w)));
  docs.forEach((doc, d) => {
    const all = new Set<string>();
    doc.phrasings.forEach((text, local) => {
      const words = unInflect(lexicon.respell(foldedWords(text)));
      words.forEach((w, i) => {
        vocabulary.add(w);
        if (i > 0) pairs.add(`${words[i - 1]} ${w}`);
      });
      const tokens = [...new Set(lexicon.canonical(words).tokens)];
      for (const t of tokens) all.add(t);
      phrasingDoc.push(d);
      phrasingLocal.push(local);
      phrasingTokens.push(tokens);
    });
    docTokens.push(all);
  });

  const df = new Map<string, number>();
  for (const set of docTokens) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, docs.length);
  const unknownWeight = Math.log(1 + n);
  const weightOf = (t: string): number => {
    if (lexicon.intents.has(t)) return options.intentWeight;
    if (lexicon.weak.has(t)) return options.weakWeight;
    const f = df.get(t);
    return f ? Math.log(1 + n / f) : NUMERIC.test(t) ? options.unknownNumberWeight : unknownWeight;
  };

  /** The programme a token stands for: itself, or the programme its alias implies. */
  const contextOf = (t: string): string | undefined => (lexicon.context.has(t) ? t : lexicon.contextAliases.get(t));
  const postings = new Map<string, number[]>();
  /** Per phrasing: weight of its ordinary tokens, and of its programme tokens. */
  const plainTotal = new Float64Array(phrasingTokens.length);
  const contextTotal = new Float64Array(phrasingTokens.length);
  /** Per phrasing: the programmes it names (directly or by alias). */
  const phrasingContexts: Set<string>[] = [];
  phrasingTokens.forEach((tokens, p) => {
    const named = new Set<string>();
    for (const t of tokens) {
      const list = postings.get(t) ?? [];
      list.push(p);
      postings.set(t, list);
      const c = contextOf(t);
      if (c) {
        named.add(c);
        contextTotal[p]! += weightOf(t);
      } else plainTotal[p]! += weightOf(t);
    }
    phrasingContexts.push(named);
  });

  const correct = createCorrector(vocabulary, pairs, lexicon.stopwords);
  /** Vietnamese has no j: typed for "gi" ("ja" = gia, "jai" = giai), it is that, not a typo. */
  const texting = (w: string): string | null => (w.startsWith("j") && vocabulary.has(`gi${w.slice(1)}`) ? `gi${w.slice(1)}` : null);
  const docContext = docs.map((doc) => new Set(doc.context ?? []));
  const docKinds = deriveKinds(docs, phrasingDoc, phrasingTokens, lexicon);
  const phrasingSets = phrasingTokens.map((tokens) => new Set(tokens));

  const analyze = (query: string): AnalyzedQuery => {
    const raw = lexicon.respell(foldedWords(query));
    const words: string[] = [];
    const corrected: boolean[] = [];
    raw.forEach((w, i) => {
      if (vocabulary.has(w)) {
        words.push(w);
        corrected.push(false);
        return;
      }
      // A stray letter the knowledge base does not know ("<b>", "x.") says nothing.
      if (w.length === 1 && !NUMERIC.test(w)) return;
      // An English inflection is the same word, not a typo: it counts in full.
      const stem = englishStem(w, (x) => vocabulary.has(x) || lexicon.stopwords.has(x)) ?? texting(w);
      if (stem) {
        words.push(stem);
        corrected.push(false);
        return;
      }
      const fix = correct(w, raw[i - 1], raw[i + 1]);
      for (const x of fix ?? [w]) {
        words.push(x);
        corrected.push(fix !== null);
      }
    });
    const { tokens, from } = lexicon.canonical(words);
    const seen = new Map<string, AnalyzedQuery["tokens"][number]>();
    tokens.forEach((token, i) => {
      const wasCorrected = corrected[from[i]!] ?? false;
      const prev = seen.get(token);
      if (prev) {
        prev.corrected &&= wasCorrected;
        return;
      }
      seen.set(token, { token, weight: weightOf(token), corrected: wasCorrected, known: df.has(token) || lexicon.intents.has(token) });
    });
    return { tokens: [...seen.values()] };
  };

  const matched = new Float64Array(phrasingTokens.length);
  const matchedContent = new Float64Array(phrasingTokens.length);

  return {
    size: docs.length,
    analyze,
    search(query, limit = 5) {
      const { tokens } = analyze(query);
      if (tokens.length === 0) return [];
      const contextual = tokens.filter((t) => contextOf(t.token) !== undefined);
      const hasContext = contextual.length > 0;
      let questionTotal = 0;
      for (const t of tokens) questionTotal += t.weight;
      // Candidates come from the topic words; question words and weak words ("là gì", "doanh
      // nghiệp") appear in thousands of phrasings of a large base, so they only add to candidates
      // already found instead of walking their whole posting lists.
      const touched: number[] = [];
      const common: typeof tokens = [];
      for (const t of tokens) {
        if (lexicon.intents.has(t.token) || lexicon.weak.has(t.token)) {
          common.push(t);
          continue;
        }
        const list = postings.get(t.token);
        if (!list) continue;
        const gain = t.weight * (t.corrected ? options.correctedFactor : 1);
        for (const p of list) {
          if (matched[p] === 0) touched.push(p);
          matched[p]! += gain;
          matchedContent[p]! += gain;
        }
      }
      for (const t of common) {
        const gain = t.weight * (t.corrected ? options.correctedFactor : 1);
        const content = !lexicon.intents.has(t.token);
        for (const p of touched) {
          if (!phrasingSets[p]!.has(t.token)) continue;
          matched[p]! += gain;
          if (content) matchedContent[p]! += gain;
        }
      }
      // A programme named in the question (or implied by "giải thưởng", "năng suất") matches a
      // phrasing naming it in other words, and every entry of that programme even when its phrasing
      // leaves it unsaid — a little less than the same word would.
      if (hasContext) {
        for (const p of touched) {
          const implied = docContext[phrasingDoc[p]!]!;
          const named = phrasingContexts[p]!;
          if (implied.size === 0 && named.size === 0) continue;
          for (const t of contextual) {
            const c = contextOf(t.token)!;
            if (phrasingSets[p]!.has(t.token) || !(implied.has(c) || named.has(c))) continue;
            matched[p]! += t.weight * options.contextMatchFactor * (t.corrected ? options.correctedFactor : 1);
          }
        }
      }
      // The kind of answer asked for: docs that give another kind weigh less, and are marked.
      const asked = lexicon.kindsOf(tokens.map((t) => t.token));
      const accepted = new Set<string>();
      for (const k of asked) for (const a of lexicon.answeredBy(k)) accepted.add(a);
      const kindFactor = (d: number): { factor: number; mismatch: boolean } => {
        const gives = docKinds[d]!;
        if (gives.size === 0) return { factor: options.kindUnknownFactor, mismatch: false };
        for (const k of gives) if (accepted.has(k)) return { factor: 1, mismatch: false };
        return { factor: options.kindMismatchFactor, mismatch: true };
      };
      const best = new Map<number, Omit<SearchHit, "id">>();
      for (const p of touched) {
        const m = matched[p]!;
        const content = matchedContent[p]!;
        matched[p] = 0;
        matchedContent[p] = 0;
        if (content === 0) continue;
        // Programme words the question did not say count only in part: most questions leave them out.
        const total = plainTotal[p]! + contextTotal[p]! * (hasContext ? 1 : options.unsaidContextFactor);
        if (total <= 0) continue;
        const phrasingCoverage = Math.min(1, m / total);
        const questionCoverage = Math.min(1, m / questionTotal);
        const d = phrasingDoc[p]!;
        const score = phrasingCoverage ** options.phrasingExponent * questionCoverage ** options.questionExponent;
        const prev = best.get(d);
        if (!prev || score > prev.score) best.set(d, { score, phrasing: phrasingLocal[p]!, phrasingCoverage, questionCoverage, matchedContent: content, kindMismatch: false });
      }
      // The kind factor is the same for every phrasing of a doc: applied once per doc, after its best phrasing.
      if (asked.size > 0) {
        for (const [d, hit] of best) {
          const kind = kindFactor(d);
          hit.score *= kind.factor;
          hit.kindMismatch = kind.mismatch;
        }
      }
      return [...best.entries()]
        .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
        .slice(0, limit)
        .map(([d, v]) => ({ id: docs[d]!.id, ...v }));
    },
  };
}
