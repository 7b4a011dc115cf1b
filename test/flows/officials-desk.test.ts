import { readFileSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { accountTag } from "../../src/domain/actor-name.js";
import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import type { App } from "../../src/app.js";
import { memoryLogger } from "../../src/core/log.js";
import { toPlainText } from "../../src/core/markup.js";
import { openStorage } from "../../src/store/open.js";
import { testApp } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi, type ApiCall, type FailRule } from "../helpers/fake-telegram.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/**
 * The desk as an official uses it: Hoa (Telegram id 777, an administrator from
 * OFFICIAL_TELEGRAM_IDS) talks to the dialog core; the enterprises are on Telegram, reached through
 * the real Telegram channel whose Bot API is faked at grammY's fetch.
 */
async function desk(fail?: FailRule, beforeSend?: (app: App, userId: string) => Promise<void>) {
  const clock = testClock("2026-11-22T03:00:00Z");
  const dir = await tempDir();
  const app = await testApp(dir, { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const api = fakeBotApi(fail);
  const { sender } = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
  app.outbox.register(
    "telegram",
    beforeSend
      ? {
          ...sender,
          async send(userId, messages) {
            await beforeSend(app, userId);
            return sender.send(userId, messages);
          },
        }
      : sender,
  );
  const register = async (overrides: Parameters<typeof draft>[0] = {}) => {
    const made = await app.storage.unit(() => app.services.submissions.create(draft(overrides), clock.now()));
    if (!made.ok) throw new Error("duplicate in test setup");
    return made.submission.code;
  };
  const noticesTo = (chatId: number) => api.sent().filter((c) => c.payload.chat_id === chatId).map((c) => String(c.payload.text));
  return { app, dir, api, clock, register, noticesTo, hoa: person(app, "telegram", "777", "Trần Thị Hoa") };
}

describe("the officials' desk, /hoso", () => {
  it("finds a case by tracking code, tax code or part of the name typed without diacritics", async () => {
    const { app, register, hoa } = await desk();
    await register({ name: "Công ty TNHH Minh An" });
    await register({ name: "Công ty Cổ phần Minh Anh", taxCode: "0100233488", userKey: "telegram:1002" });
    await register({ name: "Hợp tác xã Chè Hảo Đạt", taxCode: "0312687878", programme: "nscl", userKey: "telegram:1003" });

    expect(await hoa.says("/hoso gt-2026-1")).toContain("Hồ sơ GT-2026-0001 — Giải thưởng Chất lượng Quốc gia năm 2026");
    // The moves, then one button per dossier item (the checklist), then the internal note.
    expect(hoa.buttonLabels()).toEqual([
      "→ Đã nhận hồ sơ",
      "→ Cần bổ sung hồ sơ",
      "→ Đã rút hồ sơ",
      "📋 Đơn đăng ký tham dự: ⬜ chưa nộp",
      "📋 Báo cáo giới thiệu chung: ⬜ chưa nộp",
      "📋 Báo cáo tự đánh giá 07 tiêu chí: ⬜ chưa nộp",
      "📋 Chứng chỉ hệ thống quản lý: ⬜ chưa nộp",
      "📋 Sản phẩm phù hợp tiêu chuẩn: ⬜ chưa nộp",
      "📋 Hồ sơ môi trường (3 năm): ⬜ chưa nộp",
      "📋 Xác nhận thuế, BHXH (3 năm): ⬜ chưa nộp",
      "📋 Tài liệu kết quả khác: ⬜ chưa nộp",
      "📝 Thêm ghi chú nội bộ",
      "🔎 Tìm lại",
      "◀️ Danh sách",
    ]);
    expect(await hoa.says("/case 0100.233.488")).toContain("Tên tổ chức: Công ty Cổ phần Minh Anh");

    const both = await hoa.says("/hoso minh an");
    expect(both).toContain("Tìm thấy 2 hồ sơ khớp với “minh an”");
    expect(hoa.buttonLabels()).toEqual(["GT-2026-0002 · Công ty Cổ phần Minh Anh", "GT-2026-0001 · Công ty TNHH Minh An"]);
    expect(await hoa.presses("Công ty TNHH Minh An")).toContain("Mã số thuế: 0314409058");

    // /hoso alone asks; the next message is the search.
    expect(await hoa.says("/hoso")).toContain("Hoặc gõ mã hồ sơ (hay phần đầu mã, ví dụ GT-2026), mã số thuế hoặc tên tổ chức để tìm.");
    expect(await hoa.says("che hao dat")).toContain("Hồ sơ NS-2026-0001 — Chương trình nâng cao năng suất và chất lượng năm 2026");
    // A typo finds the names spelled nearly the same, as a list to pick from, never opened directly.
    expect(await hoa.says("/hoso hao datt")).toContain("Không có tên nào chứa đúng “hao datt”; 1 hồ sơ có tên gần giống:");
    expect(hoa.buttonLabels()).toEqual(["NS-2026-0001 · Hợp tác xã Chè Hảo Đạt"]);
    expect(await hoa.says("/hoso Công ty Thép Việt Trung")).toContain("Không tìm thấy hồ sơ nào khớp với “Công ty Thép Việt Trung”");
    expect(await hoa.says("/hoso GT-2026-0042")).toContain("Không tìm thấy hồ sơ mang mã GT-2026-0042");
    await app.close();
  });

  it("moves a dossier on, and the enterprise is told in its language on Telegram, only once the change is on disk", async () => {
    // At the moment the enterprise's notice leaves, the status change must already be on disk: a
    // second, read-only opening of the store (as the CLI opens it beside the bot) sees it — on any
    // backend — and on the JSON backend it is in the journal's files.
    let onDiskWhenSent: boolean[] = [];
    let inJournalWhenSent: boolean[] = [];
    let journalDir: string | null = null;
    const spy: FailRule = (call: ApiCall) => {
      if (journalDir !== null && call.method === "sendMessage" && call.payload.chat_id === 1001) {
        const text = readdirSync(journalDir).map((f) => readFileSync(path.join(journalDir!, f), "utf8")).join("");
        inJournalWhenSent.push(text.includes('"status":"needs-supplement"'));
      }
      return undefined;
    };
    const readBack = async (app: App, userId: string) => {
      if (userId !== "1001") return;
      const reader = await openStorage(app.config, memoryLogger(), { readOnly: true });
      try {
        onDiskWhenSent.push((await reader.repos.submissions.get("GT-2026-0001"))?.status === "needs-supplement");
      } finally {
        await reader.close();
      }
    };
    const { app, dir, register, hoa, noticesTo } = await desk(spy, readBack);
    if (app.storage.backend === "json") journalDir = path.join(dir, "journal");
    const code = await register();

    await hoa.says(`/hoso ${code}`);
    expect(await hoa.presses("→ Đã nhận hồ sơ")).toContain("Doanh nghiệp sẽ nhận thông báo qua telegram bằng tiếng Việt.");
    const moved = await hoa.presses("Chuyển, không kèm ghi chú");
    expect(moved).toContain("✅ Đã chuyển hồ sơ GT-2026-0001 (Công ty TNHH Minh An) sang Đã nhận hồ sơ.");
    expect(moved).toContain("📨 Đã gửi thông báo cho doanh nghiệp qua telegram.");
    expect(noticesTo(1001)).toHaveLength(1);
    expect(toPlainText(noticesTo(1001)[0]!)).toContain("Tình trạng mới: Đã nhận hồ sơ (từ 22/11/2026 10:00).");
    onDiskWhenSent = [];
    inJournalWhenSent = [];

    expect(await hoa.presses("→ Cần bổ sung hồ sơ")).toContain("Nên gõ cụ thể tài liệu cần bổ sung");
    const told = await hoa.says("Thiếu báo cáo tự đánh giá theo 07 tiêu chí <b>bản có dấu</b> & xác nhận BHXH 2025");
    expect(told).toContain("sang Cần bổ sung hồ sơ");
    expect(onDiskWhenSent).toEqual([true]);
    if (journalDir !== null) expect(inJournalWhenSent).toEqual([true]);

    const notice = noticesTo(1001)[1]!;
    // The official's note arrives exactly as typed: escaped for Telegram's HTML, never as formatting.
    expect(notice).toContain("Thiếu báo cáo tự đánh giá theo 07 tiêu chí &lt;b&gt;bản có dấu&lt;/b&gt; &amp; xác nhận BHXH 2025");
    const seen = toPlainText(notice);
    expect(seen).toContain("📋 Thông báo về hồ sơ GT-2026-0001 — Giải thưởng Chất lượng Quốc gia năm 2026 của Công ty TNHH Minh An");
    expect(seen).toContain("Tình trạng mới: Cần bổ sung hồ sơ");
    expect(seen).toContain("Hồ sơ tham dự cần được bổ sung hoặc hoàn thiện.");
    // What to add: no item is marked "cần bổ sung", so the required items not sent yet (of past
    // years' list, domain.md §1.5), with the 2026 caveat; the optional item is not asked for.
    expect(seen).toContain("Các mục bắt buộc chưa nộp:\n• Đơn đăng ký tham dự\n• Báo cáo giới thiệu chung\n• Báo cáo tự đánh giá 07 tiêu chí");
    expect(seen).toContain("• Xác nhận thuế, BHXH (3 năm)");
    expect(seen).not.toContain("Tài liệu kết quả khác");
    expect(seen).toContain("Nghị định 37/2026/NĐ-CP");
    expect(seen).toContain("Tệp hồ sơ: PDF, Word hoặc ảnh (PDF, DOC, DOCX, JPG, JPEG, PNG), mỗi tệp không quá 20 MB.");
    // The official's note comes before the items.
    expect(seen.indexOf("Ghi chú của cán bộ phụ trách")).toBeLessThan(seen.indexOf("Các mục bắt buộc chưa nộp"));
    expect(seen).toContain("Ghi chú của cán bộ phụ trách: Thiếu báo cáo tự đánh giá theo 07 tiêu chí <b>bản có dấu</b> & xác nhận BHXH 2025");
    expect(seen).toContain("Tra cứu tình trạng: /tracuu GT-2026-0001");

    const actions = (await app.services.audit.about(code)).map((e) => [e.action, e.actor.role, e.to]);
    expect(actions).toEqual([
      ["created", "enterprise", "registered"],
      ["status", "admin", "dossier-received"],
      ["notice-sent", "system", "dossier-received"],
      ["status", "admin", "needs-supplement"],
      ["notice-sent", "system", "needs-supplement"],
    ]);
    await app.close();
  });

  it("tells an enterprise that chose English in English, whatever language it registered in", async () => {
    const { app, register, hoa, noticesTo } = await desk();
    const code = await register({ programme: "nscl" });
    await app.storage.unit(async () => {
      await app.services.users.touch({ channel: "telegram", id: "1001" }, new Date());
      await app.services.users.setLocale("telegram:1001", "en");
    });
    await hoa.says(`/hoso ${code}`);
    expect(await hoa.presses("→ Đủ điều kiện hỗ trợ")).toContain("Doanh nghiệp sẽ nhận thông báo qua telegram bằng tiếng Anh.");
    await hoa.says("Đã đủ điều kiện theo KH 12015/KH-UBND");
    const seen = toPlainText(noticesTo(1001)[0]!);
    expect(seen).toContain("About submission NS-2026-0001 — Productivity and Quality Programme 2026");
    expect(seen).toContain("New status: Eligible for support");
    expect(seen).toContain("Your request is eligible for support. Next: Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng considers it");
    expect(seen).toContain("Note from the official in charge: Đã đủ điều kiện theo KH 12015/KH-UBND");
    await app.close();
  });

  it("refuses a move the workflow does not allow and names where the case may go", async () => {
    const { app, register, hoa, noticesTo } = await desk();
    const code = await register();
    // A button no view of ours offers (registered → award), as a forged or very old client would send.
    const answer = await hoa.sendsButtonData(`hs:s:${code}:registered:award`);
    expect(answer).toBe("Không thể chuyển từ “Đã đăng ký” sang “Đạt Giải thưởng Chất lượng Quốc gia”. Từ “Đã đăng ký” chỉ có thể chuyển sang: Đã nhận hồ sơ, Cần bổ sung hồ sơ, Đã rút hồ sơ.");
    expect((await app.services.submissions.get(code))?.status).toBe("registered");
    expect(noticesTo(1001)).toEqual([]);

    await hoa.sendsButtonData(`hs:s:${code}:registered:withdrawn`);
    await hoa.presses("Chuyển, không kèm ghi chú");
    expect(await hoa.sendsButtonData(`hs:s:${code}:withdrawn:registered`)).toBe("Không thể chuyển từ “Đã rút hồ sơ” sang “Đã đăng ký”: hồ sơ đã kết thúc.");
    await app.close();
  });

  it("does not act on a button shown before another official moved the case", async () => {
    const { app, register, hoa } = await desk();
    const code = await register();
    expect((await app.storage.unit(() => app.services.roles.grant("telegram:888", "official", "telegram:777", new Date()))).ok).toBe(true);
    const minh = person(app, "telegram", "888");
    await minh.says(`/hoso ${code}`);
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Đã nhận hồ sơ");
    await hoa.presses("Chuyển, không kèm ghi chú");
    // Minh still has the old view and presses "withdraw".
    const late = await minh.presses("→ Đã rút hồ sơ");
    expect(late).toContain("Hồ sơ GT-2026-0001 vừa được chuyển sang “Đã nhận hồ sơ” (bởi Trần Thị Hoa) trước thao tác này, nên không thay đổi gì.");
    expect(late).not.toContain("telegram:");
    expect((await app.services.submissions.get(code))?.status).toBe("dossier-received");
    await app.close();
  });

  it("keeps the new status when the notice cannot be delivered, and says so with the contact to call", async () => {
    const blocked: FailRule = (call) => (call.method === "sendMessage" && call.payload.chat_id === 1001 ? { error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined);
    const { app, register, hoa } = await desk(blocked);
    const code = await register();
    const zaloCode = await register({ taxCode: "0100233488", userKey: "zalo:8800123456789012345" });
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Đã nhận hồ sơ");
    const said = await hoa.presses("Chuyển, không kèm ghi chú");
    expect(said).toContain("⚠️ Chưa gửi được thông báo cho doanh nghiệp: doanh nghiệp đã chặn hoặc rời khỏi trợ lý.");
    expect(said).toContain("Vui lòng báo cho doanh nghiệp bằng cách khác: Nguyễn Thị Lan, 0912 345 678, lan@minhan.vn.");
    expect((await app.services.submissions.get(code))?.status).toBe("dossier-received");
    expect((await app.services.audit.about(code)).at(-1)).toMatchObject({ action: "notice-failed", detail: "telegram: blocked" });
    expect((await app.services.users.get("telegram:1001"))?.unreachableSince).not.toBeNull();

    // Zalo is not running here: the outbox says so, and the move stands.
    await hoa.says(`/hoso ${zaloCode}`);
    await hoa.presses("→ Đã rút hồ sơ");
    expect(await hoa.says("Doanh nghiệp gọi điện xin rút")).toContain("kênh nhắn tin hiện không gửi được (zalo is not running)");
    expect((await app.services.submissions.get(zaloCode))?.status).toBe("withdrawn");
    await app.close();
  });

  it("keeps internal notes from the enterprise and shows them in the case log", async () => {
    const { app, register, hoa, noticesTo } = await desk();
    const code = await register();
    await hoa.says(`/hoso ${code}`);
    expect(await hoa.presses("Thêm ghi chú nội bộ")).toContain("Ghi chú chỉ cán bộ xem được, không gửi cho doanh nghiệp.");
    const saved = await hoa.says("Đã gọi chị Lan, hẹn nộp bản giấy thứ Hai");
    expect(saved).toContain("📝 Đã lưu ghi chú cho hồ sơ GT-2026-0001.");
    expect(saved).toContain("Trần Thị Hoa (quản trị): ghi chú nội bộ “Đã gọi chị Lan, hẹn nộp bản giấy thứ Hai”");
    // The enterprise's own steps read with its contact's name; no account id anywhere in the log.
    expect(saved).toContain("Nguyễn Thị Lan, Công ty TNHH Minh An (doanh nghiệp)");
    expect(saved).not.toMatch(/telegram:|zalo:|web:/);
    expect(noticesTo(1001)).toEqual([]);
    await hoa.presses("Thêm ghi chú nội bộ");
    expect(await hoa.presses("Hủy")).toBe("Đã hủy, không có thay đổi nào.");
    expect((await app.services.audit.about(code)).filter((e) => e.action === "note")).toHaveLength(1);
    await app.close();
  });

  it("lets an official accept or dismiss contact details sent by someone other than the owner", async () => {
    const { app, register, hoa, clock } = await desk();
    const a = await register();
    const b = await register({ taxCode: "0100233488", name: "Công ty Cổ phần Minh Anh", userKey: "telegram:1002" });
    const stranger = "web:someone-else-000000";
    const newContact = { name: "Trần Văn Bình", position: "Giám đốc", phone: "+84987654321", email: "binh@minhan.vn" };
    expect((await app.storage.unit(() => app.services.submissions.updateContact(a, newContact, stranger, clock.now()))).ok).toBe(true);
    expect((await app.storage.unit(() => app.services.submissions.updateContact(b, newContact, stranger, clock.now()))).ok).toBe(true);

    expect(await hoa.says("/hoso")).toContain("Có 2 đề nghị thay đổi thông tin liên hệ đang chờ xác minh.");
    expect(await hoa.presses("Đề nghị đổi liên hệ chờ xác minh (2)")).toContain("Đề nghị thay đổi thông tin liên hệ đang chờ xác minh (2):");
    const view = await hoa.presses("Công ty TNHH Minh An");
    // Sent from a web chat: its account is never shown (not even the digest of the session), only a tag.
    expect(view).toContain(`Thông tin liên hệ mới đang chờ xác minh (gửi lúc 22/11/2026 10:00 từ tài khoản doanh nghiệp #${accountTag(stranger)}`);
    expect(view).not.toContain("someone-else");
    expect(view).toContain("Trần Văn Bình, Giám đốc; điện thoại 0987 654 321; email binh@minhan.vn");
    expect(await hoa.presses("Nhận liên hệ mới")).toContain("✅ Đã thay thông tin liên hệ của hồ sơ GT-2026-0001 bằng thông tin mới.");
    expect((await app.services.submissions.get(a))?.contact).toEqual(newContact);

    await hoa.says(`/hoso ${b}`);
    expect(await hoa.presses("Bỏ liên hệ mới")).toContain("Đã bỏ đề nghị thay đổi liên hệ của hồ sơ GT-2026-0002; thông tin cũ được giữ nguyên.");
    expect((await app.services.submissions.get(b))?.contact?.name).toBe("Nguyễn Thị Lan");
    expect((await app.services.submissions.get(b))?.pendingContact).toBeNull();
    expect((await app.services.audit.about(a)).map((e) => e.action)).toContain("contact-accepted");
    expect((await app.services.audit.about(b)).at(-1)).toMatchObject({ action: "contact-dismissed", actor: { userKey: "telegram:777", role: "admin" } });
    await app.close();
  });

  it("forwards the documents the enterprise sent, by the channel's own reference", async () => {
    const { app, register, hoa, clock } = await desk();
    const code = await register();
    const file = { channel: "telegram" as const, ref: "BQACAgIAAxkBAAIBtự-đánh-giá", name: "Báo cáo tự đánh giá.pdf", size: 120_000, mime: "application/pdf" };
    expect((await app.storage.unit(() => app.services.submissions.attach(code, "telegram:1001", file, clock.now()))).ok).toBe(true);
    expect((await app.storage.unit(() => app.services.submissions.attach(code, "telegram:1001", { ...file, ref: "BQAC-2", name: "Giấy chứng nhận ISO 9001.pdf" }, clock.now()))).ok).toBe(true);
    await hoa.says(`/hoso ${code}`);
    expect(hoa.buttonLabels()).toContain("📎 Báo cáo tự đánh giá.pdf");
    await hoa.presses("📎 Báo cáo tự đánh giá.pdf");
    expect(hoa.replies[0]?.attachment).toEqual({ kind: "stored", file });
    expect(hoa.hears()).toBe("Tệp của hồ sơ GT-2026-0001: Báo cáo tự đánh giá.pdf (nhận ngày 2026-11-22)");
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("Gửi cả 2 tệp");
    expect(hoa.replies.map((m) => (m.attachment?.kind === "stored" ? m.attachment.file.name : null))).toEqual(["Báo cáo tự đánh giá.pdf", "Giấy chứng nhận ISO 9001.pdf"]);
    await app.close();
  });

  it("only ever appends to the audit log: earlier bytes stay exactly as they were", async () => {
    const { app, dir, register, hoa } = await desk();
    const code = await register();
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Đã nhận hồ sơ");
    await hoa.presses("Chuyển, không kèm ghi chú");
    await app.storage.checkpoint();
    // The bytes are the JSON backend's file; the entries read back through the service say the same on any backend.
    const json = app.storage.backend === "json";
    const file = path.join(dir, "audit", "2026-11.jsonl");
    const before = json ? await readFile(file) : Buffer.alloc(0);
    if (json) expect(before.toString("utf8").trim().split("\n")).toHaveLength(3);
    const earlier = await app.services.audit.about(code);
    expect(earlier).toHaveLength(3);

    await hoa.presses("Thêm ghi chú nội bộ");
    await hoa.says("Hồ sơ đầy đủ bản giấy");
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Đang đánh giá hồ sơ");
    await hoa.presses("Chuyển, không kèm ghi chú");
    const entries = await app.services.audit.about(code);
    expect(entries.length).toBeGreaterThan(earlier.length);
    expect(entries.slice(0, earlier.length)).toEqual(earlier);
    expect(entries.map((e) => e.action)).toEqual(["created", "status", "notice-sent", "note", "status", "notice-sent"]);
    await app.close();
    if (json) {
      const after = await readFile(file);
      expect(after.length).toBeGreaterThan(before.length);
      expect(after.subarray(0, before.length).equals(before)).toBe(true);
      const lines = after.toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { v: number; action: string });
      expect(lines.map((l) => l.action)).toEqual(["created", "status", "notice-sent", "note", "status", "notice-sent"]);
      expect(lines.every((l) => l.v === 1)).toBe(true);
    }

    // Reopened, the log is read back whole and validated.
    const again = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    expect(await auditTrail(again)).toHaveLength(6);
    expect(await again.services.audit.about(code)).toEqual(entries);
    await again.close();
  });

  it("tells the same enterprise on a linked channel too", async () => {
    const { app, register, hoa, noticesTo } = await desk();
    const code = await register();
    const linked = await app.storage.unit(() => app.services.submissions.link(code, "telegram:1001", { userKey: "telegram:1009", channel: "telegram", userId: "1009" }, new Date("2026-11-22T03:00:00Z")));
    expect(linked.ok).toBe(true);
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Đã nhận hồ sơ");
    await hoa.presses("Chuyển, không kèm ghi chú");
    expect(noticesTo(1001).join("\n")).toContain(code);
    expect(noticesTo(1009)).toEqual(noticesTo(1001));
    await app.close();
  });
});

