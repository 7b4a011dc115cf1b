import path from "node:path";
import { z } from "zod";
import { foldForSearch } from "./fold.js";
import { loadJsonFile } from "./json-file.js";

const token = z.string().regex(/^[a-z0-9_]+$/, "must be one folded word");

export const lexiconSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  spelling: z.record(z.string(), z.string().min(1)),
  intents: z.array(z.object({ to: token.startsWith("q_"), from: z.array(z.string().min(1)).min(1) })),
  context: z.array(token),
  contextAliases: z.record(token, token),
  /** A topic whose entries imply a context that is not a programme ("bot-usage" → "bot"). */
  topicContext: z.record(z.string(), token).default({}),
  /**
   * Contexts whose entries answer only questions about that thing (search.ts: `foreignFactor`), each
   * with the cues that name it in a question (all the tokens of one cue: ["tro", "ly"]).
   */
  strictContexts: z.record(token, z.array(z.array(token).min(1)).min(1)).default({}),
  weak: z.array(token),
  /** `ack`: a bare "ok", "vâng", "dạ" — answered with one line, never refused or passed to the unit. */
  smalltalk: z.object({ greeting: z.array(z.string().min(1)), thanks: z.array(z.string().min(1)), ack: z.array(z.string().min(1)).default([]) }),
  phrases: z.array(z.object({ to: z.array(token).min(1), from: z.array(z.string().min(1)).min(1) })),
  stopwords: z.array(z.string().min(1)),
  /**
   * The kinds of answer a question asks for (points, money, a date, a place…): a kind is cued when
   * all the tokens of one of its cues are in the question (after canonicalisation). `compatible`:
   * other kinds whose entries also answer it (a list of steps answers "how many steps").
   */
  kinds: z
    .array(z.object({ kind: token, cues: z.array(z.array(token).min(1)).min(1), compatible: z.array(token).default([]) }))
    .default([]),
});
export type LexiconFile = z.infer<typeof lexiconSchema>;
/** A message that is only a greeting, thanks, or a bare acknowledgement ("ok", "vâng"). */
export type Smalltalk = "greeting" | "thanks" | "ack";

export class LexiconError extends Error {}

export function readLexiconFile(dataDir: string): LexiconFile {
  const file = path.join(dataDir, "kb", "lexicon.json");
  return loadJsonFile(file, lexiconSchema, (m) => new LexiconError(m));
}

/** A word sequence → the tokens it stands for; found by longest match over a word trie. */
interface TrieNode {
  next: Map<string, TrieNode>;
  emit?: readonly string[];
}

/**
 * The lexicon compiled for fast use: spelling fixes, phrase/synonym/abbreviation canonicalisation
 * and stopwords, all on folded words. The same `canonical` runs on the knowledge base at load and
 * on each question, so both sides meet in one vocabulary.
 */
export interface Lexicon {
  readonly intents: ReadonlySet<string>;
  readonly context: ReadonlySet<string>;
  /** A word that, alone, implies a programme ("giaithuong" → "gtclqg"). */
  readonly contextAliases: ReadonlyMap<string, string>;
  /** The context a topic's entries imply beside their programme. */
  readonly topicContext: ReadonlyMap<string, string>;
  /** Contexts whose entries answer only questions about that thing. */
  readonly strictContexts: ReadonlySet<string>;
  /** The strict contexts these concept tokens name. */
  strictContextsNamed(tokens: Iterable<string>): Set<string>;
  /** Tokens too generic to decide anything. */
  readonly weak: ReadonlySet<string>;
  /** Every folded word the lexicon knows (phrase words, spelling targets, stopwords). */
  readonly words: ReadonlySet<string>;
  /** Adjacent word pairs inside the lexicon's phrases ("quoc gia"), for typo correction in context. */
  readonly pairs: ReadonlySet<string>;
  readonly stopwords: ReadonlySet<string>;
  /** Applies the spelling table to folded words (one word may become several). */
  respell(words: readonly string[]): string[];
  /** Respelled words → concept tokens, stopwords dropped. `from[i]` = index of the word that produced token i. */
  canonical(words: readonly string[]): { tokens: string[]; from: number[] };
  /** "greeting" / "thanks" when the message is only that (plus filler), else null. */
  smalltalk(words: readonly string[]): Smalltalk | null;
  /** The kinds of answer these concept tokens ask for (empty when no cue is there). */
  kindsOf(tokens: Iterable<string>): Set<string>;
  /** A kind and the kinds whose entries also answer it. */
  answeredBy(kind: string): ReadonlySet<string>;
}

export function compileLexicon(file: LexiconFile): Lexicon {
  const root: TrieNode = { next: new Map() };
  const words = new Set<string>();
  const pairs = new Set<string>();
  const add = (phrase: string, emit: readonly string[]) => {
    const parts = foldForSearch(phrase).split(" ").filter(Boolean);
    if (parts.length === 0) return;
    let node = root;
    parts.forEach((part, i) => {
      if (i > 0) pairs.add(`${parts[i - 1]} ${part}`);
    });
    for (const part of parts) {
      words.add(part);
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        node.next.set(part, child);
      }
      node = child;
    }
    // The first definition wins, so a phrase listed under two concepts keeps the earlier meaning.
    node.emit ??= emit;
  };
  for (const intent of file.intents) for (const phrase of intent.from) add(phrase, [intent.to]);
  for (const entry of file.phrases) for (const phrase of entry.from) add(phrase, entry.to);

  const spelling = new Map<string, string[]>();
  for (const [from, to] of Object.entries(file.spelling)) {
    const target = foldForSearch(to).split(" ").filter(Boolean);
    spelling.set(foldForSearch(from), target);
    for (const w of target) words.add(w);
  }
  const stop = new Set<string>();
  for (const s of file.stopwords) {
    const parts = foldForSearch(s).split(" ").filter(Boolean);
    if (parts.length === 1) stop.add(parts[0]!);
    else add(s, []);
    for (const p of parts) words.add(p);
  }

  const small = (["thanks", "greeting", "ack"] as const).map((kind) => ({ kind, phrases: file.smalltalk[kind].map((p) => ` ${foldForSearch(p)} `) }));
  const smallWords = new Set(Object.values(file.smalltalk).flat().flatMap((p) => foldForSearch(p).split(" ")));

  const kindCues = file.kinds.map((k) => ({ kind: k.kind, cues: k.cues }));
  const answeredBy = new Map(file.kinds.map((k) => [k.kind, new Set([k.kind, ...k.compatible])]));
  const none = new Set<string>();

  return {
    kindsOf(input) {
      const have = new Set(input);
      const kinds = new Set<string>();
      for (const { kind, cues } of kindCues) if (cues.some((cue) => cue.every((t) => have.has(t)))) kinds.add(kind);
      return kinds;
    },
    answeredBy: (kind) => answeredBy.get(kind) ?? none,
    intents: new Set(file.intents.map((i) => i.to)),
    context: new Set(file.context),
    contextAliases: new Map(Object.entries(file.contextAliases)),
    topicContext: new Map(Object.entries(file.topicContext)),
    strictContexts: new Set(Object.keys(file.strictContexts)),
    strictContextsNamed(input) {
      const have = new Set(input);
      const named = new Set<string>();
      for (const [c, cues] of Object.entries(file.strictContexts)) if (cues.some((cue) => cue.every((t) => have.has(t)))) named.add(c);
      return named;
    },
    weak: new Set(file.weak),
    words,
    pairs,
    stopwords: stop,
    respell(input) {
      const out: string[] = [];
      for (const w of input) {
        const s = spelling.get(w);
        if (s) out.push(...s);
        else out.push(w);
      }
      return out;
    },
    canonical(input) {
      // Segment the words into phrases and single words so that phrases cover as many words as
      // possible with as few pieces as possible (a word left alone costs more than a phrase):
      // "du giai thuong chat luong" is "du" + "giai thuong chat luong", not "du giai" + "thuong"…
      const n = input.length;
      const cost = new Array<number>(n + 1).fill(Infinity);
      const step = new Array<{ end: number; emit: readonly string[] | null }>(n + 1);
      cost[n] = 0;
      for (let i = n - 1; i >= 0; i--) {
        cost[i] = 1.5 + cost[i + 1]!;
        step[i] = { end: i + 1, emit: null };
        let node: TrieNode | undefined = root;
        for (let j = i; j < n && node; j++) {
          node = node.next.get(input[j]!);
          if (node?.emit && 1 + cost[j + 1]! <= cost[i]!) {
            cost[i] = 1 + cost[j + 1]!;
            step[i] = { end: j + 1, emit: node.emit };
          }
        }
      }
      const tokens: string[] = [];
      const from: number[] = [];
      for (let i = 0; i < n; ) {
        const { end, emit } = step[i]!;
        if (emit) {
          for (const t of emit) {
            tokens.push(t);
            from.push(i);
          }
        } else if (!stop.has(input[i]!)) {
          tokens.push(input[i]!);
          from.push(i);
        }
        i = end;
      }
      return { tokens, from };
    },
    smalltalk(input) {
      if (input.length === 0 || input.some((w) => !stop.has(w) && !smallWords.has(w))) return null;
      const text = ` ${input.join(" ")} `;
      return small.find((s) => s.phrases.some((p) => text.includes(p)))?.kind ?? null;
    },
  };
}
