import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../src/core/types.js";
import { toPlainText } from "../../src/core/markup.js";
import { registrationFormExpiry } from "../../src/flows/registration/expiry.js";
import { sweepExpiredForms } from "../../src/services/form-expiry.js";
import { testApp } from "../helpers/app.js";
import { QUESTION, answerFrom } from "../helpers/registration-script.js";
import { DAY, person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

async function registered() {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now });
  const lan = person(app, "telegram", "1001");
  await lan.says("/dangky gtclqg");
  await answerFrom(lan, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
  await lan.presses("Gửi đăng ký");
  return { app, clock, lan };
}

describe("following a submission", () => {
  it("shows anyone holding the code its status and date, and nothing personal", async () => {
    const { app, lan } = await registered();
    const stranger = person(app, "web", "stranger-session-00001");
    const seen = await stranger.says("/tracuu gt-2026-1");
    expect(seen).toBe("Hồ sơ GT-2026-0001 — Giải thưởng Chất lượng Quốc gia năm 2026\nTình trạng: Đã đăng ký\nCập nhật lần cuối: 22/11/2026");
    expect(await stranger.says("/status GT-2026-0999")).toContain("Không tìm thấy hồ sơ mang mã GT-2026-0999");
    expect(await stranger.says("/tracuu 0314409058")).toContain("Mã hồ sơ chưa đúng dạng");
    expect(await stranger.says("/tracuu")).toContain("Chưa có hồ sơ nào được đăng ký từ tài khoản này");

    const own = await lan.says("/tracuu");
    expect(own).toContain("Các hồ sơ đăng ký từ tài khoản này (1)");
    expect(own).toContain("Người liên hệ: Nguyen Thi Lan, Truong phong QLCL; điện thoại 0912 345 678; email lan@minhan.vn");
    expect(own).toContain("Lịch sử: 22/11/2026 10:00: Đã đăng ký");
    await app.close();
  });

  it("shows everything stored about the user, lets them withdraw and then remove the contact", async () => {
    const { app, lan, clock } = await registered();
    clock.advance(2 * DAY);
    const data = await lan.says("/dulieu");
    expect(data).toContain("Dữ liệu trợ lý đang lưu về Quý doanh nghiệp");
    expect(data).toContain("Tài khoản: kênh telegram, mã 1001; ngôn ngữ: Tiếng Việt (mặc định)");
    expect(data).toContain("Hồ sơ GT-2026-0001");
    expect(data).toContain("Đồng ý xử lý dữ liệu: Đồng ý lúc 22/11/2026 10:00");
    expect(lan.buttonLabels()).toEqual(["Rút hồ sơ GT-2026-0001"]);

    expect(await lan.presses("Rút hồ sơ GT-2026-0001")).toContain("Quý doanh nghiệp xác nhận rút hồ sơ GT-2026-0001 (Cong ty TNHH San xuat Minh An, tình trạng: Đã đăng ký)?");
    expect(await lan.presses("Xác nhận rút hồ sơ")).toContain("Đã rút hồ sơ GT-2026-0001; hồ sơ được giữ lại để lưu trữ.");
    expect(await lan.presses("Xóa thông tin liên hệ")).toContain("Đã xóa thông tin người liên hệ khỏi hồ sơ GT-2026-0001.");

    const record = await app.services.submissions.get("GT-2026-0001");
    expect(record?.status).toBe("withdrawn");
    expect(record?.contact).toBeNull();
    expect(record?.statusHistory.map((h) => [h.to, h.by])).toEqual([
      ["registered", { kind: "enterprise", userKey: "telegram:1001" }],
      ["withdrawn", { kind: "enterprise", userKey: "telegram:1001" }],
    ]);
    expect(await person(app, "web", "stranger-session-00001").says("/tracuu GT-2026-0001")).toContain("Tình trạng: Đã rút hồ sơ\nCập nhật lần cuối: 24/11/2026");
    expect(await lan.says("/dulieu")).toContain("Người liên hệ: đã xóa theo yêu cầu ngày 24/11/2026");
    expect(await lan.says("/rut")).toContain("không có hồ sơ nào đang được xem xét để rút");
    await app.close();
  });

  it("refuses forged withdrawal buttons and codes of other users' submissions, changing nothing", async () => {
    const { app } = await registered();
    const mallory = person(app, "web", "mallory-session-000001");
    expect(await mallory.sendsButtonData("sub:wy:GT-2026-0001")).toContain("Không tìm thấy hồ sơ này trong các hồ sơ đăng ký từ tài khoản của Quý doanh nghiệp.");
    expect(await mallory.sendsButtonData("sub:rc:GT-2026-0001")).toContain("Không tìm thấy hồ sơ này");
    expect(await mallory.sendsButtonData("sub:wy:../../etc")).toContain("Không tìm thấy hồ sơ này");
    expect(await mallory.says("/rut GT-2026-0001")).toContain("Không tìm thấy hồ sơ này");
    expect((await app.services.submissions.get("GT-2026-0001"))?.status).toBe("registered");
    expect((await app.services.submissions.get("GT-2026-0001"))?.contact).not.toBeNull();
    await app.close();
  });

  it("attaches a file sent later to the submission the user picks", async () => {
    const { app, lan } = await registered();
    const offer = await lan.sendsFile({ name: "bao-cao-tu-danh-gia.pdf", ref: "BQAC-later-1", size: 2_000_000 });
    expect(offer).toContain("Quý doanh nghiệp muốn đính kèm 1 tệp (bao-cao-tu-danh-gia.pdf) vào hồ sơ nào?");
    // A forged code that was not offered attaches nothing.
    expect(await lan.sendsButtonData("att:GT-2026-0002")).toContain("vào hồ sơ nào?");
    expect(await lan.presses("Hồ sơ GT-2026-0001")).toContain("Đã đính kèm bao-cao-tu-danh-gia.pdf vào hồ sơ GT-2026-0001 (hồ sơ hiện có 1 tệp).");
    expect((await app.services.submissions.get("GT-2026-0001"))?.documents.map((d) => d.file)).toEqual([
      { channel: "telegram", ref: "BQAC-later-1", name: "bao-cao-tu-danh-gia.pdf", size: 2_000_000, mime: "application/pdf" },
    ]);
    // An award dossier has items: which one is this file for? Nothing else is asked of an NSCL request.
    expect(lan.buttonLabels()).toContain("📁 Báo cáo tự đánh giá 07 tiêu chí");
    expect(await lan.presses("📁 Báo cáo tự đánh giá 07 tiêu chí")).toContain("Đã xếp 1 tệp vào mục «Báo cáo tự đánh giá 07 tiêu chí» của hồ sơ GT-2026-0001.");
    expect((await app.services.submissions.get("GT-2026-0001"))?.documents.map((d) => d.item)).toEqual(["self-assessment"]);
    await lan.sendsFile({ name: "anh.jpg", ref: "photo-2" });
    expect(await lan.presses("Không đính kèm")).toContain("Tệp vừa gửi không được lưu.");
    const nobody = person(app, "web", "nobody-session-0000001");
    expect(await nobody.sendsFile({ name: "x.pdf" })).toContain("Trợ lý đã nhận tệp nhưng chưa rõ tệp này dùng cho hồ sơ nào");
    await app.close();
  });

  it("starts over politely when a saved form cannot be read, and refuses buttons of earlier questions", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now });
    const lan = person(app, "telegram", "1001");
    await lan.says("/dangky gtclqg");
    await lan.presses("Đồng ý");
    await lan.says("Công ty Minh An");
    // An old button (the consent one) pressed again.
    expect(await lan.sendsButtonData("rg:c:consent:yes")).toContain("Nút vừa bấm thuộc một câu hỏi trước đó. Câu hỏi hiện tại:");
    expect(await lan.sendsButtonData("rg:c:orgType:robot")).toContain(QUESTION.taxCode);
    for (const forged of ["rg:a:constructor", "rg:a:__proto__", "rg:edit:taxCode", "rg:submit", "rg:t:taxCode:x", "rg:c:taxCode:0314409058", "rg"]) {
      expect(await lan.sendsButtonData(forged), forged).toContain(QUESTION.taxCode);
    }

    // A form saved by an older version (or damaged): a new question instead of a crash.
    await app.storage.unit(() =>
      app.storage.repos.dialogs.put("telegram:1001", { flow: "register-gtclqg", data: { v: 0, at: "nowhere" }, startedAt: clock.now().toISOString(), updatedAt: clock.now().toISOString() }),
    );
    const restarted = await lan.says("0314409058");
    expect(restarted).toContain("trợ lý không đọc được phần đăng ký đang làm dở");
    expect(restarted).toContain(QUESTION.consent);
    await app.close();
  });

  it("deletes forms untouched for 30 days and tells the user on their channel", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now });
    const sent: { id: string; messages: OutboundMessage[] }[] = [];
    app.outbox.register("telegram", { send: async (id, messages) => (sent.push({ id, messages }), { ok: true }) });
    const lan = person(app, "telegram", "1001");
    const minh = person(app, "telegram", "1002");
    await lan.says("/dangky gtclqg");
    await lan.presses("Đồng ý");
    clock.advance(20 * DAY);
    await minh.says("/dangky nscl");

    expect(await sweepExpiredForms(app, registrationFormExpiry, new Date(clock.now().getTime() + 11 * DAY))).toBe(1);
    expect(await app.storage.repos.dialogs.get("telegram:1001")).toBeUndefined();
    expect(await app.storage.repos.dialogs.get("telegram:1002")).toBeDefined();
    expect(sent.map((s) => [s.id, toPlainText(s.messages[0]!.text)])).toEqual([
      ["1001", "Phần đăng ký tham dự Giải thưởng Chất lượng Quốc gia đang làm dở (lần cuối lúc 22/11/2026 10:00) đã hết hạn sau 30 ngày không sử dụng; các câu trả lời đã được xóa. Quý doanh nghiệp có thể bắt đầu lại bằng lệnh /dangky."],
    ]);
    await app.close();
  });
});
