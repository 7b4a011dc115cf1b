import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import { createBroadcastRunner } from "../../src/services/broadcasts/runner.js";
import { announce, broadcastBot, deliveryState, OFFICIAL, seedUsers } from "../helpers/broadcast.js";
import { busiestSecond, shortestGapPerChat, startFakeTelegramHttp, type FakeTelegramHttp } from "../helpers/fake-telegram-http.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
let fake: FakeTelegramHttp | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

const RATE = 200;
const RECIPIENTS = Array.from({ length: 2000 }, (_, i) => String(5_400_001 + i));

/**
 * Two runners on one store send the same job side by side, as two instances on one database do
 * (the JSON backend is one process, so both share its instance id; the real two-process test runs
 * on PostgreSQL). What must hold whoever sends: each recipient claimed and sent once, the rate
 * shared, the job listed, finished and reported once.
 */
describe("two runners sending one job", () => {
  it("sends each of 2,000 recipients exactly once, together within BROADCAST_RATE, and reports the end once", async () => {
    fake = await startFakeTelegramHttp({ latencyMs: [5, 30] });
    const { app, runner, close } = await broadcastBot(await tempDir(), fake, { env: { BROADCAST_RATE: String(RATE) } });
    const second = createBroadcastRunner(app, { retryBaseMs: 20, progressEveryMs: 60_000 });
    await seedUsers(app, RECIPIENTS.map((id) => ({ id, choice: "yes" as const })));

    // Which runner's lanes made each send: each runner is started in its own async context.
    const lanes = new AsyncLocalStorage<string>();
    const sentBy = new Map<string, number>();
    const send = app.outbox.send.bind(app.outbox);
    app.outbox.send = (channel, id, messages) => {
      if (id !== OFFICIAL) {
        const who = lanes.getStore() ?? "unknown";
        sentBy.set(who, (sentBy.get(who) ?? 0) + 1);
      }
      return send(channel, id, messages);
    };

    const job = await announce(app, "Thông báo gửi từ hai tiến trình cùng lúc.");
    lanes.run("first", () => runner.start());
    lanes.run("second", () => second.start());
    await Promise.all([runner.idle(), second.idle()]);

    // Each recipient got it once: no send reached the Bot API twice, none was missed.
    for (const id of RECIPIENTS) expect(fake.delivered(id), id).toBe(1);
    const toRecipients = fake.calls.filter((c) => c.method === "sendMessage" && c.chatId !== OFFICIAL);
    expect(toRecipients).toHaveLength(RECIPIENTS.length);
    // Both runners sent (otherwise nothing was shared), and only those two.
    expect([...sentBy.keys()].sort()).toEqual(["first", "second"]);
    expect(sentBy.get("first")! + sentBy.get("second")!).toBe(RECIPIENTS.length);
    expect(Math.min(sentBy.get("first")!, sentBy.get("second")!)).toBeGreaterThan(100);

    // Together they kept to the rate in every second, and to one message a second per chat.
    const sends = fake.sentAt.filter((s) => s.method === "sendMessage" || s.method === "editMessageText");
    expect(busiestSecond(sends.map((s) => s.at))).toBeLessThanOrEqual(RATE + 1);
    expect(shortestGapPerChat(sends)).toBeGreaterThanOrEqual(1000);

    // Listed once, every recipient settled once, finished once, one report.
    const state = await deliveryState(app, job.id);
    expect(state.recipients).toHaveLength(RECIPIENTS.length);
    expect(state.final.every((f) => f === "sent")).toBe(true);
    expect(state.inFlight).toBe(0);
    expect(state.counts).toMatchObject({ sent: RECIPIENTS.length, uncertain: 0, failed: 0 });
    const finished = await app.services.broadcasts.get(job.id);
    expect(finished).toMatchObject({ state: "done", total: RECIPIENTS.length, planned: RECIPIENTS.length, counts: state.counts });
    expect(finished?.history.map((h) => h.action)).toEqual(["created", "started", "finished"]);
    const reports = fake.calls.filter((c) => c.chatId === OFFICIAL && c.method === "sendMessage" && toPlainText(String(c.payload.text)).includes(`Thông báo ${job.id} đã gửi xong`));
    expect(reports).toHaveLength(1);
    expect(toPlainText(String(reports[0]!.payload.text))).toContain(`Đã gửi: ${RECIPIENTS.length.toLocaleString("vi-VN")}`);

    await second.stop();
    await close();
  }, 60_000);
});
