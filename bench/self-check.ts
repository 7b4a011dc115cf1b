/**
 * `npm run bench:self-check`: plays the whole readiness self-check through the dialog core, as a
 * user pressing buttons and as one typing digits, and prints the taps (turns) it takes and the size
 * of what is stored per enterprise (the JSON of its record, one result and the five kept). Prints
 * figures; asserts nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, type App } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { textToEvent } from "../src/core/dispatcher.js";
import { memoryLogger } from "../src/core/log.js";
import { toPlainText } from "../src/core/markup.js";
import type { OutboundMessage, UserRef } from "../src/core/types.js";

const PROGRESS = /(Câu|Statement) (\d+)\/(\d+)/;

/** One self-check to its result; `typed`: answers typed as digits instead of pressed. Returns the turns the user took. */
async function play(app: App, user: UserRef, typed: boolean, level: (i: number) => number): Promise<{ turns: number; statements: number }> {
  let turns = 1;
  let replies: OutboundMessage[] = await app.conversation.handle(user, textToEvent("/tudanhgia"));
  let statements = 0;
  for (;;) {
    const text = replies.map((m) => toPlainText(m.text)).join("\n");
    const m = PROGRESS.exec(text);
    if (!m) break;
    statements = Number(m[3]);
    const n = Number(m[2]);
    const wanted = `${level(n)} ·`;
    if (typed) replies = await app.conversation.handle(user, textToEvent(String(level(n))));
    else {
      const button = replies.flatMap((r) => (r.buttons ?? []).flat()).find((b) => b.label.startsWith(wanted) || b.label.startsWith(`✅ ${wanted}`));
      if (!button) throw new Error(`no button ${wanted}`);
      replies = await app.conversation.handle(user, { kind: "button", data: button.data });
    }
    turns++;
  }
  return { turns, statements };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-bench-selfcheck-"));
  const parsed = parseConfig({ DATA_DIR: dir });
  if (!parsed.ok) throw new Error(parsed.error);
  let now = new Date("2026-11-22T03:00:00Z");
  const app = await createApp({ config: parsed.config, log: memoryLogger(), clock: () => now });
  try {
    const presser: UserRef = { channel: "telegram", id: "5001" };
    const typist: UserRef = { channel: "zalo", id: "5002" };
    const pressed = await play(app, presser, false, (i) => i % 5);
    const typed = await play(app, typist, true, (i) => (i * 3) % 5);
    const one = JSON.stringify(await app.storage.repos.selfChecks.get(`${presser.channel}:${presser.id}`)).length;
    for (let k = 0; k < 5; k++) {
      now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
      await play(app, presser, false, (i) => (i + k) % 5);
    }
    const record = await app.storage.repos.selfChecks.get(`${presser.channel}:${presser.id}`);
    const five = JSON.stringify(record).length;
    console.log(`self-check: ${pressed.statements} statements; ${pressed.turns} taps with buttons (the command + one per statement), ${typed.turns} messages typed`);
    console.log(`stored per enterprise: ${one} bytes of JSON with one result, ${five} bytes with the ${record?.results.length} kept`);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
