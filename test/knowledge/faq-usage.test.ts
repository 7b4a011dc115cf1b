import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { devSetSchema, evaluate } from "../../bench/dev-set.js";
import { loadTranslator } from "../../src/core/i18n.js";
import { partialDateSchema } from "../../src/domain/dates.js";
import { readFoundingQuestion } from "../../src/domain/founding-question.js";
import { loadProvince } from "../../src/knowledge/province.js";
import { dataDir, localesDir, projectRoot } from "../../src/paths.js";
import { loadFaq } from "../../src/services/faq.js";

/**
 * test/fixtures/faq-dev-usage.json (issue 14): questions about using the bot, specific answerable
 * cases and founding dates asked against the 36-month rule. The search must answer ≥ 95% of the
 * in-scope ones with the labelled entry; the founding dates must be read as written (the FAQ flow
 * computes those before any search).
 */
const file = path.join(projectRoot, "test", "fixtures", "faq-dev-usage.json");
const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
const set = devSetSchema.parse(raw);
const computed = z.object({ computed: z.array(z.object({ q: z.string().min(1), founded: partialDateSchema })).min(1) }).parse(raw).computed;

describe("FAQ accuracy on questions about using the bot and specific cases", () => {
  const { faq, kb } = loadFaq(dataDir, loadProvince(dataDir, "dong-nai"), loadTranslator(localesDir));
  const result = evaluate(set, (q) => faq.index.search(q, 5));

  it("has at least 40 questions, each labelled with an entry that exists", () => {
    expect(set.inScope.length + computed.length).toBeGreaterThanOrEqual(40);
    expect(set.inScope.filter(({ id }) => !kb.entry(id)).map(({ id }) => id)).toEqual([]);
  });

  it("answers at least 95% of the in-scope questions with the labelled entry", () => {
    const misses = result.misses.filter((m) => !m.startsWith("ANSWERED"));
    expect(result.answeredRight / result.inScope, `misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  });

  it("never answers an in-scope question of this set with another entry", () => {
    expect(result.misses.filter((m) => m.startsWith("WRONG"))).toEqual([]);
  });

  it("reads the founding date of every question about the 36-month rule", () => {
    for (const { q, founded } of computed) expect(readFoundingQuestion(q), q).toEqual(founded);
    // …and of none of the other questions.
    expect(set.inScope.filter(({ q }) => readFoundingQuestion(q) !== null).map(({ q }) => q)).toEqual([]);
    expect(set.outOfScope.filter((q) => readFoundingQuestion(q) !== null)).toEqual([]);
  });
});
