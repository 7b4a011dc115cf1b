import { describe, expect, it } from "vitest";
import { evaluate, readDevSet } from "../../bench/dev-set.js";
import { loadTranslator } from "../../src/core/i18n.js";
import { loadProvince } from "../../src/knowledge/province.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { loadFaq } from "../../src/services/faq.js";

/**
 * The development set (test/fixtures/faq-dev.json): questions as enterprises type them, labelled
 * with the entry that must answer. The search must answer ≥ 90% of the in-scope ones with that
 * entry and refuse ≥ 90% of the out-of-scope ones. The benchmark reports the held-out sets too.
 */
describe("FAQ accuracy on the development set", () => {
  const { faq, kb } = loadFaq(dataDir, loadProvince(dataDir, "dong-nai"), loadTranslator(localesDir));
  const dev = readDevSet("faq-dev");
  const result = evaluate(dev, (q) => faq.index.search(q, 5));

  it("is big enough to mean something", () => {
    expect(dev.inScope.length).toBeGreaterThanOrEqual(150);
    expect(dev.outOfScope.length).toBeGreaterThanOrEqual(40);
    // Every label names an entry that exists.
    expect(dev.inScope.filter(({ id }) => !kb.entry(id)).map(({ id }) => id)).toEqual([]);
  });

  it("answers at least 90% of in-scope questions with the labelled entry", () => {
    const misses = result.misses.filter((m) => !m.startsWith("ANSWERED"));
    expect(result.answeredRight / result.inScope, `misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("refuses at least 90% of out-of-scope questions", () => {
    const answered = result.misses.filter((m) => m.startsWith("ANSWERED"));
    expect(result.refused / result.outOfScope, `answered:\n${answered.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });
});
