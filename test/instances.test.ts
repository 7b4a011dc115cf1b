import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { WebMessage } from "../src/channels/web/chat.js";
import { say, type JsonValue } from "../src/core/feature.js";
import { esc, toPlainText } from "../src/core/markup.js";
import type { OutboundMessage, UserRef } from "../src/core/types.js";
import type { BotFeature } from "../src/flows/context.js";
import { projectRoot } from "../src/paths.js";
import { testApp } from "./helpers/app.js";
import { announce, OFFICIAL, seedUsers } from "./helpers/broadcast.js";
import { startBotProcess, type BotProcess } from "./helpers/bot-process.js";
import { TEST_TOKEN } from "./helpers/fake-telegram.js";
import { startFakeTelegramHttp, type FakeTelegramHttp } from "./helpers/fake-telegram-http.js";
import { testDatabaseUrl } from "./helpers/postgres.js";
import { LAN_ANSWERS, QUESTION, addressOf, type Question } from "./helpers/registration-script.js";
import { taxCodeFor } from "../bench/lib/large-store.js";
import { useTempDirs } from "./helpers/temp-dir.js";

/**
 * Several bot instances on one PostgreSQL database, the deployment of README "Several instances":
 * each test starts its own instances on a fresh database (these run once, whatever the project).
 */
const tempDir = useTempDirs();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const texts = (messages: OutboundMessage[]) => messages.map((m) => toPlainText(m.text));

const processes: BotProcess[] = [];
let fake: FakeTelegramHttp | null = null;
afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop("SIGKILL")));
  await fake?.close();
  fake = null;
});

/** The same database for two instances: `DATA_DIR` differs (each its own folder), the store is shared. */
const onDatabase = (url: string, more: Record<string, string> = {}) => ({ STORE: "postgres", DATABASE_URL: url, INSTANCES_EXPECTED: "2", ...more });

/** /cham: a slow turn (it holds the user's turn for a while) that starts a count; each later message adds one. */
const slowCounter: BotFeature = {
  name: "slow-counter-fixture",
  commands: [
    {
      names: ["cham"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: async (ctx) => {
        await sleep(300);
        return { ...say(esc("1")), dialog: ctx.begin("slow-count", { count: 1 } as JsonValue) };
      },
    },
  ],
  flows: [
    {
      id: "slow-count",
      onEvent(ctx, _event, dialog) {
        const count = (dialog.data as { count: number }).count + 1;
        return { ...say(esc(String(count))), dialog: ctx.advance({ count } as JsonValue) };
      },
    },
  ],
};

describe("several instances on one PostgreSQL database", () => {
  it("handles one user's updates delivered to two instances one after the other, in order", async () => {
    const url = await testDatabaseUrl();
    const a = await testApp(await tempDir(), { env: onDatabase(url), extraFeatures: [slowCounter] });
    const b = await testApp(await tempDir(), { env: onDatabase(url), extraFeatures: [slowCounter] });
    const lan: UserRef = { channel: "telegram", id: "4201" };
    const answered: string[] = [];
    const deliver = (name: string) => async (messages: OutboundMessage[]) => void answered.push(`${name}:${texts(messages).join("|")}`);
    // The first update reaches instance A and takes a while; the next reaches B while A is still at it.
    const first = a.conversation.handle(lan, { kind: "command", name: "cham", args: "" }, deliver("a"));
    await sleep(50);
    const second = b.conversation.handle(lan, { kind: "text", text: "tiếp" }, deliver("b"));
    const third = (async () => {
      await sleep(10);
      return a.conversation.handle(lan, { kind: "text", text: "nữa" }, deliver("a"));
    })();
    await Promise.all([first, second, third]);
    // B waited for A's turn and saw its count; A's next waited for B's.
    expect(answered).toEqual(["a:1", "b:2", "a:3"]);
    // Without the shared lock B would have answered first, from an empty dialog: the test can fail.
    expect((await a.storage.repos.dialogs.get("telegram:4201"))?.data).toEqual({ count: 3 });
    await a.close();
    await b.close();
  });

  it("delivers a broadcast of 2,000 recipients run by two instances exactly once each, together within BROADCAST_RATE", async () => {
    const RATE = 200;
    const recipients = Array.from({ length: 2000 }, (_, i) => String(9_000_001 + i));
    const url = await testDatabaseUrl();
    fake = await startFakeTelegramHttp({ latencyMs: [5, 25] });
    const seeded = await testApp(await tempDir(), { env: onDatabase(url, { OFFICIAL_TELEGRAM_IDS: OFFICIAL }) });
    await seedUsers(seeded, recipients.map((id) => ({ id, choice: "yes" as const })));
    const job = await announce(seeded, "Thông báo: hạn nộp hồ sơ Giải thưởng Chất lượng Quốc gia năm 2026.");
    await seeded.close();

    const env = onDatabase(url, {
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      WEBHOOK_URL: "http://127.0.0.1:9/telegram/hook",
      OFFICIAL_TELEGRAM_IDS: OFFICIAL,
      BROADCAST_RATE: String(RATE),
    });
    processes.push(await startBotProcess({ ...env, DATA_DIR: await tempDir() }), await startBotProcess({ ...env, DATA_DIR: await tempDir() }));
    const delivered = () => recipients.reduce((n, id) => n + fake!.delivered(id), 0);
    const report = () => fake!.calls.filter((c) => c.chatId === OFFICIAL && c.method === "sendMessage" && String(c.payload.text).includes("đã gửi xong"));
    for (const end = Date.now() + 60_000; report().length === 0; await sleep(50)) if (Date.now() > end) throw new Error(`timed out at ${delivered()} of 2,000`);
    await sleep(300);

    // Exactly once each, counted where Telegram would count them.
    expect(recipients.filter((id) => fake!.delivered(id) !== 1)).toEqual([]);
    expect(delivered()).toBe(2000);
    const sends = fake.sentAt.filter((s) => s.method === "sendMessage" && s.chatId !== OFFICIAL).map((s) => s.at).sort((x, y) => x - y);
    // Together within the rate: no sliding second holds more than the rate and one tenth's share.
    let worst = 0;
    for (let i = 0, j = 0; i < sends.length; i++) {
      while (sends[i]! - sends[j]! >= 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(RATE + RATE / 10);
    // The end reported once, by one of them.
    expect(report()).toHaveLength(1);
    const app = await testApp(await tempDir(), { env: onDatabase(url) });
    expect((await app.services.broadcasts.get(job.id))?.state).toBe("done");
    expect(await app.storage.repos.deliveries.summary(job.id)).toMatchObject({ counts: { sent: 2000, uncertain: 0 }, inFlight: 0, waiting: 0 });
    await app.close();
  }, 90_000);

  it("loses no acknowledged registration when one instance is SIGKILLed mid-load, and the other carries on", async () => {
    const url = await testDatabaseUrl();
    const people = Array.from({ length: 60 }, (_, n) => new Registrant(n));
    // Behind the load balancer, as deployed: each person is counted at their own address.
    const a = await startBotProcess({ ...onDatabase(url), DATA_DIR: await tempDir(), WEB_TRUSTED_PROXY: "127.0.0.1" });
    const b = await startBotProcess({ ...onDatabase(url), DATA_DIR: await tempDir(), WEB_TRUSTED_PROXY: "127.0.0.1" });
    processes.push(a, b);
    let aAlive = true;
    // Half the people write to A, half to B, as a load balancer would spread them.
    const drive = async (person: Registrant) => {
      for (let requests = 0; !person.done; requests++) {
        if (requests > 300) throw new Error(`${person.session} is stuck at: ${person.lastText}`);
        const bot = person.n % 2 === 0 && aAlive ? a : b;
        const payload = person.interrupted ? { text: "/dangky gtclqg" } : person.next();
        try {
          const res = await fetch(`${bot.url}api/chat`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": addressOf(person.n) },
            body: JSON.stringify({ session: person.session, ...payload }),
          });
          if (res.status === 429) {
            await sleep(500);
            continue;
          }
          expect(res.status).toBe(200);
          person.heard(((await res.json()) as { messages: WebMessage[] }).messages);
          person.interrupted = false;
        } catch {
          // The instance went away mid-request: the balancer sends the next request to the other one.
          person.interrupted = true;
        }
      }
    };
    const everyone = Promise.all(people.map(drive));
    // Kill A while registrations are under way on both.
    for (const end = Date.now() + 30_000; people.filter((p) => p.done).length < 10; await sleep(20)) if (Date.now() > end) throw new Error("no registration finished");
    await a.stop("SIGKILL");
    aAlive = false;
    await everyone;

    const app = await testApp(await tempDir(), { env: onDatabase(url) });
    const stored = await app.storage.repos.submissions.page({}, null, 1000);
    for (const person of people) {
      const mine = stored.filter((s) => s.organisation.taxCode === taxCodeFor(person.n * 7 + 1));
      expect(mine.map((s) => s.code), person.session).toEqual([person.confirmed ?? person.existing]);
      // The audit trail holds the registration, written by the same commit.
      expect((await app.services.audit.about(mine[0]!.code)).map((e) => e.action)).toContain("created");
    }
    expect(stored).toHaveLength(people.length);
    // B answered to the end: everyone finished, A's people included.
    expect(people.every((p) => p.done)).toBe(true);
    await app.close();
  }, 120_000);

  it("keeps neither a change nor its audit line when the process dies with its unit of work open", async () => {
    const url = await testDatabaseUrl();
    // A child process opens a unit, moves a submission and writes its audit line, says so, and waits: it is killed before the commit.
    const script = `
      const { openPostgresStorage } = await import(${JSON.stringify(path.join(projectRoot, "dist/src/store/postgres/backend.js"))});
      const { createLogger } = await import(${JSON.stringify(path.join(projectRoot, "dist/src/core/log.js"))});
      const s = await openPostgresStorage({ url: process.env.URL, poolSize: 2, log: createLogger("error") });
      await s.unit(async () => {
        await s.repos.users.put("telegram:1", { channel: "telegram", id: "1", locale: "vi", firstSeen: "2026-11-22T03:00:00.000Z", lastSeen: "2026-11-22T03:00:00.000Z", unreachableSince: null });
        await s.repos.audit.append({ at: "2026-11-22T03:00:00.000Z", action: "role-granted", actor: { userKey: null, role: "system" }, subject: "telegram:1", from: null, to: "official", note: null, detail: null });
        process.stdout.write("written\\n");
        await new Promise(() => {});
      });`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { env: { PATH: process.env.PATH ?? "", URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("written") && resolve());
      child.once("exit", (code) => reject(new Error(`child exited with ${code}`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const app = await testApp(await tempDir(), { env: onDatabase(url) });
    expect(await app.services.users.get("telegram:1")).toBeUndefined();
    expect(await app.services.audit.count()).toBe(0);
    await app.close();
  });
});

/** A person registering on the web chat who reads what the bot asks and answers it (as in test/crash-registrations.test.ts). */
class Registrant {
  confirmed: string | null = null;
  existing: string | null = null;
  lastText = "";
  lastButtons: { label: string; data: string }[] = [];
  interrupted = false;
  readonly session: string;
  readonly answers: Map<Question, { say?: string; press?: string }>;

  constructor(readonly n: number) {
    this.session = `instances-user-${String(n).padStart(6, "0")}`;
    this.answers = new Map(LAN_ANSWERS.map((x) => [x.at, x.at === "taxCode" ? { say: taxCodeFor(n * 7 + 1) } : x]));
  }

  next(): { text: string } | { button: string } {
    const text = this.lastText;
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
    const button = this.lastButtons.find((x) => x.label.includes(label));
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
