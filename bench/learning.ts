/**
 * `npm run bench:learning`: the learning loop in numbers. The labelled FAQ questions (the
 * development set and the held-out sets in test/fixtures/) are split deterministically by a hash
 * of each question: slice A is "asked in production", slice B is never seen. Every question of A
 * the FAQ refuses or answers wrongly goes, with its labelled entry as the official's choice,
 * through `services.kbLearning.addPhrasing` — what the inbox's "add as a phrasing" button calls.
 * Prints the right-answer rate and the confident-wrong count on B before and after, on A after,
 * and the out-of-scope refusal rate before and after. Prints figures; asserts nothing.
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createApp, type App } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import { toPlainText } from "../src/core/markup.js";
import { readDevSet, type DevSetName } from "./dev-set.js";

const SETS: DevSetName[] = ["faq-dev", "faq-holdout", "faq-holdout-2", "faq-holdout-3"];
const OFFICIAL = "900001";

interface Labelled {
  q: string;
  id: string;
}

/** Slice A ("asked in production") when the first byte of the question's SHA-256 is even. */
const inSliceA = (q: string) => createHash("sha256").update(q).digest()[0]! % 2 === 0;

/** English questions are filed as English phrasings (of entries that have English). */
const looksEnglish = (q: string) => !/[^\x00-\x7f]/.test(q) && /\b(what|how|who|when|where|which|can|do|does|is|are|the|my|i)\b/i.test(q);

interface Score {
  n: number;
  right: number;
  wrong: number;
  refused: number;
}

/** Right, wrong or refused, per question (what each answer was). */
function outcomes(app: App, questions: readonly Labelled[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { q, id } of questions) {
    const r = app.services.faq.lookup(q, "vi");
    out.set(q, !r.matched ? "refused" : r.id === id ? "right" : `wrong (${r.id})`);
  }
  return out;
}

function score(app: App, questions: readonly Labelled[]): Score {
  const s: Score = { n: questions.length, right: 0, wrong: 0, refused: 0 };
  for (const outcome of outcomes(app, questions).values()) {
    if (outcome === "refused") s.refused++;
    else if (outcome === "right") s.right++;
    else s.wrong++;
  }
  return s;
}

function refusals(app: App, questions: readonly string[]): { n: number; refused: number } {
  let refused = 0;
  for (const q of questions) if (!app.services.faq.lookup(q, "vi").matched) refused++;
  return { n: questions.length, refused };
}

const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 0);

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const seen = new Set<string>();
  const all: Labelled[] = [];
  const outOfScope: string[] = [];
  for (const name of SETS) {
    const set = readDevSet(name);
    for (const x of set.inScope) if (!seen.has(x.q)) (seen.add(x.q), all.push(x));
    outOfScope.push(...set.outOfScope);
  }
  const sliceA = all.filter((x) => inSliceA(x.q));
  const sliceB = all.filter((x) => !inSliceA(x.q));

  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-learning-"));
  const parsed = parseConfig({ DATA_DIR: dir, OFFICIAL_TELEGRAM_IDS: OFFICIAL });
  if (!parsed.ok) throw new Error(parsed.error);
  const now = new Date("2026-11-22T03:00:00Z");
  const app = await createApp({ config: parsed.config, log: memoryLogger(), clock: () => now });
  try {
    const beforeB = score(app, sliceB);
    const outcomesB = outcomes(app, sliceB);
    const beforeA = score(app, sliceA);
    const beforeOut = refusals(app, outOfScope);

    // Slice A through the FAQ; each miss is taught as a phrasing of its labelled entry.
    let taught = 0;
    const refusedChanges = new Map<string, number>();
    const refusedTexts: string[] = [];
    const times: number[] = [];
    for (const { q, id } of sliceA) {
      const r = app.services.faq.lookup(q, "vi");
      if (r.matched && r.id === id) continue;
      const english = looksEnglish(q);
      const t0 = performance.now();
      let result = await app.services.kbLearning.addPhrasing({ entryId: id, text: q, locale: english ? "en" : "vi", by: `telegram:${OFFICIAL}`, now, itemId: null });
      if (!result.ok && result.error.key === "learn-error-no-english") result = await app.services.kbLearning.addPhrasing({ entryId: id, text: q, locale: "vi", by: `telegram:${OFFICIAL}`, now, itemId: null });
      times.push(performance.now() - t0);
      if (result.ok) taught++;
      else {
        refusedChanges.set(result.error.key, (refusedChanges.get(result.error.key) ?? 0) + 1);
        refusedTexts.push(`  "${q}" → ${id}: ${toPlainText(app.translator.t("en", result.error.key, result.error.args)).replace(/\s+/g, " ")}`);
      }
    }
    const afterB = score(app, sliceB);
    const changedB = [...outcomes(app, sliceB)].filter(([q, o]) => outcomesB.get(q) !== o).map(([q, o]) => `  "${q}" (${sliceB.find((x) => x.q === q)!.id}): ${outcomesB.get(q)} → ${o}`);
    const afterA = score(app, sliceA);
    const afterOut = refusals(app, outOfScope);
    times.sort((a, b) => a - b);
    const median = times.length ? times[Math.floor(times.length / 2)]! : 0;

    const row = (label: string, s: Score) => `| ${label.padEnd(28)} | ${String(s.n).padStart(4)} | ${`${pct(s.right, s.n)} %`.padStart(7)} | ${String(s.wrong).padStart(13)} | ${String(s.refused).padStart(7)} |`;
    const lines = [
      `Labelled in-scope questions: ${all.length} (slice A ${sliceA.length}, slice B ${sliceB.length}); out-of-scope: ${outOfScope.length}`,
      `Slice A misses taught as phrasings: ${taught}; refused by the checks: ${[...refusedChanges].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}; one change (checks + commit + rebuild) median ${median.toFixed(0)} ms`,
      ...refusedTexts,
      "",
      "| slice                        |    n |  right | confident-wrong | refused |",
      "| ---------------------------- | ---- | ------ | --------------- | ------- |",
      row("B (unseen), before", beforeB),
      row("B (unseen), after", afterB),
      row("A (asked), before", beforeA),
      row("A (asked), after", afterA),
      "",
      `Slice B questions whose outcome changed: ${changedB.length}`,
      ...changedB,
      `Out-of-scope refused: before ${pct(beforeOut.refused, beforeOut.n)} %, after ${pct(afterOut.refused, afterOut.n)} % (${afterOut.n} questions)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ sliceA: sliceA.length, sliceB: sliceB.length, taught, refusedChanges: Object.fromEntries(refusedChanges), beforeB, afterB, beforeA, afterA, beforeOut, afterOut, changeMedianMs: Math.round(median) })}\n`,
      );
    }
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
