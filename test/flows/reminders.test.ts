import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { createBroadcastRunner } from "../../src/services/broadcasts/runner.js";
import { dataDir as realDataDir } from "../../src/paths.js";
import { testApp } from "../helpers/app.js";
import { deliveryState } from "../helpers/broadcast.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi } from "../helpers/fake-telegram.js";
import { draft } from "../helpers/submission-draft.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** A copy of data/ whose province timeline announces the 2026 GTCLQG dossier deadline. */
async function dataWithDeadline(dir: string, deadline: string): Promise<string> {
  const data = path.join(dir, "knowledge");
  await cp(realDataDir, data, { recursive: true });
  const file = path.join(data, "provinces", "dong-nai.json");
  const province = JSON.parse(await readFile(file, "utf8")) as { timeline: { cycles: { programme: string; year: number; phases: { id: string; start: string | null; end: string | null }[] }[] } };
  const cycle = province.timeline.cycles.find((c) => c.programme === "gtclqg" && c.year === 2026)!;
  const phase = cycle.phases.find((p) => p.id === "dossier-deadline")!;
  phase.start = deadline;
  phase.end = deadline;
  await writeFile(file, JSON.stringify(province, null, 2));
  return data;
}

async function start(dir: string, data: string, clock: ReturnType<typeof testClock>, api = fakeBotApi()) {
  const app = await testApp(path.join(dir, "var"), { clock: clock.now, dataDir: data, env: { REMINDER_DAYS_BEFORE: "7" } });
  const telegram = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
  app.outbox.register("telegram", telegram.sender);
  const runner = createBroadcastRunner(app, { clock: clock.now, rate: 200 });
  return { app, api, runner, close: async () => (await runner.stop(), await app.close()) };
}

const to = (api: ReturnType<typeof fakeBotApi>, chat: number) => api.sent().filter((c) => c.payload.chat_id === chat).map((c) => toPlainText(String(c.payload.text)));

describe("dossier-deadline reminders", () => {
  it("reminds registrants still owing their dossier once, days before the deadline, in daytime, respecting opt-outs", async () => {
    const dir = await tempDir();
    const data = await dataWithDeadline(dir, "2026-12-10");
    const clock = testClock("2026-11-22T03:00:00Z");
    let bot = await start(dir, data, clock);
    const { app } = bot;
    const owner = async (id: string, locale?: "en") => {
      await app.services.users.touch({ channel: "telegram", id }, clock.now());
      if (locale) await app.services.users.setLocale(`telegram:${id}`, locale);
      return `telegram:${id}`;
    };
    const submit = async (userKey: string, taxCode: string, name: string, awardYear = 2026) => {
      const result = await app.services.submissions.create(draft({ userKey, taxCode, name, awardYear }), clock.now());
      if (!result.ok) throw new Error("fixture");
      return result.submission.code;
    };
    const move = async (code: string, to: "needs-supplement" | "dossier-received") => {
      const moved = await app.services.submissions.changeStatus(code, to, { kind: "system" }, clock.now());
      if (!moved.ok) throw new Error("fixture");
    };
    const { first, second } = await app.storage.unit(async () => {
      const lan = await owner("1001");
      const first = await submit(lan, "0314409058", "Công ty TNHH Minh An");
      const second = await submit(lan, "0100109106", "Công ty CP <Bình & An>");
      const mai = await owner("1002", "en");
      await move(await submit(mai, "0300588569", "Mai Linh Co."), "needs-supplement");
      await move(await submit(await owner("1003"), "0302366521", "Công ty Đã Nộp"), "dossier-received");
      const optedOut = await owner("1004");
      await submit(optedOut, "0101243150", "Công ty Không Nhận");
      await app.services.subscriptions.set(optedOut, "no", clock.now());
      await submit(await owner("1005"), "0309532909", "Công ty Năm Sau", 2027);
      // Lan's first dossier: the registration form sent, the environment file marked "cần bổ sung".
      await app.services.submissions.attach(first, lan, { channel: "telegram", ref: "f-1", name: "don.pdf", size: 1000, mime: "application/pdf" }, clock.now(), "registration-form");
      await app.services.submissions.markItem(first, "environment", { state: "needs-more", note: "Thiếu báo cáo quan trắc 2025" }, "telegram:777", app.services.dossierItems.legacy.map((i) => i.id), clock.now());
      return { first, second };
    });
    bot.runner.start();

    clock.set("2026-12-02T02:00:00Z"); // 09:00 in Vietnam, 8 days before
    expect(await bot.runner.checkReminders()).toBeNull();
    clock.set("2026-12-03T15:30:00Z"); // 22:30 in Vietnam: nobody is written to at night
    expect(await bot.runner.checkReminders()).toBeNull();
    clock.set("2026-12-04T02:00:00Z"); // 09:00, 6 days before
    const job = await bot.runner.checkReminders();
    expect(job?.kind).toBe("reminder");
    await bot.runner.idle();

    const toLan = to(bot.api, 1001);
    expect(toLan).toHaveLength(1);
    expect(toLan[0]).toContain("Nhắc hạn nộp hồ sơ");
    expect(toLan[0]).toContain(`Hồ sơ ${first} — Công ty TNHH Minh An`);
    expect(toLan[0]).toContain(`Hồ sơ ${second} — Công ty CP <Bình & An>`);
    expect(toLan[0]).toContain("Hạn nộp hồ sơ: 10/12/2026 (còn 6 ngày)");
    expect(toLan[0]).toContain("/tatthongbao");
    // Each award dossier names the items still missing or to supplement (the optional one is not asked for).
    const [aboutFirst, aboutSecond] = toLan[0]!.split(`Hồ sơ ${second}`) as [string, string];
    expect(aboutFirst).toContain("Các mục còn thiếu hoặc cần bổ sung:\n• Báo cáo giới thiệu chung\n");
    expect(aboutFirst).toContain("• Hồ sơ môi trường (3 năm) (Thiếu báo cáo quan trắc 2025)");
    expect(aboutFirst).not.toContain("• Đơn đăng ký tham dự");
    expect(aboutSecond).toContain("Các mục còn thiếu hoặc cần bổ sung:\n• Đơn đăng ký tham dự\n");
    expect(toLan[0]).not.toContain("Tài liệu kết quả khác");
    expect(to(bot.api, 1002)).toEqual([expect.stringContaining("Dossier deadline: 10 Dec 2026 (6 days left)")]);
    expect(to(bot.api, 1002)[0]).toContain("status: Dossier needs additions");
    expect(to(bot.api, 1002)[0]).toContain("Items still missing or to supplement:\n• Registration form\n");
    for (const chat of [1003, 1004, 1005]) expect(to(bot.api, chat)).toEqual([]);
    expect((await deliveryState(app, job!.id)).counts).toMatchObject({ sent: 2 });

    // Once per deadline: not again today, nor after a restart.
    clock.set("2026-12-05T02:00:00Z");
    expect(await bot.runner.checkReminders()).toBeNull();
    await bot.close();
    bot = await start(dir, data, clock, bot.api);
    bot.runner.start();
    expect(await bot.runner.checkReminders()).toBeNull();
    await bot.runner.idle();
    expect(to(bot.api, 1001)).toHaveLength(1);
    await bot.close();
  });

  it("reminds again when the Department moves the deadline, and drops a reminder whose dossier arrived meanwhile", async () => {
    const dir = await tempDir();
    const clock = testClock("2026-12-04T02:00:00Z");
    let bot = await start(dir, await dataWithDeadline(dir, "2026-12-10"), clock);
    const { app } = bot;
    await app.storage.unit(async () => {
      for (const [id, tax] of [["1001", "0314409058"], ["1002", "0100109106"]] as const) {
        await app.services.users.touch({ channel: "telegram", id }, clock.now());
        const created = await app.services.submissions.create(draft({ userKey: `telegram:${id}`, taxCode: tax }), clock.now());
        if (!created.ok) throw new Error("fixture");
      }
    });
    bot.runner.start();
    await bot.runner.checkReminders();
    await bot.runner.idle();
    expect(to(bot.api, 1001)).toHaveLength(1);
    await bot.close();

    // The deadline moves to 20/12; a week before it, a new reminder is due. The runner is not
    // running yet when the job is made, and one enterprise hands in its dossier before it runs.
    clock.set("2026-12-14T02:00:00Z");
    bot = await start(dir, await dataWithDeadline(path.join(dir, "later"), "2026-12-20"), clock, bot.api);
    const job = await bot.runner.checkReminders();
    expect(job).not.toBeNull();
    const received = await bot.app.storage.unit(() => bot.app.services.submissions.changeStatus("GT-2026-0002", "dossier-received", { kind: "system" }, clock.now()));
    expect(received.ok).toBe(true);
    bot.runner.start();
    await bot.runner.idle();
    expect(to(bot.api, 1001)).toHaveLength(2);
    expect(to(bot.api, 1001)[1]).toContain("Hạn nộp hồ sơ: 20/12/2026 (còn 6 ngày)");
    expect(to(bot.api, 1002)).toHaveLength(1);
    expect((await deliveryState(bot.app, job!.id)).counts).toMatchObject({ sent: 1, obsolete: 1 });
    await bot.close();
  });
});
