import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import type { OutboundMessage } from "../../src/core/types.js";
import { submissionTable } from "../../src/services/export.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const MB = 1024 * 1024;

/**
 * The dossier checklist as people use it: Lan (Telegram 1001) registered for the award; Hoa
 * (Telegram 777, an administrator) works at the desk; notices to Lan are caught at the outbox.
 */
async function setup() {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const notices: { id: string; text: string }[] = [];
  app.outbox.register("telegram", { send: async (id, messages: OutboundMessage[]) => (notices.push(...messages.map((m) => ({ id, text: toPlainText(m.text) }))), { ok: true }) });
  const made = await app.storage.unit(() => app.services.submissions.create(draft(), clock.now()));
  if (!made.ok) throw new Error("duplicate in test setup");
  return { app, clock, code: made.submission.code, notices, lan: person(app, "telegram", "1001"), hoa: person(app, "telegram", "777") };
}

const itemsOf = async (app: Awaited<ReturnType<typeof setup>>["app"], code: string) =>
  (await app.services.submissions.get(code))!.documents.map((d) => [d.file.name, d.item]);

describe("the dossier checklist", () => {
  it("refuses a too-large or unsupported file with the rule, files what is sent under the item chosen, several at once, and asks about files sent without choosing", async () => {
    const { app, code, lan } = await setup();

    const big = await lan.sendsFile({ name: "bao-cao-tu-danh-gia.pdf", ref: "big-1", size: 25 * MB });
    expect(big).toContain("Tệp này lớn hơn 20 MB nên Trợ lý chưa nhận được");
    expect(big).toContain("Tệp «bao-cao-tu-danh-gia.pdf» không được lưu.");
    const exe = await lan.sendsFile({ name: "setup.exe", ref: "exe-1", mime: "application/x-msdownload" });
    expect(exe).toContain("Trợ lý chỉ nhận tệp PDF, Word hoặc ảnh (PDF, DOC, DOCX, JPG, JPEG, PNG), mỗi tệp không quá 20 MB.");
    expect(await itemsOf(app, code)).toEqual([]);

    // One file, then a second while the item is asked: both go to the item chosen. The name is kept safe.
    expect(await lan.sendsFile({ name: "gioi-thieu.pdf", ref: "doc-1" })).toContain("Quý doanh nghiệp muốn đính kèm 1 tệp (gioi-thieu.pdf) vào hồ sơ nào?");
    const asked = await lan.presses(`Hồ sơ ${code}`);
    expect(asked).toContain(`Tệp vừa gửi (gioi-thieu.pdf) thuộc mục nào của hồ sơ ${code}?`);
    expect(lan.buttonLabels()).toEqual([
      "📁 Đơn đăng ký tham dự",
      "📁 Báo cáo giới thiệu chung",
      "📁 Báo cáo tự đánh giá 07 tiêu chí",
      "📁 Chứng chỉ hệ thống quản lý",
      "📁 Sản phẩm phù hợp tiêu chuẩn",
      "📁 Hồ sơ môi trường (3 năm)",
      "📁 Xác nhận thuế, BHXH (3 năm)",
      "📁 Tài liệu kết quả khác",
      "Để sau",
    ]);
    const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const again = await lan.sendsFile({ name: "../../to-chuc/\u202Ebieu-do.docx", ref: "doc-2", mime: docx });
    expect(again).toContain("Tệp vừa gửi (gioi-thieu.pdf, bieu-do.docx) thuộc mục nào");
    // A refused file meanwhile is not kept, and the question stays.
    expect(await lan.sendsFile({ name: "video.mp4", ref: "vid-1", mime: "video/mp4" })).toContain("thuộc mục nào");
    const filed = await lan.presses("Báo cáo giới thiệu chung");
    expect(filed).toContain(`Đã xếp 2 tệp vào mục «Báo cáo giới thiệu chung» của hồ sơ ${code}.`);
    expect(filed).toContain("• Báo cáo giới thiệu chung: 📤 đã gửi (2 tệp)");
    expect(filed).toContain("• Đơn đăng ký tham dự: ⬜ chưa nộp (0 tệp)");
    expect(await itemsOf(app, code)).toEqual([
      ["gioi-thieu.pdf", "introduction"],
      ["bieu-do.docx", "introduction"],
    ]);

    // Sent without choosing (the user types something else): kept without an item, and asked about from /tracuu.
    await lan.sendsFile({ name: "tu-danh-gia.pdf", ref: "doc-3" });
    await lan.presses(`Hồ sơ ${code}`);
    expect(await lan.says("để tôi xem lại")).toContain("chưa xếp vào mục nào");
    const own = await lan.says("/tracuu");
    expect(own).toContain("1 tệp chưa xếp vào mục nào.");
    expect(own).toContain("Tệp hồ sơ: PDF, Word hoặc ảnh");
    expect(await lan.presses(`Xếp tệp của hồ sơ ${code}`)).toContain(`Tệp vừa gửi (tu-danh-gia.pdf) thuộc mục nào của hồ sơ ${code}?`);
    await lan.presses("Báo cáo tự đánh giá 07 tiêu chí");
    expect((await itemsOf(app, code))[2]).toEqual(["tu-danh-gia.pdf", "self-assessment"]);
    // A forged item that is not in the list files nothing and asks again.
    await lan.sendsFile({ name: "khac.pdf", ref: "doc-4" });
    await lan.presses(`Hồ sơ ${code}`);
    expect(await lan.sendsButtonData("di:i:made-up-item")).toContain("thuộc mục nào");
    expect((await itemsOf(app, code))[3]).toEqual(["khac.pdf", null]);

    const trail = (await app.services.audit.about(code)).filter((e) => e.action === "document-item").map((e) => [e.actor.role, e.to, e.detail]);
    expect(trail).toEqual([
      ["enterprise", "introduction", "gioi-thieu.pdf, bieu-do.docx"],
      ["enterprise", "self-assessment", "tu-danh-gia.pdf"],
    ]);
    await app.close();
  });

  it("keeps an NSCL request's files as before: no checklist, no item question", async () => {
    const { app } = await setup();
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ programme: "nscl", userKey: "telegram:1002", taxCode: "0100233488" }), new Date("2026-11-22T03:00:00Z")));
    const code = made.ok ? made.submission.code : "";
    const hung = person(app, "telegram", "1002");
    await hung.sendsFile({ name: "ke-hoach.pdf", ref: "ns-1" });
    const done = await hung.presses(`Hồ sơ ${code}`);
    expect(done).toContain(`Đã đính kèm ke-hoach.pdf vào hồ sơ ${code}`);
    expect(done).not.toContain("thuộc mục nào");
    expect(await hung.says("/tracuu")).not.toContain("Danh mục hồ sơ");
    expect(await app.storage.repos.dialogs.get("telegram:1002")).toBeUndefined();
    await app.close();
  });

  it("an official marks one item 'cần bổ sung', the enterprise is told exactly that item, sends it, and the official marks it 'đạt'", async () => {
    const { app, clock, code, lan, hoa, notices } = await setup();
    await app.storage.unit(async () => {
      await app.services.submissions.attach(code, "telegram:1001", { channel: "telegram", ref: "f-1", name: "tu-danh-gia.pdf", size: 1000, mime: "application/pdf" }, clock.now(), "self-assessment");
      await app.services.submissions.attach(code, "telegram:1001", { channel: "telegram", ref: "f-2", name: "gioi-thieu.pdf", size: 1000, mime: "application/pdf" }, clock.now(), "introduction");
    });

    const view = await hoa.says(`/hoso ${code}`);
    expect(view).toContain("Danh mục hồ sơ tham dự");
    expect(view).toContain("• Báo cáo tự đánh giá 07 tiêu chí: 📤 đã gửi (1 tệp)");
    const item = await hoa.presses("📋 Báo cáo tự đánh giá 07 tiêu chí");
    expect(item).toContain(`Hồ sơ ${code}, mục Báo cáo tự đánh giá theo 07 tiêu chí`);
    expect(item).toContain("1 tệp: tu-danh-gia.pdf");
    expect(await hoa.presses("Cần bổ sung")).toContain("cần bổ sung gì?");
    const marked = await hoa.says("Thiếu chữ ký và dấu ở trang cuối");
    expect(marked).toContain("Đã đánh dấu mục «Báo cáo tự đánh giá 07 tiêu chí»");
    expect(marked).toContain("• Báo cáo tự đánh giá 07 tiêu chí: ⚠️ cần bổ sung (1 tệp) — ghi chú của cán bộ: Thiếu chữ ký và dấu ở trang cuối");
    await hoa.presses("📋 Báo cáo giới thiệu chung");
    expect(await hoa.presses("✅ Đạt")).toContain("• Báo cáo giới thiệu chung: ✅ đạt (1 tệp)");
    expect(notices).toEqual([]);

    // Documents are asked for straight from "registered": one notice, the official's note first, then exactly the item marked.
    expect(await hoa.presses("→ Cần bổ sung hồ sơ")).toContain("Nên gõ cụ thể tài liệu cần bổ sung");
    await hoa.says("Vui lòng bổ sung trước ngày 15/12/2026");
    expect(notices).toHaveLength(1);
    const notice = notices[0]!.text;
    expect(notices[0]!.id).toBe("1001");
    expect(notice).toContain("Tình trạng mới: Cần bổ sung hồ sơ");
    expect(notice).toContain("Các mục cần bổ sung:\n• Báo cáo tự đánh giá 07 tiêu chí: Thiếu chữ ký và dấu ở trang cuối");
    expect(notice.indexOf("Vui lòng bổ sung trước ngày 15/12/2026")).toBeLessThan(notice.indexOf("Các mục cần bổ sung"));
    for (const other of ["Báo cáo giới thiệu chung", "Đơn đăng ký tham dự", "Hồ sơ môi trường", "Xác nhận thuế", "1. Đơn đăng ký"]) expect(notice).not.toContain(other);
    expect(notice).toContain("Tệp hồ sơ: PDF, Word hoặc ảnh");

    // The owner sees the checklist with the note; someone who only typed the code sees neither.
    const own = await lan.says("/tracuu");
    expect(own).toContain("• Báo cáo tự đánh giá 07 tiêu chí: ⚠️ cần bổ sung (1 tệp) — ghi chú của cán bộ: Thiếu chữ ký và dấu ở trang cuối");
    expect(own).toContain("• Báo cáo giới thiệu chung: ✅ đạt (1 tệp)");
    expect(own).toContain("• Tài liệu kết quả khác (không bắt buộc): ⬜ chưa nộp (0 tệp)");
    expect(own).toContain("danh mục hồ sơ theo Luật 78/2025/QH15 và Nghị định 37/2026/NĐ-CP chưa được công bố");
    const stranger = await person(app, "web", "stranger-session-00001").says(`/tracuu ${code}`);
    expect(stranger).toContain("Tình trạng: Cần bổ sung hồ sơ");
    for (const secret of ["Danh mục hồ sơ", "Thiếu chữ ký", "tu-danh-gia.pdf"]) expect(stranger).not.toContain(secret);

    // Another item found missing while the case waits: the request goes again, naming both items marked.
    await hoa.says(`/hoso ${code}`);
    expect(hoa.buttonLabels()).toContain("📨 Gửi lại yêu cầu bổ sung");
    await hoa.presses("📋 Hồ sơ môi trường (3 năm)");
    await hoa.presses("Cần bổ sung");
    await hoa.says("Thiếu báo cáo quan trắc năm 2025");
    expect(await hoa.presses("📨 Gửi lại yêu cầu bổ sung")).toContain("📨 Đã gửi thông báo cho doanh nghiệp qua telegram.");
    expect(notices).toHaveLength(2);
    expect(notices[1]!.text).toContain("Các mục cần bổ sung:\n• Báo cáo tự đánh giá 07 tiêu chí: Thiếu chữ ký và dấu ở trang cuối\n• Hồ sơ môi trường (3 năm): Thiếu báo cáo quan trắc năm 2025");
    expect(notices[1]!.text).not.toContain("Báo cáo giới thiệu chung");
    expect(notices[1]!.text).not.toContain("Vui lòng bổ sung trước ngày 15/12/2026");
    await hoa.presses("📋 Hồ sơ môi trường (3 năm)");
    await hoa.presses("Bỏ đánh dấu");

    // Lan sends the signed report for that item; Hoa marks it "đạt".
    await lan.sendsFile({ name: "tu-danh-gia-co-dau.pdf", ref: "f-3" });
    await lan.presses(`Hồ sơ ${code}`);
    expect(await lan.presses("Báo cáo tự đánh giá 07 tiêu chí")).toContain("Đã xếp 1 tệp vào mục «Báo cáo tự đánh giá 07 tiêu chí»");
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("📋 Báo cáo tự đánh giá 07 tiêu chí: ⚠️ cần bổ sung");
    expect(await hoa.presses("✅ Đạt")).toContain("• Báo cáo tự đánh giá 07 tiêu chí: ✅ đạt (2 tệp)");
    // Back to unmarked: the files decide again.
    await hoa.presses("📋 Báo cáo giới thiệu chung");
    expect(await hoa.presses("Bỏ đánh dấu")).toContain("• Báo cáo giới thiệu chung: 📤 đã gửi (1 tệp)");

    const marks = (await app.services.audit.about(code)).filter((e) => e.action === "checklist-marked").map((e) => [e.actor.role, e.detail, e.to, e.note]);
    expect(marks).toEqual([
      ["admin", "self-assessment", "needs-more", "Thiếu chữ ký và dấu ở trang cuối"],
      ["admin", "introduction", "reviewed-ok", null],
      ["admin", "environment", "needs-more", "Thiếu báo cáo quan trắc năm 2025"],
      ["admin", "environment", "none", null],
      ["admin", "self-assessment", "reviewed-ok", null],
      ["admin", "introduction", "none", null],
    ]);

    // The export: one column per item with its state.
    const list = [(await app.services.submissions.get(code))!];
    const table = submissionTable(list, (key) => toPlainText(app.translator.t("vi", key)), "vi", app.services.supportKinds, app.services.dossierItems);
    const column = (name: string) => table.rows[0]![table.headers.indexOf(`Hồ sơ: ${name}`)];
    expect(table.headers.filter((h) => h.startsWith("Hồ sơ: "))).toHaveLength(8);
    expect(column("Báo cáo tự đánh giá 07 tiêu chí")).toBe("✅ đạt");
    expect(column("Báo cáo giới thiệu chung")).toBe("📤 đã gửi");
    expect(column("Đơn đăng ký tham dự")).toBe("⬜ chưa nộp");
    await app.close();
  });

  it("refuses forged officials' buttons from anyone else, changing nothing", async () => {
    const { app, code, lan } = await setup();
    const before = await app.services.submissions.get(code);
    for (const forged of [`ck:m:${code}:self-assessment:ok`, `ck:m:${code}:self-assessment:more`, `ck:o:${code}:self-assessment`, `ck:r:${code}`, "ckf:x"]) {
      expect(await lan.sendsButtonData(forged), forged).toContain("Nút này không còn hiệu lực");
    }
    expect(await lan.says("Thiếu chữ ký")).not.toContain("Đã đánh dấu");
    expect((await app.services.submissions.get(code))?.checklist).toEqual({});
    expect(await app.services.submissions.get(code)).toEqual(before);
    // A role revoked between the view and the press: the press does nothing either.
    const hoa = person(app, "telegram", "778");
    await app.storage.unit(() => app.services.roles.grant("telegram:778", "official", "telegram:777", new Date()));
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("📋 Đơn đăng ký tham dự");
    await app.storage.unit(() => app.services.roles.revoke("telegram:778", "telegram:777", new Date()));
    expect(await hoa.presses("✅ Đạt")).toContain("Nút này không còn hiệu lực");
    expect((await app.services.submissions.get(code))?.checklist).toEqual({});
    await app.close();
  });

  it("counts complete dossiers in /thongke: every required item sent or đạt, none cần bổ sung", async () => {
    const { app, clock, code, hoa } = await setup();
    expect(await hoa.says("/thongke gtclqg 2026")).toContain("Hồ sơ đủ các mục bắt buộc (theo danh mục): 0/1.");
    const required = app.services.dossierItems.legacy.filter((i) => i.required);
    await app.storage.unit(async () => {
      for (const [i, item] of required.entries()) {
        await app.services.submissions.attach(code, "telegram:1001", { channel: "telegram", ref: `r-${i}`, name: `${item.id}.pdf`, size: 1000, mime: "application/pdf" }, clock.now(), item.id);
      }
    });
    expect(await hoa.says("/thongke gtclqg 2026")).toContain("Hồ sơ đủ các mục bắt buộc (theo danh mục): 1/1.");
    const ids = app.services.dossierItems.legacy.map((i) => i.id);
    await app.storage.unit(() => app.services.submissions.markItem(code, "environment", { state: "needs-more", note: "Thiếu báo cáo quan trắc 2025" }, "telegram:777", ids, clock.now()));
    expect(await hoa.says("/thongke gtclqg 2026")).toContain("Hồ sơ đủ các mục bắt buộc (theo danh mục): 0/1.");
    // NSCL has no checklist: no such line.
    expect(await hoa.says("/thongke nscl 2026")).not.toContain("Hồ sơ đủ các mục");
    await app.close();
  });
});
