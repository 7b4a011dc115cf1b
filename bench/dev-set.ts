import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "../src/paths.js";
import { decide, type FaqDecision } from "../src/services/faq.js";
import type { SearchHit } from "../src/knowledge/search.js";

/** A labelled question set in test/fixtures/: in-scope questions with the entry that must answer, and questions to refuse. */
export const devSetSchema = z.object({
  version: z.literal(1),
  note: z.string().optional(),
  inScope: z.array(z.object({ q: z.string().min(1), id: z.string().min(1) })).min(1),
  /** Empty in a set written by `kb learned` (learned phrasings are all in scope). */
  outOfScope: z.array(z.string().min(1)),
});
export type DevSet = z.infer<typeof devSetSchema>;

export type DevSetName = "faq-dev" | "faq-holdout" | "faq-holdout-2" | "faq-holdout-3";

export function readDevSet(name: DevSetName): DevSet {
  return devSetSchema.parse(JSON.parse(readFileSync(path.join(projectRoot, "test", "fixtures", `${name}.json`), "utf8")));
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
  misses: string[];
}

/** Runs a question set through a search function and the FAQ's answer-or-refuse decision. */
export function evaluate(set: DevSet, search: (q: string) => SearchHit[], rule: (hits: SearchHit[]) => FaqDecision = decide): Evaluation {
  const e: Evaluation = { inScope: set.inScope.length, outOfScope: set.outOfScope.length, answeredRight: 0, answeredWrong: 0, rankedFirst: 0, refused: 0, misses: [] };
  for (const { q, id } of set.inScope) {
    const d = rule(search(q));
    const top = d.hits[0];
    if (top?.id === id) e.rankedFirst++;
    if (d.matched && top?.id === id) e.answeredRight++;
    else {
      if (d.matched) e.answeredWrong++;
      e.misses.push(`${d.matched ? "WRONG" : "refused"}: "${q}" → ${top?.id ?? "nothing"} (${top?.score.toFixed(2) ?? "-"}), expected ${id}`);
    }
  }
  for (const q of set.outOfScope) {
    const d = rule(search(q));
    if (!d.matched) e.refused++;
    else e.misses.push(`ANSWERED out of scope: "${q}" → ${d.hits[0]?.id} (${d.hits[0]?.score.toFixed(2)})`);
  }
  return e;
}
