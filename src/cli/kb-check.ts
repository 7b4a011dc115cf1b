import path from "node:path";
import { checkKnowledge } from "../services/kb-check.js";
import { dataDir as defaultDataDir, localesDir, projectRoot } from "../paths.js";
import { todayInVietnam } from "../domain/vietnam-time.js";

/**
 * `npm run cli -- kb check [--data <dir>]`: every content problem on its own line, naming the file
 * and entry; exit 1 if there is any. `--data` checks another copy of data/ (an official's edit).
 */
export async function kbCheckCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const dataAt = rest[0] === "--data" && rest[1] ? path.resolve(rest[1]) : rest.length === 0 ? defaultDataDir : null;
  if (sub !== "check" || dataAt === null) {
    process.stderr.write("Usage: npm run cli -- kb check [--data <dir>]\n");
    return 2;
  }
  const problems = checkKnowledge(dataAt, localesDir, todayInVietnam(new Date()));
  for (const p of problems) {
    const file = path.relative(projectRoot, p.file);
    process.stdout.write(`${file && !file.startsWith("..") ? file : p.file}${p.id ? ` [${p.id}]` : ""}: ${p.message}\n`);
  }
  process.stdout.write(problems.length ? `kb check: ${problems.length} problem(s)\n` : "kb check: content OK\n");
  return problems.length ? 1 : 0;
}
