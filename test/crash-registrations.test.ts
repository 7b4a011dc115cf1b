import { describe, expect, it } from "vitest";
import { webUserIdOf, type WebMessage } from "../src/channels/web/chat.js";
import { taxCheckDigit } from "../src/domain/tax-code.js";
import { startBotProcess, type BotProcess } from "./helpers/bot-process.js";
import { LAN_ANSWERS, QUESTION, addressOf, type Question } from "./helpers/registration-script.js";
import { testApp } from "./helpers/app.js";
import { useTempDirs } from "./helpers/temp-dir.js";

const tempDir = useTempDirs();
const USERS = 200;
const KILLS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A distinct valid tax code per person: each tries only its own ten candidates. */
function taxCode(n: number): string {
  for (let k = n * 10; ; k++) {
    const first9 = String(371_234_567 + k).padStart(9, "0");
    const check = taxCheckDigit(first9);
    if (check !== null) return `${first9}${check}`;
  }
}

/** A person registering on the web chat who reads what the bot asks and answers that — so a crash anywhere is survivable. */
class Registrant {
  confirmed: string | null = null;
  /** A code learned another way: the confirmation was lost to a kill, and registering again showed the saved one. */
  existing: string | null = null;
  lastText = "";
  lastButtons: { label: string; data: string }[] = [];
  resumed = 0;
  readonly session: string;
  readonly answers: Map<Question, { say?: string; press?: string }>;

  constructor(readonly n: number) {
    this.session = `crash-user-${String(n).padStart(8, "0")}`;
    this.answers = new Map(LAN_ANSWERS.map((a) => [a.at, a.at === "taxCode" ? { say: taxCode(n) } : a]));
  }

  /** What to send next, from the last reply. */
  next(): { text: string } | { button: string } {
    const text = this.lastText;
    if (text.includes("Chào mừng Quý doanh nghiệp trở lại")) this.resumed++;
    if (text.includes(QUESTION.summary)) return this.press("Gửi đăng ký");
    let latest: Question | null = null;
    let at = -1;
    for (const q of Object.keys(QUESTION) as Question[]) {
      const i = text.lastIndexOf(QUESTION[q]);
      if (i > at) [latest, at] = [q, i];
    }
    const answer = latest ? this.answers.get(latest) : undefined;
    if (!answer) return { text: "/dangky gtclqg" };
    return answer.press ? this.press(answer.press) : { text: answer.say! };
  }

  press(label: string): { button: string } | { text: string } {
    const button = this.lastButtons.find((b) => b.label.includes(label));
    return button ? { button: button.data } : { text: "/dangky gtclqg" };
  }

  heard(messages: WebMessage[]): void {
    this.lastText = messages.map((m) => m.text).join("\n");
    this.lastButtons = messages.flatMap((m) => m.buttons.flat());
    const code = /Mã hồ sơ: (GT-\d{4}-\d{4})/.exec(this.lastText)?.[1];
    if (code) this.confirmed = code;
    const saved = /đã đăng ký .* mã hồ sơ (GT-\d{4}-\d{4})/.exec(this.lastText)?.[1];
    if (saved) this.existing = saved;
  }

  get done(): boolean {
    return this.confirmed !== null || this.existing !== null;
  }
}

describe("200 registrations while the bot is killed five times", () => {
  it("keeps every confirmed submission exactly once, every file valid, every form resumable", async () => {
    const dir = await tempDir();
    const people = Array.from({ length: USERS }, (_, n) => new Registrant(n));
    // Behind a reverse proxy, as deployed: each person is counted at their own address.
    const behindProxy = { WEB_TRUSTED_PROXY: "127.0.0.1" };
    let bot: BotProcess = await startBotProcess({ DATA_DIR: dir, ...behindProxy });
    let generation = 0;

    const drive = async (person: Registrant) => {
      let interrupted = false;
      for (let requests = 0; !person.done; requests++) {
        // A registration takes ~25 answers; hundreds mean the bot and the person are going round in circles.
        if (requests > 400) throw new Error(`${person.session} is stuck at: ${person.lastText} ⇒ ${JSON.stringify(person.next())} buttons ${JSON.stringify(person.lastButtons)}`);
        const mine = generation;
        // After a failed request we do not know what the bot saved: ask to continue instead of repeating.
        const payload = interrupted ? { text: "/dangky gtclqg" } : person.next();
        try {
          const res = await fetch(`${bot.url}api/chat`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": addressOf(person.n) },
            body: JSON.stringify({ session: person.session, ...payload }),
          });
          if (res.status === 429) {
            await sleep(1000);
            continue;
          }
          expect(res.status).toBe(200);
          person.heard(((await res.json()) as { messages: WebMessage[] }).messages);
          interrupted = false;
        } catch {
          interrupted = true;
          while (generation === mine) await sleep(20);
        }
      }
    };

    try {
      const everyone = Promise.all(people.map(drive));
      for (let kill = 0; kill < KILLS; kill++) {
        await sleep(300 + Math.random() * 1500);
        await bot.stop("SIGKILL");
        // What a killed bot left must open and validate (the restart below would fail otherwise).
        bot = await startBotProcess({ DATA_DIR: dir, ...behindProxy });
        generation++;
      }
      await everyone;
    } finally {
      await bot.stop("SIGTERM");
    }
    expect(bot.child.exitCode).toBe(0);

    // Read back on the backend the bot ran on (the folder's files, or its database).
    const app = await testApp(dir);
    const stored = await app.storage.repos.submissions.page({}, null, 10_000);
    await app.close();
    for (const person of people) {
      const mine = stored.filter((s) => s.organisation.taxCode === taxCode(person.n));
      // Exactly one submission each: the one confirmed, or — when the confirmation was lost to a kill — the one shown on trying again.
      expect(mine.map((s) => s.code), person.session).toEqual([person.confirmed ?? person.existing]);
      expect(mine[0]?.owner.userKey).toBe(`web:${webUserIdOf(person.session)}`);
    }
    expect(stored).toHaveLength(USERS);
    // Some forms were interrupted mid-way and picked up again with their answers.
    expect(people.some((p) => p.resumed > 0)).toBe(true);
  }, 240_000);
});
