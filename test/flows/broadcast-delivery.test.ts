import { afterEach, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import { FINAL_RESULTS } from "../../src/domain/records/broadcast-job.js";
import { announce, broadcastBot, deliveryState, OFFICIAL, seedUsers } from "../helpers/broadcast.js";
import { busiestSecond, shortestGapPerChat, startFakeTelegramHttp, type FakeTelegramHttp, type HttpFailRule } from "../helpers/fake-telegram-http.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const fakes: FakeTelegramHttp[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.close();
});
async function fakeApi(options: Parameters<typeof startFakeTelegramHttp>[0]) {
  const fake = await startFakeTelegramHttp(options);
  fakes.push(fake);
  return fake;
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));
const deliveredTo = (fake: FakeTelegramHttp, chats: readonly string[]) => chats.reduce((n, id) => n + fake.delivered(id), 0);
const textsTo = (fake: FakeTelegramHttp, chatId: string) => fake.calls.filter((c) => c.chatId === chatId && c.method === "sendMessage").map((c) => String(c.payload.text));

describe("broadcast delivery against a Bot API over HTTP that fails in every way Telegram does", () => {
  it("settles every recipient exactly once, never writes to the unsubscribed, waits out a 429, retries errors, marks blockers", async () => {
    const subscribed = ids(5000001, 40);
    const saidNo = ids(6000001, 10);
    const neverAnswered = ids(6100001, 10);
    const blocked = subscribed.slice(0, 3);
    const chatNotFound = subscribed.slice(3, 5);
    const flaky = subscribed.slice(5, 7); // 502 twice, then fine
    const broken = subscribed[7]!; // 500 every time
    let sends = 0;
    let rateLimitedAt = -1;
    const fail: HttpFailRule = (call) => {
      if (call.method !== "sendMessage" || call.chatId === OFFICIAL) return undefined;
      sends++;
      if (sends === 12) {
        rateLimitedAt = sends;
        return { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } };
      }
      if (blocked.includes(call.chatId!)) return { error_code: 403, description: "Forbidden: bot was blocked by the user" };
      if (chatNotFound.includes(call.chatId!)) return { error_code: 400, description: "Bad Request: chat not found" };
      if (flaky.includes(call.chatId!) && call.attempt <= 2) return { error_code: 502, description: "Bad Gateway" };
      if (call.chatId === broken) return { error_code: 500, description: "Internal Server Error" };
      return undefined;
    };
    const fake = await fakeApi({ latencyMs: [5, 25], fail });
    const { app, runner, close } = await broadcastBot(await tempDir(), fake, { runner: { rate: 50, retries: 3 } });
    await seedUsers(app, [...subscribed.map((id) => ({ id, choice: "yes" as const })), ...saidNo.map((id) => ({ id, choice: "no" as const })), ...neverAnswered.map((id) => ({ id, choice: null }))]);
    await seedUsers(app, [{ id: OFFICIAL, choice: null }]);

    const job = await announce(app, "Sở KH&CN thông báo: hội nghị tập huấn <GTCLQG> ngày 5/12.");
    runner.start();
    await runner.idle();

    // Every recipient is in exactly one final state.
    const state = await deliveryState(app, job.id);
    expect(state.recipients).toHaveLength(61);
    expect(state.final.every((f) => f !== null && (FINAL_RESULTS as readonly string[]).includes(f))).toBe(true);
    expect(state.inFlight).toBe(0);
    expect(state.counts).toMatchObject({ sent: 34, blocked: 5, failed: 1, unsubscribed: 21, uncertain: 0 });

    // Nobody who said no, or never answered, got anything.
    for (const id of [...saidNo, ...neverAnswered]) expect(fake.calls.filter((c) => c.chatId === id)).toEqual([]);
    // Each subscriber who could get it got it once; the flaky ones after two retries; the broken one never.
    for (const id of subscribed.filter((s) => ![...blocked, ...chatNotFound, broken].includes(s))) expect(fake.delivered(id), id).toBe(1);
    for (const id of flaky) expect(fake.calls.filter((c) => c.chatId === id)).toHaveLength(3);
    expect(fake.calls.filter((c) => c.chatId === broken)).toHaveLength(4);
    expect(fake.delivered(broken)).toBe(0);
    // The text arrives as typed, escaped for Telegram's HTML — every attempt to every subscriber
    // (which one got the 429 depends on the order the sends were claimed in).
    for (const id of subscribed.filter((s) => ![...blocked, ...chatNotFound, broken].includes(s))) {
      expect(new Set(textsTo(fake, id)), id).toEqual(
        new Set([`📢 <b>Thông báo của Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai</b>\n\nSở KH&amp;CN thông báo: hội nghị tập huấn &lt;GTCLQG&gt; ngày 5/12.\n\n<i>/tatthongbao để ngừng nhận</i>`]),
      );
    }

    // Once the 429 came back, nothing new left for the second Telegram asked for (sends already
    // under way when it arrived — up to the time it takes to read the answer, longer on a busy
    // machine, the fake being in the same process — cannot be recalled). A runner ignoring the 429
    // would send some 40 messages in that second at 50 a second.
    expect(rateLimitedAt).toBe(12);
    const answered429 = fake.sentAt.find((s) => s.status === 429)!.answeredAt!;
    const during = fake.sentAt.filter((s) => s.at > answered429 + 200 && s.at < answered429 + 1000);
    expect(during).toEqual([]);
    expect(fake.sentAt.some((s) => s.at >= answered429 + 1000)).toBe(true);

    // Blocked and vanished users are marked, so later notices skip them.
    for (const id of [...blocked, ...chatNotFound]) expect((await app.services.users.get(`telegram:${id}`))?.unreachableSince).not.toBeNull();

    // The official's final report accounts for everyone.
    const report = toPlainText(textsTo(fake, OFFICIAL).at(-1) ?? "");
    expect(report).toContain(`Thông báo ${job.id} đã gửi xong`);
    expect(report).toContain("Đã gửi: 34");
    expect(report).toContain("Đã chặn trợ lý hoặc bỏ theo dõi: 5");
    expect(report).toContain("Lỗi, đã thử lại nhưng không gửi được: 1");
    expect(report).toContain("Chưa đăng ký hoặc đã tắt thông báo: 21");
    expect(await app.services.broadcasts.get(job.id)).toMatchObject({ state: "done", total: 61, counts: state.counts });
    await close();
  });

  it("keeps to the configured rate in every second and to one message a second per chat", async () => {
    const recipients = ids(5100001, 150);
    // A few recipients fail once: their retry must still wait a second after the first try.
    const retried = new Set(recipients.slice(0, 5));
    const fake = await fakeApi({ latencyMs: [30, 80], fail: (c) => (c.method === "sendMessage" && retried.has(c.chatId!) && c.attempt === 1 ? { error_code: 500, description: "Internal Server Error" } : undefined) });
    const { app, runner, close } = await broadcastBot(await tempDir(), fake, { runner: { rate: 100, retryBaseMs: 10, progressEveryMs: 300 } });
    await seedUsers(app, recipients.map((id) => ({ id, choice: "yes" as const })));
    const job = await announce(app, "Thông báo thử nghiệm tốc độ gửi.");
    runner.start();
    await runner.idle();

    // Progress reports to the official are paced with the rest.
    const sends = fake.sentAt.filter((s) => s.method === "sendMessage" || s.method === "editMessageText");
    expect(sends.filter((s) => s.chatId !== OFFICIAL)).toHaveLength(155);
    expect(busiestSecond(sends.map((s) => s.at))).toBeLessThanOrEqual(101);
    expect(shortestGapPerChat(sends)).toBeGreaterThanOrEqual(1000);
    for (const id of recipients) expect(fake.delivered(id)).toBe(1);
    expect((await deliveryState(app, job.id)).counts.sent).toBe(150);

    // The official saw the progress in one message, edited in place, then the report.
    const toOfficial = fake.calls.filter((c) => c.chatId === OFFICIAL);
    expect(toOfficial[0]?.method).toBe("sendMessage");
    expect(String(toOfficial[0]?.payload.text)).toMatch(new RegExp(`${job.id}: đã gửi \\d+/150`));
    const edits = toOfficial.filter((c) => c.method === "editMessageText");
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((e) => String(e.payload.text).includes(`${job.id}: đã gửi`))).toBe(true);
    expect(toOfficial.at(-1)?.method).toBe("sendMessage");
    expect(toPlainText(String(toOfficial.at(-1)?.payload.text))).toContain("Đã gửi: 150");
    await close();
  });

  it("pauses and resumes without losing or repeating anyone, and a cancel reports who was left out", async () => {
    const recipients = ids(5200001, 60);
    const fake = await fakeApi({ latencyMs: [2, 10] });
    const { app, runner, close } = await broadcastBot(await tempDir(), fake, { runner: { rate: 80 } });
    await seedUsers(app, recipients.map((id) => ({ id, choice: "yes" as const })));
    const official = { channel: "telegram" as const, id: OFFICIAL };
    const job = await announce(app, "Thông báo tạm dừng rồi gửi tiếp.");
    runner.start();
    while (deliveredTo(fake, recipients) < 15) await new Promise((r) => setTimeout(r, 10));
    expect((await app.storage.unit(() => app.services.broadcasts.pause(job.id, official, new Date()))).ok).toBe(true);
    await runner.idle();
    const atPause = deliveredTo(fake, recipients);
    await new Promise((r) => setTimeout(r, 300));
    expect(deliveredTo(fake, recipients)).toBe(atPause);
    expect(atPause).toBeLessThan(60);
    expect((await app.services.broadcasts.get(job.id))?.state).toBe("paused");

    expect((await app.storage.unit(() => app.services.broadcasts.resume(job.id, official, new Date()))).ok).toBe(true);
    await runner.idle();
    for (const id of recipients) expect(fake.delivered(id)).toBe(1);
    expect((await app.services.broadcasts.get(job.id))?.state).toBe("done");

    // A second job, created while the runner runs: it wakes up for it.
    const second = await announce(app, "Thông báo thứ hai.");
    const before = deliveredTo(fake, recipients);
    await runner.idle();
    expect(deliveredTo(fake, recipients) - before).toBe(60);
    const third = await announce(app, "Thông báo bị hủy giữa chừng.");
    while (deliveredTo(fake, recipients) - before < 75) await new Promise((r) => setTimeout(r, 10));
    expect((await app.storage.unit(() => app.services.broadcasts.cancel(third.id, official, new Date()))).ok).toBe(true);
    await runner.idle();
    const sent = (await deliveryState(app, third.id)).counts.sent;
    expect(sent).toBeLessThan(60);
    expect(await app.services.broadcasts.get(third.id)).toMatchObject({ state: "cancelled" });
    const report = toPlainText(fake.calls.filter((c) => c.chatId === OFFICIAL && c.method === "sendMessage").at(-1)?.payload.text as string);
    expect(report).toContain(`Thông báo ${third.id} đã hủy`);
    expect(report).toContain(`Chưa gửi (do hủy): ${60 - sent}`);
    expect(second.id).not.toBe(third.id);
    await close();
  });

  it("stopped mid-job (a clean shutdown), it goes on after a restart with no one uncertain and no one twice", async () => {
    const dir = await tempDir();
    const recipients = ids(5300001, 80);
    const fake = await fakeApi({ latencyMs: [5, 20] });
    let bot = await broadcastBot(dir, fake, { runner: { rate: 60 } });
    await seedUsers(bot.app, recipients.map((id) => ({ id, choice: "yes" as const })));
    const job = await announce(bot.app, "Thông báo qua một lần khởi động lại.");
    bot.runner.start();
    while (deliveredTo(fake, recipients) < 20) await new Promise((r) => setTimeout(r, 10));
    await bot.close();
    const atStop = deliveredTo(fake, recipients);
    expect(atStop).toBeLessThan(80);

    bot = await broadcastBot(dir, fake, { runner: { rate: 60 } });
    // Left running by the clean stop, to go on at the next start.
    expect((await bot.app.services.broadcasts.get(job.id))?.state).toBe("running");
    bot.runner.start();
    await bot.runner.idle();
    for (const id of recipients) expect(fake.delivered(id), id).toBe(1);
    const state = await deliveryState(bot.app, job.id);
    expect(state.counts).toMatchObject({ sent: 80, uncertain: 0 });
    await bot.close();
  });
});
