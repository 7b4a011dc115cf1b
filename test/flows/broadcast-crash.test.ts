import { afterEach, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import { broadcastConcurrency } from "../../src/services/broadcasts/runner.js";
import { announce, deliveryState, OFFICIAL, seedUsers } from "../helpers/broadcast.js";
import { testApp } from "../helpers/app.js";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.js";
import { TEST_TOKEN } from "../helpers/fake-telegram.js";
import { startFakeTelegramHttp, type FakeTelegramHttp } from "../helpers/fake-telegram-http.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const RATE = 100;
const RECIPIENTS = Array.from({ length: 300 }, (_, i) => String(8_000_001 + i));

let fake: FakeTelegramHttp | null = null;
let child: BotProcess | null = null;
afterEach(async () => {
  await child?.stop("SIGKILL");
  await fake?.close();
  child = null;
  fake = null;
});

const delivered = () => RECIPIENTS.reduce((n, id) => n + fake!.delivered(id), 0);
async function until(what: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!what()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("a broadcast through SIGKILLs of the bot process", () => {
  it("resumes where it left off: everyone gets the announcement once, except the few in flight, reported uncertain", async () => {
    const dir = await tempDir();
    fake = await startFakeTelegramHttp({ latencyMs: [20, 60], keepPayloads: true });
    const seeded = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: OFFICIAL } });
    await seedUsers(seeded, RECIPIENTS.map((id) => ({ id, choice: "yes" as const })));
    const job = await announce(seeded, "Thông báo: Sở tổ chức lớp tập huấn về Giải thưởng Chất lượng Quốc gia.");
    await seeded.close();

    const env = { DATA_DIR: dir, TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, OFFICIAL_TELEGRAM_IDS: OFFICIAL, BROADCAST_RATE: String(RATE) };
    // Killed twice mid-job, at a moment that differs from run to run.
    for (const atLeast of [40 + Math.floor(Math.random() * 40), 150 + Math.floor(Math.random() * 40)]) {
      child = await startBotProcess(env);
      await until(() => delivered() >= atLeast);
      await child.stop("SIGKILL");
      child = null;
    }
    expect(delivered()).toBeLessThan(RECIPIENTS.length);

    child = await startBotProcess(env);
    const reportOf = () => fake!.calls.find((c) => c.chatId === OFFICIAL && c.method === "sendMessage" && String(c.payload.text).includes("đã gửi xong"));
    await until(() => reportOf() !== undefined);
    expect(await child.stop("SIGTERM")).toBe(0);
    child = null;

    const app = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: OFFICIAL } });
    const state = await deliveryState(app, job.id);
    const uncertain = state.final.flatMap((f, i) => (f === "uncertain" ? [state.recipients![i]!.id] : []));
    expect((await app.services.broadcasts.get(job.id))?.state).toBe("done");
    expect(state.final.every((f) => f === "sent" || f === "uncertain")).toBe(true);
    // At most one uncertain recipient per send that could be in flight, per kill.
    expect(uncertain.length).toBeLessThanOrEqual(2 * broadcastConcurrency(RATE));
    // Nobody twice; everyone reported sent got it; the uncertain got it at most once.
    for (const id of RECIPIENTS) expect(fake.delivered(id), id).toBeLessThanOrEqual(1);
    state.final.forEach((f, i) => {
      if (f === "sent") expect(fake!.delivered(state.recipients![i]!.id)).toBe(1);
    });
    expect(state.counts.sent + state.counts.uncertain).toBe(RECIPIENTS.length);
    const report = toPlainText(String(reportOf()!.payload.text));
    expect(report).toContain(`Đã gửi: ${state.counts.sent.toLocaleString("vi-VN")}`);
    if (uncertain.length) expect(report).toContain(`Không chắc đã nhận (đang gửi thì hệ thống dừng đột ngột; không gửi lại để tránh trùng): ${uncertain.length}`);
    await app.close();
  }, 60_000);
});
