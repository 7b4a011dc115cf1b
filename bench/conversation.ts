/**
 * `npm run bench:conversation`: replays issue 15's journeys (bench/journeys/*.ts) through the dialog
 * core and prints, per journey, the turns it took, the refusals (a question asked again when no
 * re-ask was expected), the steps whose answer lacked the expected words, and the characters the bot
 * sent (in all, and its longest message). Prints figures; asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import { coreTransport } from "./journeys/core-transport.js";
import { JOURNEYS, official } from "./journeys/index.js";
import { replay } from "./journeys/journey.js";

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-conversation-"));
  const parsed = parseConfig({ DATA_DIR: dir, OFFICIAL_TELEGRAM_IDS: official.who.id });
  if (!parsed.ok) throw new Error(parsed.error);
  const now = new Date("2026-11-22T03:00:00Z");
  const app = await createApp({ config: parsed.config, log: memoryLogger(), clock: () => now });
  try {
    const rows: string[][] = [["journey", "turns (budget)", "refusals", "missed", "bot chars", "longest message"]];
    for (const journey of JOURNEYS) {
      const r = await replay(journey, coreTransport(app, journey.who));
      rows.push([journey.name, `${r.turns} (${journey.maxTurns})`, String(r.refusals.length), String(r.missed.length), r.chars.toLocaleString("en-US"), r.longest.toLocaleString("en-US")]);
      for (const x of r.refusals) console.log(`  refused at step ${x.step}: ${JSON.stringify(x.typed)}`);
      for (const x of r.missed) console.log(`  step ${x.step} lacked ${JSON.stringify(x.expected)}`);
    }
    const widths = rows[0]!.map((_h, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
