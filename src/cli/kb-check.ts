import path from "node:path";
import { checkKnowledge } from "../knowledge/kb-check.js";
import { vietnamDate } from "../services/award-calendar.js";
import { dataDir, localesDir, projectRoot } from "../paths.js";

/** `npm run cli -- kb check`: every content problem on its own line, naming the entry; exit 1 if any. */
export async function kbCheckCommand(args: string[]): Promise<number> {
  if (args[0] !== "check") {
    process.stderr.write("Usage: npm run cli -- kb check\n");
    return 2;
  }
  const problems = checkKnowledge(dataDir, localesDir, vietnamDate(new Date()));
  for (const p of problems) {
    process.stdout.write(`${path.relative(projectRoot, p.file) || "."}${p.id ? ` [${p.id}]` : ""}: ${p.message}\n`);
  }
  process.stdout.write(problems.length ? `kb check: ${problems.length} problem(s)\n` : "kb check: content OK\n");
  return problems.length ? 1 : 0;
}
