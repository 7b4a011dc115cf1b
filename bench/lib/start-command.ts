import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/paths.js";

/**
 * The Node flags `npm start` gives the bot. package.json is their one home; benchmarks and the
 * tests that start the bot as a process read them from there, so they run it the way production does.
 */
export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const start = pkg.scripts?.start ?? "";
  const m = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js$/.exec(start);
  if (!m) throw new Error(`package.json "start" should be "node [--flags] dist/src/main.js", not ${JSON.stringify(start)}`);
  return m[1]!.trim() ? m[1]!.trim().split(/\s+/) : [];
}
