import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { createBroadcastRunner } from "../../src/services/broadcasts/runner.js";
import { testApp } from "../helpers/app.js";
import { deliveryState, OFFICIAL } from "../helpers/broadcast.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, fakeBotApi, textUpdate, type ApiCall } from "../helpers/fake-telegram.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = "2026-11-22T03:00:00Z";

/** The app with its Telegram channel on a fake Bot API (grammY's fetch), the runner, and a clock. */
async function setup(env: Record<string, string> = {}, dir?: string) {
  const clock = testClock(NOW);
  const app = await testApp(dir ?? (await tempDir()), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: OFFICIAL, ...env } });
  const api = fakeBotApi();
  const telegram = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
  app.outbox.register("telegram", telegram.sender);
  const runner = createBroadcastRunner(app, { clock: clock.now, rate: 200, progressEveryMs: 60_000 });
  return { app, api, telegram, runner, clock, close: async () => (await runner.stop(), await app.close()) };
}

/** Enterprises on Telegram: each registered (or not), subscribed (or not). */
async function enterprises(app: App, list: { id: string; choice: "yes" | "no" | null; programme?: "gtclqg" | "nscl"; status?: "dossier-received"; commune?: [string, string]; locale?: "en" }[]) {
  let tax = 100;
  await app.storage.unit(async () => {
    for (const e of list) {
      const key = `telegram:${e.id}`;
      await app.services.users.touch({ channel: "telegram", id: e.id }, new Date(NOW));
      if (e.locale) await app.services.users.setLocale(key, e.locale);
      await app.services.subscriptions.markAsked(key, new Date(NOW));
      if (e.choice) await app.services.subscriptions.set(key, e.choice, new Date(NOW));
      if (e.programme) {
        const d = draft({ programme: e.programme, userKey: key, taxCode: `0314409${tax++}` });
        if (e.commune) d.organisation.address = { ...d.organisation.address, commune: e.commune[0], communeKey: e.commune[1] };
        const created = await app.services.submissions.create(d, new Date(NOW));
        if (!created.ok) throw new Error("duplicate in fixture");
        if (e.status) {
          const moved = await app.services.submissions.changeStatus(created.submission.code, e.status, { kind: "system" }, new Date(NOW));
          if (!moved.ok) throw new Error("status change in fixture");
        }
      }
    }
  });
}

/** Someone on Telegram, talking through the channel: what the fake Bot API received for their chat. */
function telegramUser(bot: ReturnType<typeof createTelegramChannel>["bot"], api: ReturnType<typeof fakeBotApi>, id: string) {
  let last: ApiCall[] = [];
  const mine = (from: number) => api.calls.slice(from).filter((c) => c.method.startsWith("send") && String(c.payload.chat_id) === id);
  const run = async (update: Update) => {
    const from = api.calls.length;
    await bot.handleUpdate(update);
    last = mine(from);
    return last;
  };
  const keyboard = () => last.flatMap((c) => ((c.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] })?.inline_keyboard ?? []).flat());
  return {
    says: (text: string) => run(textUpdate(Number(id), text)),
    presses(label: string) {
      const found = keyboard().find((b) => b.text.includes(label));
      if (!found) throw new Error(`no button "${label}" among ${keyboard().map((b) => b.text).join(" | ")}`);
      return run(callbackUpdate(Number(id), found.callback_data));
    },
    sendsPhoto: (fileId: string, caption: string) =>
      run({
        update_id: Math.floor(Math.random() * 1e9),
        message: {
          message_id: 7,
          date: 1_790_000_000,
          chat: { id: Number(id), type: "private", first_name: "Cán bộ" },
          from: { id: Number(id), is_bot: false, first_name: "Cán bộ" },
          photo: [{ file_id: fileId, file_unique_id: "u1", width: 1280, height: 720, file_size: 120_000 }],
          caption,
        },
      } as Update),
    text: () => last.map((c) => toPlainText(String(c.payload.text ?? c.payload.caption ?? ""))).join("\n---\n"),
    received: () => api.calls.filter((c) => c.method.startsWith("send") && String(c.payload.chat_id) === id),
  };
}

/** An announcement as a recipient reads it: who sends it, the official's text, how to stop receiving them. */
const framed = (text: string) => `📢 Thông báo của Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai\n\n${text}\n\n/tatthongbao để ngừng nhận`;

describe("announcements: subscribing", () => {
  it("asks everyone once at /start, and /nhanthongbao, /tatthongbao switch it", async () => {
    const app = await testApp(await tempDir());
    const lan = person(app, "telegram", "1001");
    await lan.says("/start");
    expect(lan.replies).toHaveLength(2);
    expect(lan.hears()).toContain("Quý doanh nghiệp có muốn nhận thông báo của Sở qua trợ lý này không?");
    expect(lan.buttonLabels().slice(-2)).toEqual(["🔔 Nhận thông báo", "Không nhận"]);
    expect(await lan.presses("Nhận thông báo")).toContain("Đã đăng ký nhận thông báo của Sở");
    expect(await app.services.subscriptions.wantsAnnouncements("telegram:1001")).toBe(true);

    await lan.says("/start");
    expect(lan.replies).toHaveLength(1);
    expect(lan.hears()).not.toContain("có muốn nhận thông báo");

    expect(await lan.says("/tatthongbao")).toContain("Đã tắt thông báo");
    expect(await lan.says("/unsubscribe")).toContain("Thông báo đang tắt");
    expect(await app.services.subscriptions.acceptsReminders("telegram:1001")).toBe(false);
    expect(await lan.says("/nhanthongbao")).toContain("Đã đăng ký nhận thông báo");

    // Asked and not answered: not asked again, and no announcements.
    const minh = person(app, "web", "session-minh-0000001");
    await minh.says("/start");
    await minh.says("/start");
    expect(minh.hears()).not.toContain("có muốn nhận thông báo");
    expect(await app.services.subscriptions.wantsAnnouncements("web:session-minh-0000001")).toBe(false);
    await app.close();
  });
});

describe("announcements: an official composes, previews and sends", () => {
  it("is for officials only: a citizen has no /thongbao and forged buttons change nothing", async () => {
    const { app, close } = await setup();
    const mallory = person(app, "telegram", "6660001");
    expect(await mallory.says("/thongbao")).toContain("Trợ lý không có lệnh /thongbao");
    expect(await mallory.says("/dsthongbao")).toContain("Trợ lý không có lệnh /dsthongbao");
    expect(await mallory.sendsButtonData("bc:now")).toContain("Nút này không còn hiệu lực");
    const job = await app.storage.unit(() =>
      app.services.broadcasts.createAnnouncement({ content: { text: "x", attachment: null }, segment: { kind: "all" }, createdBy: { channel: "telegram", id: OFFICIAL }, scheduledAt: "2026-12-01T01:00:00.000Z" }, new Date(NOW)),
    );
    expect(await mallory.sendsButtonData(`bcj:cancelok:${job.id}`)).toContain("Nút này không còn hiệu lực");
    expect(await mallory.sendsButtonData(`bcj:pause:${job.id}`)).toContain("Nút này không còn hiệu lực");
    expect((await app.services.broadcasts.get(job.id))?.state).toBe("scheduled");
    await close();
  });

  it("stops a draft at the next step when its author's role is gone", async () => {
    const dir = await tempDir();
    let bot = await setup({}, dir);
    await enterprises(bot.app, [{ id: "1001", choice: "yes" }]);
    let official = person(bot.app, "telegram", OFFICIAL);
    await official.says("/thongbao");
    await official.says("Thông báo chưa kịp gửi");
    await official.presses("Không đính kèm");
    await official.presses("Tất cả người đăng ký nhận");
    expect(official.buttonLabels()).toContain("✅ Gửi ngay");
    await bot.close();

    bot = await setup({ OFFICIAL_TELEGRAM_IDS: "7770002" }, dir);
    official = person(bot.app, "telegram", OFFICIAL);
    expect(await official.sendsButtonData("bc:now")).toContain("Nút này không còn hiệu lực");
    expect(await bot.app.services.broadcasts.list()).toEqual([]);
    await bot.close();
  });

  it("sends recipients exactly the message previewed: the official's text as typed, to subscribed GTCLQG registrants only", async () => {
    const { app, api, telegram, runner, close } = await setup();
    await enterprises(app, [
      { id: "1001", choice: "yes", programme: "gtclqg" },
      { id: "1002", choice: "yes", programme: "gtclqg" },
      { id: "1003", choice: "no", programme: "gtclqg" },
      { id: "1004", choice: null, programme: "gtclqg" },
      { id: "1005", choice: "yes", programme: "nscl" },
      { id: "1006", choice: "yes" },
    ]);
    runner.start();
    const official = telegramUser(telegram.bot, api, OFFICIAL);
    await official.says("/thongbao");
    expect(official.text()).toContain("Soạn thông báo");
    const typed = `Kính gửi Quý doanh nghiệp: hạn nộp hồ sơ <b>GTCLQG</b> & "mẫu 01" là 15/12. *Không* định dạng _này_.`;
    await official.says(typed);
    expect(official.text()).toContain("Có gửi kèm tệp hoặc ảnh không?");
    await official.presses("Không đính kèm");
    expect(official.text()).toContain("Bước 2/3: người nhận");
    await official.presses("Theo chương trình");
    await official.presses("Giải thưởng Chất lượng Quốc gia");

    const [intro, previewed, summary] = official.received().slice(-3);
    expect(toPlainText(String(intro!.payload.text))).toContain("Người nhận sẽ thấy đúng tin nhắn dưới đây");
    // The official's text as typed, between the sender line and the way to stop receiving announcements.
    expect(toPlainText(String(previewed!.payload.text))).toBe(framed(typed));
    const summaryText = toPlainText(String(summary!.payload.text));
    expect(summaryText).toContain("Gửi tới: doanh nghiệp đã đăng ký Giải thưởng Chất lượng Quốc gia");
    expect(summaryText).toContain("Số người nhận: 2");
    expect(summaryText).toContain("Không gửi: 2 người chưa đăng ký hoặc đã tắt thông báo, 0 người đã chặn trợ lý, 0 người không liên lạc được");

    await official.presses("Gửi ngay");
    expect(official.text()).toMatch(/Thông báo TB-0001 đang được gửi/);
    expect((await app.services.audit.about("TB-0001"))[0]).toMatchObject({ action: "broadcast-created", actor: { userKey: `telegram:${OFFICIAL}` } });
    await runner.idle();

    for (const id of ["1001", "1002"]) {
      const got = api.calls.filter((c) => c.method.startsWith("send") && String(c.payload.chat_id) === id);
      expect(got).toHaveLength(1);
      // Byte for byte what the preview showed.
      expect(got[0]!.method).toBe(previewed!.method);
      expect({ ...got[0]!.payload, chat_id: 0 }).toEqual({ ...previewed!.payload, chat_id: 0 });
    }
    for (const id of ["1003", "1004", "1005", "1006"]) expect(api.calls.filter((c) => String(c.payload.chat_id) === id)).toEqual([]);
    expect(official.received().at(-1)?.payload.text).toContain("Thông báo TB-0001 đã gửi xong");
    await official.says("/dsthongbao");
    expect(official.text()).toContain("TB-0001 · đã gửi xong · doanh nghiệp đã đăng ký Giải thưởng Chất lượng Quốc gia");
    expect(official.text()).toContain("Đã gửi 2/2 người nhận (2 người trong nhóm không nhận");
    await close();
  });

  it("sends a photo with its caption by the photo's file_id, and keeps the file when the text is too long for a caption", async () => {
    const { app, api, telegram, runner, close } = await setup();
    await enterprises(app, [{ id: "1001", choice: "yes" }, { id: "1002", choice: "yes" }]);
    runner.start();
    const official = telegramUser(telegram.bot, api, OFFICIAL);
    await official.says("/thongbao");
    await official.says("x".repeat(2001));
    expect(official.text()).toContain("Nội dung dài 2.001 ký tự, vượt quá 2.000 ký tự");
    await official.sendsPhoto("AgACAgIAAxkBAAIBanh", "a".repeat(1100));
    expect(official.text()).toContain("tối đa 1.024 ký tự (hiện 1.100)");
    await official.says("Mời Quý doanh nghiệp xem lịch tập huấn trong ảnh.");
    expect(official.text()).toContain("Bước 2/3");
    await official.presses("Tất cả người đăng ký nhận");
    const previewed = official.received().at(-2)!;
    expect(previewed.method).toBe("sendPhoto");
    expect(previewed.payload).toMatchObject({ photo: "AgACAgIAAxkBAAIBanh" });
    expect(toPlainText(String(previewed.payload.caption))).toBe(framed("Mời Quý doanh nghiệp xem lịch tập huấn trong ảnh."));
    await official.presses("Gửi ngay");
    await runner.idle();
    for (const id of ["1001", "1002"]) {
      const got = api.calls.filter((c) => String(c.payload.chat_id) === id);
      expect(got.map((c) => c.method)).toEqual(["sendPhoto"]);
      expect({ ...got[0]!.payload, chat_id: 0 }).toEqual({ ...previewed.payload, chat_id: 0 });
    }
    await close();
  });

  it("picks recipients by status, sector, xã/phường typed without diacritics, and language", async () => {
    const { app, close } = await setup();
    await enterprises(app, [
      { id: "1001", choice: "yes", programme: "gtclqg", commune: ["Phường Trấn Biên", "phuong tran bien"] },
      { id: "1002", choice: "yes", programme: "gtclqg", status: "dossier-received", commune: ["Xã Tân Phú", "xa tan phu"] },
      { id: "1003", choice: "yes", programme: "gtclqg", commune: ["Phường Tân Phú", "phuong tan phu"], locale: "en" },
      { id: "1004", choice: "yes", locale: "en" },
    ]);
    const official = person(app, "telegram", OFFICIAL);
    const count = () => /Số người nhận: (\d+)/.exec(official.hears())?.[1];

    await official.says("/thongbao");
    await official.says("Thông báo thử");
    await official.presses("Không đính kèm");
    await official.presses("Theo trạng thái hồ sơ");
    await official.presses("Giải thưởng Chất lượng Quốc gia");
    expect(official.buttonLabels()).toContain("Cần bổ sung hồ sơ");
    await official.presses("Đã nhận hồ sơ");
    expect(official.hears()).toContain("Gửi tới: hồ sơ Giải thưởng Chất lượng Quốc gia ở trạng thái «Đã nhận hồ sơ»");
    expect(count()).toBe("1");

    await official.presses("Đổi người nhận");
    await official.presses("Theo lĩnh vực");
    await official.presses("Sản xuất");
    expect(count()).toBe("3");

    await official.presses("Đổi người nhận");
    await official.presses("Theo xã/phường");
    expect(official.buttonLabels()).toEqual(expect.arrayContaining(["Phường Trấn Biên (1)", "Xã Tân Phú (1)"]));
    await official.says("tran bien");
    expect(official.hears()).toContain("Gửi tới: doanh nghiệp ở Phường Trấn Biên");
    expect(count()).toBe("1");
    await official.presses("Đổi người nhận");
    await official.presses("Theo xã/phường");
    await official.says("tan phu");
    expect(official.hears()).toContain("Có 2 xã/phường khớp với tên đã gõ");
    await official.presses("Xã Tân Phú");
    expect(official.hears()).toContain("Gửi tới: doanh nghiệp ở Xã Tân Phú");
    await official.presses("Đổi người nhận");
    await official.presses("Theo xã/phường");
    expect(await official.says("Phường Không Có")).toContain("Không có hồ sơ nào ở xã/phường «Phường Không Có»");

    await official.says("/huy");
    expect(official.hears()).toContain("Đã hủy soạn thông báo");
    await official.says("/thongbao");
    await official.says("Announcement for English users");
    await official.presses("Không đính kèm");
    await official.presses("Theo ngôn ngữ");
    await official.presses("Tiếng Anh");
    expect(official.hears()).toContain("Gửi tới: người dùng trợ lý bằng Tiếng Anh");
    expect(count()).toBe("2");
    await close();
  });
});

describe("announcements: scheduling, the list, and the role at the moment of acting", () => {
  it("sends a scheduled announcement at its time in Vietnam, not before, and explains a wrong time", async () => {
    const { app, api, runner, clock, close } = await setup();
    await enterprises(app, [{ id: "1001", choice: "yes" }, { id: "1002", choice: "yes" }]);
    runner.start();
    const official = person(app, "telegram", OFFICIAL);
    await official.says("/thongbao");
    await official.says("Hội nghị tập huấn sáng 26/11.");
    await official.presses("Không đính kèm");
    await official.presses("Tất cả người đăng ký nhận");
    await official.presses("Hẹn giờ gửi");
    expect(official.hears()).toContain("dạng ngày/tháng/năm giờ:phút, ví dụ 25/11/2026 08:30");
    expect(await official.says("31/02/2026 08:00")).toContain("Ngày hoặc giờ không có thật");
    expect(await official.says("20/11/2026 08:00")).toContain("Thời điểm này đã qua");
    expect(await official.says("mai 8 gio")).toContain("Chưa đọc được thời điểm");
    expect(await official.says("25/11/2026 8h30")).toContain("Thông báo sẽ được gửi lúc 25/11/2026 08:30 (giờ Việt Nam)");
    expect(await official.presses("Xác nhận hẹn giờ")).toContain("Đã hẹn giờ: thông báo TB-0001 sẽ được gửi lúc 25/11/2026 08:30");
    const job = (await app.services.broadcasts.get("TB-0001"))!;
    expect(job).toMatchObject({ state: "scheduled", scheduledAt: "2026-11-25T01:30:00.000Z" });

    clock.set("2026-11-25T01:29:00Z");
    await runner.tick();
    await runner.idle();
    expect(api.sent().filter((c) => c.payload.chat_id === 1001)).toEqual([]);
    clock.set("2026-11-25T01:30:00Z");
    await runner.tick();
    await runner.idle();
    expect(api.sent().filter((c) => c.payload.chat_id === 1001).map((c) => toPlainText(String(c.payload.text)))).toEqual([framed("Hội nghị tập huấn sáng 26/11.")]);
    expect(api.sent().filter((c) => c.payload.chat_id === 1002)).toHaveLength(1);
    expect((await app.services.broadcasts.get("TB-0001"))?.state).toBe("done");
    await close();
  });

  it("lists jobs with pause, resume and cancel buttons, and cancels only after confirmation", async () => {
    const { app, close } = await setup();
    const official = person(app, "telegram", OFFICIAL);
    expect(await official.says("/dsthongbao")).toContain("Chưa có thông báo nào");
    await app.storage.unit(() =>
      app.services.broadcasts.createAnnouncement({ content: { text: "Lịch tập huấn tháng 12", attachment: null }, segment: { kind: "all" }, createdBy: { channel: "telegram", id: OFFICIAL }, scheduledAt: "2026-12-01T01:00:00.000Z" }, new Date(NOW)),
    );
    const list = await official.says("/dsthongbao");
    expect(list).toContain("TB-0001 · hẹn giờ · tất cả người đăng ký nhận thông báo");
    expect(list).toContain("«Lịch tập huấn tháng 12»");
    expect(list).toContain("Hẹn gửi lúc 01/12/2026 08:00");
    expect(official.buttonLabels()).toEqual(["⏸ Tạm dừng TB-0001", "✖ Hủy TB-0001"]);
    expect(await official.presses("Tạm dừng TB-0001")).toContain("Đã tạm dừng thông báo TB-0001");
    await official.says("/dsthongbao");
    expect(official.buttonLabels()).toEqual(["▶️ Tiếp tục TB-0001", "✖ Hủy TB-0001"]);
    expect(await official.presses("Tiếp tục TB-0001")).toContain("Thông báo TB-0001 sẽ được gửi lúc 01/12/2026 08:00 như đã hẹn");
    expect((await app.services.broadcasts.get("TB-0001"))?.state).toBe("scheduled");
    await official.says("/dsthongbao");
    expect(await official.presses("Hủy TB-0001")).toContain("Hủy thông báo TB-0001?");
    expect((await app.services.broadcasts.get("TB-0001"))?.state).toBe("scheduled");
    expect(await official.presses("Xác nhận hủy TB-0001")).toContain("Đã hủy thông báo TB-0001");
    expect(await official.sendsButtonData("bcj:cancelok:TB-0001")).toContain("Thông báo TB-0001 đã kết thúc");
    expect(await official.sendsButtonData("bcj:cancelok:../x")).toContain("Nút này không còn hiệu lực");
    expect((await app.services.broadcasts.get("TB-0001"))?.history.map((h) => [h.by, h.action])).toEqual([
      [`telegram:${OFFICIAL}`, "scheduled"],
      [`telegram:${OFFICIAL}`, "paused"],
      [`telegram:${OFFICIAL}`, "resumed"],
      [`telegram:${OFFICIAL}`, "cancelled"],
    ]);
    // The same steps stand in the audit trail, beside dossier changes, with who did them.
    expect((await app.services.audit.about("TB-0001")).map((e) => [e.action, e.actor.userKey])).toEqual([
      ["broadcast-paused", `telegram:${OFFICIAL}`],
      ["broadcast-resumed", `telegram:${OFFICIAL}`],
      ["broadcast-cancelled", `telegram:${OFFICIAL}`],
    ]);
    await close();
  });

  it("does not send a scheduled announcement whose author is no longer an official when it is due", async () => {
    const dir = await tempDir();
    let bot = await setup({}, dir);
    await enterprises(bot.app, [{ id: "1001", choice: "yes" }]);
    const official = person(bot.app, "telegram", OFFICIAL);
    await official.says("/thongbao");
    await official.says("Thông báo hẹn giờ");
    await official.presses("Không đính kèm");
    await official.presses("Tất cả người đăng ký nhận");
    await official.presses("Hẹn giờ gửi");
    await official.says("23/11/2026 09:00");
    await official.presses("Xác nhận hẹn giờ");
    await bot.close();

    // Restarted without that official in OFFICIAL_TELEGRAM_IDS.
    bot = await setup({ OFFICIAL_TELEGRAM_IDS: "7770002" }, dir);
    bot.clock.set("2026-11-23T02:00:00Z");
    bot.runner.start();
    await bot.runner.tick();
    await bot.runner.idle();
    expect(bot.api.sent().filter((c) => c.payload.chat_id === 1001)).toEqual([]);
    expect(await bot.app.services.broadcasts.get("TB-0001")).toMatchObject({ state: "cancelled", note: "creator-not-official" });
    expect(String(bot.api.sent().find((c) => String(c.payload.chat_id) === OFFICIAL)?.payload.text)).toContain("không còn quyền cán bộ");
    expect((await deliveryState(bot.app, "TB-0001")).recipients).toBeNull();
    await bot.close();
  });
});
