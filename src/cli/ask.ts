import { createInterface } from "node:readline";
import { loadConfig } from "../config.js";
import { loadTranslator } from "../core/i18n.js";
import { toPlainText } from "../core/markup.js";
import { LOCALES, type Locale } from "../core/types.js";
import { loadProvince } from "../knowledge/province.js";
import { dataDir, localesDir } from "../paths.js";
import { loadFaq, type FaqEngine } from "../services/faq.js";
import { startupProblem } from "../startup-errors.js";

/** What `ask --json` prints for one question: one JSON object on one line. */
export interface AskResult {
  matched: boolean;
  id: string | null;
  /** The full text the user would see (plain text), or null when the bot would not answer. */
  answer: string | null;
  score: number | null;
  /** Entry ids of the closest questions the bot would offer instead. */
  suggestions: string[];
}

export function askOnce(faq: FaqEngine, question: string, locale: Locale): AskResult {
  const r = faq.lookup(question, locale);
  return r.matched
    ? { matched: true, id: r.id, answer: toPlainText(r.answer), score: r.score, suggestions: [] }
    : { matched: false, id: null, answer: null, score: null, suggestions: r.suggestions.map((s) => s.id) };
}

function parseArgs(args: string[]): { question: string; locale: Locale | null; json: boolean; stdin: boolean } | string {
  let locale: Locale | null = null;
  let json = false;
  let stdin = false;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--json") json = true;
    else if (a === "--stdin") stdin = true;
    else if (a === "--lang") {
      const v = args[++i];
      if (!v || !(LOCALES as readonly string[]).includes(v)) return `--lang must be one of ${LOCALES.join(", ")}`;
      locale = v as Locale;
    } else words.push(a);
  }
  const question = words.join(" ").trim();
  if (stdin && question) return "give a question or --stdin, not both";
  if (!stdin && !question) return 'usage: npm run --silent cli -- ask "<question>" [--lang vi|en] [--json]   or   ask --stdin';
  return { question, locale, json, stdin };
}

/**
 * `npm run --silent cli -- ask "<question>" [--lang vi|en] --json`: the answer the bot would give,
 * from data/ alone (no DATA_DIR, so it runs beside a running bot). `--stdin`: one JSON line per input
 * line, in order. Only the results go to stdout.
 */
export async function askCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    return 1;
  }
  let faq: FaqEngine;
  try {
    const translator = loadTranslator(localesDir, (m) => process.stderr.write(`${m}\n`));
    faq = loadFaq(dataDir, loadProvince(dataDir, loaded.config.PROVINCE), translator).faq;
  } catch (error) {
    const problem = startupProblem(error);
    if (!problem) throw error;
    process.stderr.write(`${problem}\n`);
    return 1;
  }
  const locale = parsed.locale ?? loaded.config.DEFAULT_LOCALE;

  if (parsed.stdin) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) process.stdout.write(`${JSON.stringify(askOnce(faq, line, locale))}\n`);
    return 0;
  }
  const result = askOnce(faq, parsed.question, locale);
  if (parsed.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (result.matched) {
    process.stdout.write(`${result.answer}\n\n[${result.id}, score ${result.score}]\n`);
  } else {
    const lines = result.suggestions.map((id) => `  ${id}`);
    process.stdout.write(`(no confident answer)${lines.length ? `\nclosest questions:\n${lines.join("\n")}` : ""}\n`);
  }
  return 0;
}
