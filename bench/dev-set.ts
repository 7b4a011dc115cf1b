import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../src/paths.js";
import { decide, type FaqDecision } from "../src/services/faq.js";
import type { SearchHit } from "../src/knowledge/search.js";

/**
 * A labelled question set in test/fixtures/: in-scope questions with the entry that must answer, and
 * questions to refuse. `nearMiss` marks a question close to an entry it must not get: in scope but
 * of another kind than its neighbour ("bao nhiêu điểm" beside an entry about money), or out of scope
 * but worded like an entry ("hồ sơ xin giấy phép kinh doanh gồm những gì"). An out-of-scope question
 * is a string, or `{ q, nearMiss }`.
 */
export const devSetSchema = z
  .object({
    version: z.literal(1),
    note: z.string().optional(),
    inScope: z.array(z.object({ q: z.string().min(1), id: z.string().min(1), nearMiss: z.boolean().default(false) })).min(1),
    /** Empty in a set written by `kb learned` (learned phrasings are all in scope). */
    outOfScope: z.array(z.union([z.string().min(1), z.object({ q: z.string().min(1), nearMiss: z.boolean().default(false) })])),
  })
  .transform((s) => ({
    ...s,
    outOfScope: s.outOfScope.map((x) => (typeof x === "string" ? x : x.q)),
    /** The out-of-scope questions marked as near-misses (a subset of `outOfScope`). */
    outOfScopeNearMiss: s.outOfScope.flatMap((x) => (typeof x !== "string" && x.nearMiss ? [x.q] : [])),
  }));
export type DevSet = z.infer<typeof devSetSchema>;

export type DevSetName = "faq-dev" | "faq-holdout" | "faq-holdout-2" | "faq-holdout-3";

const fixtures = path.join(projectRoot, "test", "fixtures");

function readSetFile(file: string): DevSet {
  return devSetSchema.parse(JSON.parse(readFileSync(path.join(fixtures, file), "utf8")));
}

/** Several sets as one. */
export function mergeDevSets(sets: readonly DevSet[]): DevSet {
  return {
    version: 1,
    inScope: sets.flatMap((s) => s.inScope),
    outOfScope: sets.flatMap((s) => s.outOfScope),
    outOfScopeNearMiss: sets.flatMap((s) => s.outOfScopeNearMiss),
  };
}

/** The files a set is read from: `faq-dev` is faq-dev.json plus every faq-dev-*.json (parts added later); the others one file each. */
export function devSetFiles(name: DevSetName): string[] {
  if (name !== "faq-dev") return [`${name}.json`];
  const parts = readdirSync(fixtures)
    .filter((f) => /^faq-dev-.+\.json$/.test(f))
    .sort();
  return ["faq-dev.json", ...parts];
}

export function readDevSet(name: DevSetName): DevSet {
  return mergeDevSets(devSetFiles(name).map(readSetFile));
}

export interface Evaluation {
  inScope: number;
  outOfScope: number;
  /** In-scope questions answered, with the labelled entry. */
  answeredRight: number;
  /** In-scope questions answered with another entry: the failure that matters most. */
  answeredWrong: number;
  /** In-scope questions where the labelled entry ranked first, threshold aside. */
  rankedFirst: number;
  /** Out-of-scope questions refused. */
  refused: number;
  /** Near-miss questions (in and out of scope), and how many got an answer from a wrong entry (any answer, out of scope). */
  nearMiss: number;
  nearMissWrong: number;
  misses: string[];
}

/** Runs a question set through a search function and the FAQ's answer-or-refuse decision. */
export function evaluate(set: DevSet, search: (q: string) => SearchHit[], rule: (hits: SearchHit[]) => FaqDecision = decide): Evaluation {
  const e: Evaluation = { inScope: set.inScope.length, outOfScope: set.outOfScope.length, answeredRight: 0, answeredWrong: 0, rankedFirst: 0, refused: 0, nearMiss: 0, nearMissWrong: 0, misses: [] };
  const nearOut = new Set(set.outOfScopeNearMiss);
  for (const { q, id, nearMiss } of set.inScope) {
    const d = rule(search(q));
    const top = d.hits[0];
    if (nearMiss) e.nearMiss++;
    if (top?.id === id) e.rankedFirst++;
    if (d.matched && top?.id === id) e.answeredRight++;
    else {
      if (d.matched) {
        e.answeredWrong++;
        if (nearMiss) e.nearMissWrong++;
      }
      e.misses.push(`${d.matched ? "WRONG" : "refused"}${nearMiss ? " (near-miss)" : ""}: "${q}" → ${top?.id ?? "nothing"} (${top?.score.toFixed(2) ?? "-"}), expected ${id}`);
    }
  }
  for (const q of set.outOfScope) {
    const d = rule(search(q));
    const near = nearOut.has(q);
    if (near) e.nearMiss++;
    if (!d.matched) e.refused++;
    else {
      if (near) e.nearMissWrong++;
      e.misses.push(`ANSWERED out of scope${near ? " (near-miss)" : ""}: "${q}" → ${d.hits[0]?.id} (${d.hits[0]?.score.toFixed(2)})`);
    }
  }
  return e;
}

const ENGLISH_WORDS = new Set(["what", "how", "is", "are", "does", "who", "where", "when", "which", "why", "we", "our", "of", "for", "my", "you", "your", "there", "and", "with", "award", "company", "companies", "enterprise", "programme", "program", "support"]);

/** An English question, for the per-language figures: no Vietnamese letters and at least one English-only word. */
export function isEnglish(q: string): boolean {
  if (/[^\u0000-\u007f]/.test(q.normalize("NFC").replace(/[’‘“”–—…]/g, ""))) return false;
  return q
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .some((w) => ENGLISH_WORDS.has(w));
}

/** The set restricted to one language (out-of-scope questions too). */
export function byLanguage(set: DevSet, english: boolean): DevSet {
  return {
    ...set,
    inScope: set.inScope.filter((x) => isEnglish(x.q) === english),
    outOfScope: set.outOfScope.filter((q) => isEnglish(q) === english),
    outOfScopeNearMiss: set.outOfScopeNearMiss.filter((q) => isEnglish(q) === english),
  };
}
