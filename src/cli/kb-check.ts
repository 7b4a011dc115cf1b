import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkEditedContent, checkKnowledge, checkLearnedContent } from "../services/kb-check.js";
import { loadTranslator } from "../core/i18n.js";
import { loadProvince } from "../knowledge/province.js";
import { exportLearned, learnedDevSet } from "../services/kb-export.js";
import { readKnowledge, type ContentProblem } from "../knowledge/kb.js";
import { compileLexicon, readLexiconFile } from "../knowledge/lexicon.js";
import { dataDir as defaultDataDir, localesDir, projectRoot } from "../paths.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import { openAppForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const KB_USAGE = [
  "kb check [--data <dir>] [--store]   validate the knowledge base, lexicon, province profiles, locales (--store: and the learned and edited content in the store)",
  "  kb export-learned --out <dir>       the learned content in the data/ format (entry files with the phrasings added, approved new entries)",
  "  kb learned --out <file>             the learned phrasings as labelled questions (the format of test/fixtures/faq-dev.json)",
].join("\n");

/** The learned records in the store the bot uses (read-only: works while the bot runs). */
async function learnedRecords(io: CliIo) {
  return (await storeContent(io)).learned;
}

/** The learned records and the officials' edited content in the store, and the deployment's province. */
async function storeContent(io: CliIo) {
  const app = await openAppForCli({ readOnly: true, ...(io.config ? { config: io.config } : {}) });
  try {
    return { learned: await app.services.kbLearning.history(), edited: await app.services.content.documents(), province: app.config.PROVINCE };
  } finally {
    await app.close();
  }
}

/**
 * `npm run cli -- kb check [--data <dir>] [--store]`: every content problem on its own line, naming
 * the file and entry; exit 1 if there is any. `--data` checks another copy of data/ (an official's
 * edit); `--store` also checks what officials taught, in the store the bot uses.
 */
async function check(args: string[], io: CliIo): Promise<number> {
  const opts = options(args, { data: { type: "string" }, store: { type: "boolean" } }, io, KB_USAGE);
  if (!opts) return 2;
  const dataAt = opts.data ? path.resolve(opts.data) : defaultDataDir;
  const today = todayInVietnam(new Date());
  const problems: ContentProblem[] = checkKnowledge(dataAt, localesDir, today);
  let learned = 0;
  let edited = 0;
  if (opts.store) {
    const stored = await storeContent(io);
    learned = stored.learned.length;
    edited = stored.edited.length;
    const { content } = readKnowledge(dataAt);
    const lexicon = compileLexicon(readLexiconFile(dataAt));
    // The officials' edits over data/, then what was learned over that (as the bot serves them).
    let served = content;
    if (edited) {
      const checked = checkEditedContent(content, loadProvince(dataAt, stored.province), stored.edited, { lexicon, translator: loadTranslator(localesDir), today });
      problems.push(...checked.problems);
      served = checked.served;
    }
    problems.push(...checkLearnedContent(served, lexicon, stored.learned, today));
  }
  for (const p of problems) {
    const file = path.relative(projectRoot, p.file);
    io.out(`${file && !file.startsWith("..") ? file : p.file}${p.id ? ` [${p.id}]` : ""}: ${p.message}\n`);
  }
  const scope = opts.store ? ` (with ${learned} learned change(s)${edited ? ` and ${edited} edited document(s)` : ""} from the store)` : "";
  io.out(problems.length ? `kb check: ${problems.length} problem(s)${scope}\n` : `kb check: content OK${scope}\n`);
  return problems.length ? 1 : 0;
}

/** `kb export-learned --out DIR`: files to copy over data/ (then `kb check`, then commit). */
async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const opts = options(args, { out: { type: "string" } }, io, KB_USAGE);
  if (!opts) return 2;
  if (!opts.out) {
    io.err(`--out is required\nUsage: npm run cli -- ${KB_USAGE}\n`);
    return 2;
  }
  const records = (await learnedRecords(io)).map((r) => r.record);
  const { content } = readKnowledge(defaultDataDir);
  const result = exportLearned(defaultDataDir, content, records);
  const out = path.resolve(opts.out);
  for (const f of result.files) {
    await mkdir(path.dirname(path.join(out, f.path)), { recursive: true });
    await writeFile(path.join(out, f.path), f.text);
  }
  for (const w of result.warnings) io.out(`warning: ${w}\n`);
  io.out(`kb export-learned: ${result.phrasings} phrasing(s), ${result.entries} approved entr${result.entries === 1 ? "y" : "ies"} → ${result.files.length} file(s) in ${out} (paths as under data/; copy them over data/ and run kb check)\n`);
  return 0;
}

/** `kb learned --out FILE`: the learned phrasings as a labelled question set. */
async function learnedCommand(args: string[], io: CliIo): Promise<number> {
  const opts = options(args, { out: { type: "string" } }, io, KB_USAGE);
  if (!opts) return 2;
  if (!opts.out) {
    io.err(`--out is required\nUsage: npm run cli -- ${KB_USAGE}\n`);
    return 2;
  }
  const set = learnedDevSet((await learnedRecords(io)).map((r) => r.record), new Date());
  const out = path.resolve(opts.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(set, null, 2)}\n`);
  io.out(`kb learned: ${set.inScope.length} labelled question(s) → ${out}\n`);
  return 0;
}

export async function kbCheckCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "check") return check(rest, io);
  if (sub === "export-learned") return exportCommand(rest, io);
  if (sub === "learned") return learnedCommand(rest, io);
  io.err(`Usage: npm run cli -- ${KB_USAGE}\n`);
  return 2;
}
