/**
 * `npm run bench`: every benchmark, one after the other, each in its own process (so memory
 * figures do not mix). Each is also runnable alone (`npm run bench:load`, `bench:cold-start`,
 * `bench:national`, `bench:faq`, `bench:learning`, `bench:broadcast`, `bench:submissions`, `bench:desk`, `bench:zalo`). With `--json`
 * the figures of all of them end the output as one JSON line.
 */
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const BENCHES: { name: string; file: string; node?: string[] }[] = [
  { name: "load", file: "load.js" },
  { name: "cold-start", file: "cold-start.js" },
  { name: "national", file: "national.js", node: ["--max-old-space-size=1024"] },
  { name: "faq", file: "faq.js" },
  { name: "learning", file: "learning.js" },
  { name: "broadcast", file: "broadcast.js" },
  { name: "submissions", file: "submissions.js" },
  { name: "desk", file: "desk.js" },
  { name: "zalo", file: "zalo-webhook.js", node: ["--expose-gc"] },
];

const json = process.argv.includes("--json");
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const figures: Record<string, unknown> = {};
let failed = false;
for (const bench of BENCHES.filter((b) => only.length === 0 || only.includes(b.name))) {
  process.stdout.write(`\n=== ${bench.name} ===\n`);
  const run = spawnSync(process.execPath, [...(bench.node ?? []), path.join(here, bench.file), ...(json ? ["--json"] : [])], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (run.stdout ?? "").trimEnd().split("\n");
  const last = json ? lines.pop() : undefined;
  process.stdout.write(`${lines.join("\n")}\n`);
  if (run.status !== 0) failed = true;
  if (last) {
    try {
      figures[bench.name] = JSON.parse(last);
    } catch {
      process.stdout.write(`${last}\n`);
    }
  }
}
if (json) console.log(JSON.stringify({ bench: "all", machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version }, figures }));
process.exit(failed ? 1 : 0);
