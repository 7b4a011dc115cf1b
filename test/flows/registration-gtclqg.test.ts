import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Submission } from "../../src/domain/submission.js";
import { dataDir } from "../../src/paths.js";
import { testApp } from "../helpers/app.js";
import { LAN_ANSWERS, QUESTION, answerFrom, type Question } from "../helpers/registration-script.js";
import { DAY, person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const asks = (said: string, q: Question) => expect(said).toContain(QUESTION[q]);

async function setup(dir?: string, at = "2026-11-22T03:00:00Z", dataDir?: string) {
  const clock = testClock(at);
  const app = await testApp(dir ?? (await tempDir()), { clock: clock.now, ...(dataDir ? { dataDir } : {}) });
  return { app, clock, lan: person(app, "telegram", "1001") };
}

/** A copy of data/ where an official confirmed the 2026 rules for award year 2026 in the Đồng Nai profile. */
async function confirmedRegimeData(): Promise<string> {
  const dir = await tempDir();
  cpSync(dataDir, dir, { recursive: true });
  const file = path.join(dir, "provinces", "dong-nai.json");
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const cycle = profile.timeline.cycles.find((c: { year: number }) => c.year === 2026);
  Object.assign(cycle, { rulesConfirmed: true, rulesSource: "Văn bản xác nhận áp dụng NĐ 37/2026 cho năm giải 2026 (ví dụ trong test)" });
  writeFileSync(file, JSON.stringify(profile));
  return dir;
}

type JournalItem = { c: string; k: string; r?: Submission };

/** The submission as written to disk when the confirmation was sent: the newest journal line for it (JSON backend). */
async function storedOnDisk(dir: string, code: string): Promise<Submission | undefined> {
  let found: Submission | undefined;
  for (const f of (await readdir(path.join(dir, "journal"))).sort()) {
    for (const line of (await readFile(path.join(dir, "journal", f), "utf8")).split("\n")) {
      if (!line) continue;
      // One line per unit of work ({ t: [records…] }); a line of an older journal holds one record.
      const entry = JSON.parse(line) as JournalItem | { t: JournalItem[] };
      for (const item of "t" in entry ? entry.t : [entry]) {
        if (item.c === "submissions" && item.k === code) found = item.r;
      }
    }
  }
  return found;
}

describe("registering for the National Quality Award", () => {
  it("walks Lan through the form without diacritics and stores normalised answers before confirming", async () => {
    const dir = await tempDir();
    const { app, lan } = await setup(dir);

    expect(await lan.says("/dangky")).toContain("Quý doanh nghiệp muốn đăng ký nội dung nào?");
    expect(await lan.presses("Giải thưởng Chất lượng Quốc gia")).toContain(QUESTION.consent);
    expect(lan.hears()).toContain("Người được xem: cán bộ phụ trách của Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect(lan.hears()).toContain("/rut");
    expect(await lan.presses("Đồng ý")).toContain(QUESTION.orgName);
    expect(await lan.says("Cong ty TNHH San xuat Minh An")).toContain(QUESTION.taxCode);
    expect(await lan.says("0314.409.058")).toContain(QUESTION.orgType);
    expect(await lan.says("doanh nghiep")).toContain(QUESTION.founded);
    expect(await lan.says("15/3/2019")).toContain(QUESTION.address);
    expect(await lan.says("phuong tran bien, dong nai")).toContain(QUESTION.sector);
    expect(await lan.presses("Sản xuất")).toContain(QUESTION.vsicVer);
    expect(await lan.presses("VSIC 2018")).toContain(QUESTION.vsic);
    // "10" is division 10 of the registration papers (food products), not the tenth button.
    expect(await lan.says("10")).toContain(QUESTION.employees);
    expect(await lan.says("45 nguoi")).toContain(QUESTION.revenue);
    expect(await lan.says("1,5 ty")).toContain(QUESTION.capital);
    const afterCapital = await lan.says("20 tỷ");
    expect(afterCapital).toContain("Theo Nghị định 80/2021/NĐ-CP, quy mô của Quý doanh nghiệp: doanh nghiệp nhỏ.");
    expect(afterCapital).toContain(QUESTION.product);
    expect(await lan.says("Gach op lat men bong")).toContain("Điều 59 Nghị định 37/2026/NĐ-CP");
    expect(await lan.says("06/2020")).toContain(QUESTION.certs);
    await lan.presses("ISO 9001");
    expect(await lan.presses("Chứng nhận khác")).toContain("Đã chọn: ISO 9001 (quản lý chất lượng), Chứng nhận khác");
    expect(await lan.presses("Xong (2)")).toContain(QUESTION.certsOther);
    expect(await lan.says("HALAL")).toContain(QUESTION.prevWin);
    expect(await lan.presses("Chưa từng đạt")).toContain(QUESTION.taxIns);
    expect(await lan.presses("Đã thực hiện đầy đủ")).toContain(QUESTION.ministry);
    // No 2026 dates in the profile and the usual intake over: which award year is asked, not guessed.
    expect(await lan.presses("Không")).toContain(QUESTION.year);
    expect(lan.buttonLabels()).toEqual(expect.arrayContaining(["2026", "2027"]));
    expect(await lan.presses("2026")).toContain(QUESTION.contactName);
    expect(await lan.says("Nguyen Thi Lan")).toContain(QUESTION.position);
    expect(await lan.says("Truong phong QLCL")).toContain(QUESTION.phone);
    expect(await lan.says("0912 345 678")).toContain(QUESTION.email);
    expect(await lan.says("Lan@MinhAn.vn")).toContain(QUESTION.docs);
    expect(await lan.sendsFile({ name: "don-dang-ky.pdf", ref: "BQACAgIAAxkBAAIB-1", size: 52_000 })).toContain("Đã nhận tệp “don-dang-ky.pdf” (tổng cộng 1 tệp)");

    const summary = await lan.presses("Xong");
    expect(summary).toContain(QUESTION.summary);
    for (const line of [
      "Tên tổ chức: Cong ty TNHH San xuat Minh An",
      "Mã số thuế: 0314409058",
      "Loại hình: Doanh nghiệp",
      "Ngày thành lập: 15/03/2019",
      "Địa chỉ: phuong tran bien, dong nai",
      "Ngành kinh tế: C – Công nghiệp chế biến, chế tạo",
      "Số lao động (BHXH): 45",
      "Doanh thu: 1,5 tỷ đồng",
      "Nguồn vốn: 20 tỷ đồng",
      "Có mặt trên thị trường từ: 06/2020",
      "Chứng nhận: ISO 9001 (quản lý chất lượng), Chứng nhận khác",
      "Chứng nhận khác: HALAL",
      "Giải đã đạt: Chưa từng đạt",
      "Năm giải: 2026",
      "Tự khai nghĩa vụ thuế, BHXH (3 năm): Đã thực hiện đầy đủ",
      "Thuộc ngành do Bộ có Hội đồng sơ tuyển quản lý: Không",
      "Điện thoại: 0912 345 678",
      "Email: lan@minhan.vn",
      "Tài liệu: don-dang-ky.pdf",
      "quy mô của Quý doanh nghiệp: doanh nghiệp nhỏ",
    ]) {
      expect(summary).toContain(line);
    }

    const done = await lan.presses("Gửi đăng ký");
    expect(done).toContain("Đã ghi nhận đăng ký tham dự Giải thưởng Chất lượng Quốc gia năm 2026 của Cong ty TNHH San xuat Minh An");
    expect(done).toContain("Mã hồ sơ: GT-2026-0001");
    expect(done).toContain("Báo cáo tự đánh giá theo 07 tiêu chí");
    expect(done).toContain("Nghị định 37/2026/NĐ-CP) đã ban hành, năm giải bắt đầu áp dụng chưa được xác nhận; mẫu hồ sơ theo quy định mới");
    // The province has not published a 2026 dossier deadline: say so and name the unit, invent nothing.
    expect(done).toContain("Hạn nộp hồ sơ năm 2026 chưa được công bố");
    // The unit has set no phone or email: its public office instead of "chưa cập nhật".
    expect(done).toContain("Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai (tại trụ sở Sở hoặc Trung tâm Phục vụ hành chính công của tỉnh)");
    expect(done).not.toContain("chưa cập nhật");
    expect(done).toContain("Đã đính kèm 1 tệp vào hồ sơ.");
    expect(done).toContain("/tracuu GT-2026-0001");

    // Already stored when the confirmation came back (the runner commits before it answers): in the
    // JSON backend's journal on disk, or in the database (a read outside the unit sees only what was committed).
    const stored = app.storage.backend === "json" ? await storedOnDisk(dir, "GT-2026-0001") : await app.services.submissions.get("GT-2026-0001");
    expect(stored).toMatchObject({
      code: "GT-2026-0001",
      programme: "gtclqg",
      awardYear: 2026,
      rules: "2026",
      status: "registered",
      owner: { userKey: "telegram:1001", channel: "telegram", userId: "1001", locale: "vi" },
      consentAt: "2026-11-22T03:00:00.000Z",
      organisation: {
        name: "Cong ty TNHH San xuat Minh An",
        taxCode: "0314409058",
        type: "enterprise",
        foundedOn: { date: "2019-03-15", precision: "day" },
        address: { text: "phuong tran bien, dong nai", commune: "phuong tran bien", communeKey: "phuong tran bien", province: "Đồng Nai", legacy: false },
        sectorGroup: "production",
        vsic: "vsic2018:C",
        employees: 45,
        revenueVnd: 1_500_000_000,
        capitalVnd: 20_000_000_000,
        sizeClass: "small",
      },
      award: {
        product: "Gach op lat men bong",
        onMarketSince: { date: "2020-06-01", precision: "month" },
        certificates: ["iso9001", "other"],
        certificatesOther: "HALAL",
        priorAward: "none",
        priorAwardYear: null,
        taxInsuranceDeclared: "yes",
        ministryCouncil: "no",
      },
      support: null,
      contact: { name: "Nguyen Thi Lan", position: "Truong phong QLCL", phone: "+84912345678", email: "lan@minhan.vn" },
      documents: [{ file: { channel: "telegram", ref: "BQACAgIAAxkBAAIB-1", name: "don-dang-ky.pdf", size: 52_000, mime: "application/pdf" }, addedAt: "2026-11-22T03:00:00.000Z" }],
    });
    // The file sent during the form goes to a dossier item: asked right after, with a button per item.
    expect(done).toContain("Tệp vừa gửi (don-dang-ky.pdf) thuộc mục nào của hồ sơ GT-2026-0001?");
    expect(done).toContain("Tệp hồ sơ: PDF, Word hoặc ảnh (PDF, DOC, DOCX, JPG, JPEG, PNG), mỗi tệp không quá 20 MB.");
    const filed = await lan.presses("📁 Đơn đăng ký tham dự");
    expect(filed).toContain("Đã xếp 1 tệp vào mục «Đơn đăng ký tham dự» của hồ sơ GT-2026-0001.");
    expect(filed).toContain("• Đơn đăng ký tham dự: 📤 đã gửi (1 tệp)");
    expect((await app.services.submissions.get("GT-2026-0001"))?.documents.map((d) => d.item)).toEqual(["registration-form"]);
    expect(await app.storage.repos.dialogs.get("telegram:1001")).toBeUndefined();
    await app.close();
  });

  it("answers every wrong answer with what is wrong and an example, asks again, and loses nothing", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    const wrongFirst: [Question, string, string][] = [
      ["consent", "có lẽ", "Quý doanh nghiệp vui lòng bấm Đồng ý hoặc Không đồng ý"],
      ["orgName", "1", "Câu trả lời cần ít nhất 2 ký tự và có chữ. Ví dụ: Công ty TNHH Sản xuất Minh An"],
      ["taxCode", "0314409059", "chữ số kiểm tra không khớp"],
      ["orgType", "tư nhân", "Trợ lý chưa nhận ra lựa chọn này"],
      ["founded", "31/2/2019", "Ngày này không có trên lịch (ví dụ 31/2). Ví dụ đúng: 15/3/2019"],
      ["address", "Trấn Biên, Đồng Nai", "ghi rõ xã, phường (hoặc đặc khu) và tỉnh/thành phố, ví dụ: Phường Trấn Biên, Đồng Nai"],
      ["sector", "xyz", "Trợ lý chưa nhận ra lựa chọn này"],
      ["vsicVer", "2019", "Trợ lý chưa nhận ra lựa chọn này"],
      ["vsic", "34", "Trợ lý chưa nhận ra lựa chọn này"],
      ["employees", "nhiều", "Quý doanh nghiệp vui lòng nhập một số, ví dụ: 45"],
      ["revenue", "200", "Số tiền cần có đơn vị (triệu, tỷ)"],
      ["capital", "khoảng hai tỷ", "Trợ lý chưa đọc được số tiền này"],
      ["product", "x", "Câu trả lời cần ít nhất 2 ký tự"],
      ["marketSince", "13/2020", "Ngày này không có trên lịch"],
      ["certs", "ISO 99999", "Trợ lý chưa nhận ra một số mục"],
      ["prevWin", "giải nhất", "Trợ lý chưa nhận ra lựa chọn này"],
      ["taxIns", "có lẽ", "Trợ lý chưa nhận ra lựa chọn này"],
      ["ministry", "hỏi sau", "Trợ lý chưa nhận ra lựa chọn này"],
      ["year", "2030", "Trợ lý chưa nhận ra lựa chọn này"],
      ["contactName", "Lan 123", "Họ tên không chứa chữ số. Ví dụ: Nguyễn Thị Lan"],
      ["position", "1", "Câu trả lời cần ít nhất 2 ký tự"],
      ["phone", "0123456789", "Đây chưa phải số điện thoại Việt Nam hợp lệ"],
      ["email", "lan@minhan", "Địa chỉ email chưa đúng định dạng"],
      ["docs", "abc", "Ở bước này Quý doanh nghiệp có thể gửi tệp"],
    ];
    for (const [question, wrong, message] of wrongFirst) {
      expect(lan.hears(), `before ${question}`).toContain(QUESTION[question]);
      const said = await lan.says(wrong);
      expect(said, `wrong ${question}`).toContain(message);
      expect(said, `asked again: ${question}`).toContain(QUESTION[question]);
      await answerFrom(lan, question, nextOf(question), asks);
    }
    const summary = lan.hears();
    expect(summary).toContain(QUESTION.summary);
    expect(summary).toContain("Tên tổ chức: Cong ty TNHH San xuat Minh An");
    expect(summary).toContain("Mã số thuế: 0314409058");
    expect(summary).toContain("Email: lan@minhan.vn");
    await app.close();
  });

  it("offers the unit's contact or cancelling after three wrong tries at the same question", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "taxCode", asks);
    expect(await lan.says("123")).not.toContain("liên hệ Phòng");
    expect(await lan.says("0314409050")).not.toContain("liên hệ Phòng");
    const third = await lan.says("031440905");
    expect(third).toContain("Mã số thuế gồm 10 chữ số (chi nhánh: 13 chữ số); mã vừa nhập có 9 chữ số");
    expect(third).toContain("Nếu cần hỗ trợ, Quý doanh nghiệp có thể liên hệ Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect(third).toContain("(tại trụ sở Sở hoặc Trung tâm Phục vụ hành chính công của tỉnh)");
    expect(lan.buttonLabels()).toContain("✖️ Hủy");
    // A right answer still goes on, with the earlier answers kept.
    expect(await lan.says("0314409058")).toContain(QUESTION.orgType);
    await answerFrom(lan, "orgType", "end", asks);
    expect(lan.hears()).toContain("Tên tổ chức: Cong ty TNHH San xuat Minh An");
    await app.close();
  });

  it("goes back, keeps or replaces earlier answers, skips only optional questions and edits from the summary", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky");
    await lan.presses("Giải thưởng");
    await answerFrom(lan, "consent", "founded", asks);

    // Back to the organisation type, keep it; back twice more to the name and change it.
    const back = await lan.presses("Quay lại");
    expect(back).toContain(QUESTION.orgType);
    expect(back).toContain("Đang ghi: Doanh nghiệp");
    expect(await lan.presses("Giữ nguyên")).toContain(QUESTION.founded);
    await lan.presses("Quay lại");
    await lan.presses("Quay lại");
    expect(await lan.presses("Quay lại")).toContain("Đang ghi: Cong ty TNHH San xuat Minh An");
    // Going forward again replays the questions in order, each with its answer kept.
    const renamed = await lan.says("Công ty Cổ phần Minh An");
    expect(renamed).toContain(QUESTION.taxCode);
    expect(renamed).toContain("Đang ghi: 0314409058");
    expect(await lan.presses("Giữ nguyên")).toContain("Đang ghi: Doanh nghiệp");
    expect(await lan.presses("Giữ nguyên")).toContain(QUESTION.founded);

    await answerFrom(lan, "founded", "revenue", asks);
    // Revenue may be skipped; then capital is needed for the size class and cannot be.
    expect(lan.buttonLabels()).toContain("⏭ Bỏ qua");
    expect(await lan.presses("Bỏ qua")).toContain(QUESTION.capital);
    expect(lan.buttonLabels()).not.toContain("⏭ Bỏ qua");
    expect(await lan.says("bo qua")).toContain("Câu hỏi này cần có câu trả lời, không thể bỏ qua.");
    expect(await lan.says("2,5 tỷ")).toContain("quy mô của Quý doanh nghiệp: doanh nghiệp nhỏ");
    await answerFrom(lan, "product", "end", asks);

    let summary = lan.hears();
    expect(summary).toContain("Tên tổ chức: Công ty Cổ phần Minh An");
    expect(summary).toContain("Doanh thu: (bỏ qua)");
    expect(summary).toContain("Nguồn vốn: 2,5 tỷ đồng");

    // Edit from the summary: one question, then straight back to the summary.
    const editing = await lan.presses("✏️ Số lao động");
    expect(editing).toContain(QUESTION.employees);
    expect(editing).toContain("Đang ghi: 45");
    summary = await lan.says("150");
    expect(summary).toContain(QUESTION.summary);
    expect(summary).toContain("Số lao động (BHXH): 150");
    expect(summary).toContain("quy mô của Quý doanh nghiệp: doanh nghiệp vừa");
    await lan.presses("✏️ Email");
    expect(await lan.presses("Về bảng tóm tắt")).toContain("Email: lan@minhan.vn");
    await lan.presses("✏️ Chứng nhận");
    await lan.presses("OCOP");
    summary = await lan.presses("Xong");
    expect(summary).toContain("Chứng nhận: ISO 9001 (quản lý chất lượng)");
    expect(summary).not.toContain("OCOP");

    await lan.presses("Gửi đăng ký");
    expect((await app.services.submissions.get("GT-2026-0001"))?.organisation).toMatchObject({ name: "Công ty Cổ phần Minh An", employees: 150, revenueVnd: null, capitalVnd: 2_500_000_000, sizeClass: "medium" });
    await app.close();
  });

  it("cancels only after a confirmation, and then keeps nothing", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "founded", asks);
    expect(await lan.says("/huy")).toContain("Quý doanh nghiệp có chắc muốn hủy? Các câu trả lời đã nhập sẽ bị xóa.");
    const kept = await lan.presses("Không, tiếp tục");
    expect(kept).toContain(QUESTION.founded);
    await lan.says("/huy");
    expect(await lan.presses("Có, hủy")).toContain("Đã hủy; các câu trả lời đã nhập đã được xóa.");
    expect(await app.storage.repos.dialogs.get("telegram:1001")).toBeUndefined();
    // No form any more: the date is just a message, and the FAQ does not pretend to know it.
    expect(await lan.says("15/3/2019")).not.toContain(QUESTION.address);
    expect(await app.services.submissions.count()).toBe(0);
    await app.close();
  });

  it("answers a question typed in the middle of the form from the knowledge base, then asks again, losing nothing", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "taxCode", asks);
    expect(lan.hears()).toContain(QUESTION.taxCode);

    const answered = await lan.says("ho so tham du giai thuong gom nhung gi?");
    expect(answered).toContain("Báo cáo tự đánh giá");
    expect(answered).toContain("Nguồn:");
    expect(answered).toContain("Xin mời Quý doanh nghiệp tiếp tục:");
    expect(answered).toContain(QUESTION.taxCode);

    // A question the knowledge base cannot answer: said so, with whom to ask, and the form goes on.
    const unknown = await lan.says("gia vang hom nay bao nhieu?");
    expect(unknown).toContain("chưa tìm thấy câu trả lời");
    expect(unknown).toContain(QUESTION.taxCode);

    // Questions are not wrong answers: help is offered only after three wrong tax codes.
    expect(await lan.says("123")).not.toContain("Nếu cần hỗ trợ");
    expect(await lan.says("0314409059")).not.toContain("Nếu cần hỗ trợ");
    expect(await lan.says("abc")).toContain("Nếu cần hỗ trợ");
    expect(await lan.says("0314.409.058")).toContain(QUESTION.orgType);
    await answerFrom(lan, "orgType", "end", asks);
    expect(lan.hears()).toContain("Tên tổ chức: Cong ty TNHH San xuat Minh An");
    await app.close();
  });

  it("stores nothing without consent", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    expect(await lan.presses("Không đồng ý")).toContain("Trợ lý chỉ nhận đăng ký khi Quý doanh nghiệp đồng ý cho xử lý dữ liệu");
    expect(await app.storage.repos.dialogs.get("telegram:1001")).toBeUndefined();
    await app.close();
  });

  it("continues after the bot restarts: offered to go on or start over, with every answer kept", async () => {
    const dir = await tempDir();
    const first = await setup(dir);
    await first.lan.says("/dangky gtclqg");
    await answerFrom(first.lan, "consent", "address", asks);
    await first.app.close();

    // The bot restarts; Lan comes back the next day and writes something else first.
    const { app, lan } = await setup(dir, "2026-11-23T02:00:00Z");
    const back = await lan.says("xin chào");
    expect(back).toContain("Chào mừng Quý doanh nghiệp trở lại! Phần đăng ký tham dự Giải thưởng Chất lượng Quốc gia đang làm dở (5 câu đã trả lời, lần cuối lúc 22/11/2026 10:00) vẫn được giữ nguyên.");
    expect(back).toContain(QUESTION.address);
    expect(lan.buttonLabels()).toContain("🔄 Bắt đầu lại");
    await answerFrom(lan, "address", "end", asks);
    expect(lan.hears()).toContain("Tên tổ chức: Cong ty TNHH San xuat Minh An");
    await lan.presses("Gửi đăng ký");
    expect((await app.services.submissions.get("GT-2026-0001"))?.organisation.foundedOn).toEqual({ date: "2019-03-15", precision: "day" });
    await app.close();
  });

  it("offers to continue on /start and /dangky too, and can start over", async () => {
    const { app, lan, clock } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "orgType", asks);
    // A quick answer after a short pause just goes on.
    clock.advance(10 * 60_000);
    expect(await lan.says("doanh nghiep")).toContain(QUESTION.founded);

    const greeting = await lan.says("/start");
    expect(greeting).toContain("Kính chào Quý doanh nghiệp");
    expect(greeting).toContain("đang làm dở (4 câu đã trả lời");
    expect(greeting).toContain(QUESTION.founded);
    expect(await lan.says("/dangky")).toContain("Chào mừng Quý doanh nghiệp trở lại!");
    const fresh = await lan.presses("Bắt đầu lại");
    expect(fresh).toContain(QUESTION.consent);
    await lan.presses("Đồng ý");
    expect(lan.hears()).not.toContain("Đang ghi");
    await app.close();
  });

  it("expires a form untouched for 30 days, with a notice", async () => {
    const { app, lan, clock } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "taxCode", asks);
    clock.advance(31 * DAY);
    const said = await lan.says("0314409058");
    expect(said).toContain("Phần đăng ký tham dự Giải thưởng Chất lượng Quốc gia đang làm dở (lần cuối lúc 22/11/2026 10:00) đã hết hạn sau 30 ngày không sử dụng");
    expect(await app.storage.repos.dialogs.get("telegram:1001")).toBeUndefined();
    await app.close();
  });

  it("does not register a tax code twice for the same year: tells a stranger only that it exists and whom to ask, shows the owner the code, and updates the contact instead", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "end", asks);
    await lan.presses("Gửi đăng ký");

    // Someone else at the company, on another account, tries again.
    const minh = person(app, "web", "minh-session-000000001");
    await minh.says("/dangky gtclqg");
    await minh.presses("Đồng ý");
    await minh.says("Công ty Minh An");
    const duplicate = await minh.says("0314409058");
    // A tax code is public: a stranger learns that a registration exists, not its code, status or date.
    expect(duplicate).toContain("Mã số thuế 0314409058 đã có hồ sơ đăng ký Giải thưởng Chất lượng Quốc gia năm 2026.");
    expect(duplicate).toContain("vui lòng dùng tài khoản đã đăng ký hồ sơ, hoặc liên hệ Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    for (const secret of ["GT-2026-0001", "Đã đăng ký", "22/11/2026", "Nguyen Thi Lan"]) expect(duplicate).not.toContain(secret);
    const contactForm = await minh.presses("Cập nhật thông tin liên hệ");
    expect(contactForm).toContain("Hồ sơ này được đăng ký từ một tài khoản khác");
    expect(contactForm).not.toContain("GT-2026-0001");
    expect(contactForm).toContain(QUESTION.contactName);
    await minh.says("Trần Văn Minh");
    await minh.says("Giám đốc");
    await minh.says("0987 654 321");
    expect(await minh.says("minh@minhan.vn")).toContain("Kiểm tra thông tin liên hệ mới");
    const proposed = await minh.presses("Lưu thông tin liên hệ");
    expect(proposed).toContain("tới cán bộ phụ trách để xác minh");
    expect(proposed).not.toContain("GT-2026-0001");
    const record = await app.services.submissions.get("GT-2026-0001");
    expect(record?.contact?.name).toBe("Nguyen Thi Lan");
    expect(record?.pendingContact?.contact).toEqual({ name: "Trần Văn Minh", position: "Giám đốc", phone: "+84987654321", email: "minh@minhan.vn" });

    // Lan herself: the contact form starts filled in and replaces the contact at once.
    await lan.says("/dangky gtclqg");
    await lan.presses("Đồng ý");
    await lan.says("Cong ty Minh An");
    // The owner typing its own tax code still sees its code and status.
    expect(await lan.says("0314 409 058")).toContain("Mã số thuế 0314409058 đã đăng ký Giải thưởng Chất lượng Quốc gia năm 2026: mã hồ sơ GT-2026-0001, tình trạng Đã đăng ký (cập nhật ngày 22/11/2026).");
    const own = await lan.presses("Cập nhật thông tin liên hệ");
    expect(own).toContain("Thông tin hiện có đã được điền sẵn");
    expect(own).toContain("Điện thoại: 0912 345 678");
    await lan.presses("✏️ Điện thoại");
    await lan.says("0251 3822 123");
    expect(await lan.presses("Lưu thông tin liên hệ")).toContain("Đã cập nhật thông tin liên hệ của hồ sơ GT-2026-0001");
    expect((await app.services.submissions.get("GT-2026-0001"))?.contact?.phone).toBe("+842513822123");
    expect(await app.services.submissions.count()).toBe(1);
    await app.close();
  });

  it("gives the same code when the submit is repeated after a failed save, and stops a second person at the summary", async () => {
    const { app, lan } = await setup();
    const minh = person(app, "web", "minh-session-000000001");
    for (const p of [lan, minh]) {
      await p.says("/dangky gtclqg");
      await answerFrom(p, "consent", "end", asks);
    }
    const dialogs = app.storage.repos.dialogs;
    const atSummary = (await dialogs.get("telegram:1001"))!;
    expect(await lan.presses("Gửi đăng ký")).toContain("Mã hồ sơ: GT-2026-0001");
    // The runner puts the dialog back when it cannot save; pressing Gửi again must not register twice.
    // (The summary with its Gửi button is still on Lan's screen.)
    await app.storage.unit(() => dialogs.put("telegram:1001", atSummary));
    expect(await lan.sendsButtonData("rg:submit")).toContain("Mã hồ sơ: GT-2026-0001");

    const second = await minh.presses("Gửi đăng ký");
    expect(second).toContain("Mã số thuế 0314409058 đã có hồ sơ đăng ký Giải thưởng Chất lượng Quốc gia năm 2026.");
    expect(second).not.toContain("GT-2026-0001");
    expect(minh.buttonLabels()).toContain("Cập nhật thông tin liên hệ");
    expect(await app.services.submissions.count()).toBe(1);
    await app.close();
  });

  it("tells an enterprise under 36 months old from when it will be eligible, and offers NSCL support with its answers kept", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "founded", asks);
    expect(await lan.says("2023")).toContain("Quý doanh nghiệp vui lòng ghi rõ ngày, ví dụ: 15/3/2023.");
    expect(await lan.says("2024")).toContain("đủ điều kiện này chậm nhất từ ngày 31/12/2027");
    // Only the form's own actions run, whatever a client sends.
    expect(await lan.sendsButtonData("rg:a:constructor")).toContain("Nút vừa bấm thuộc một câu hỏi trước đó");
    const young = await lan.says("01/02/2025");
    // The regime of 2026 is not confirmed: the 36 months are named with both decrees that set them.
    expect(young).toContain("Theo Nghị định 132/2008/NĐ-CP (sửa đổi bởi Nghị định 74/2018/NĐ-CP) và Điều 59 Nghị định 37/2026/NĐ-CP (cả hai cùng quy định điều kiện này), tổ chức tham dự Giải thưởng phải hoạt động liên tục tại Việt Nam ít nhất 36 tháng");
    expect(young).toContain("Với ngày thành lập 01/02/2025, Quý doanh nghiệp đủ điều kiện này từ ngày 01/02/2028.");

    const support = await lan.presses("Đề nghị hỗ trợ năng suất, chất lượng");
    expect(support).toContain("các thông tin Quý doanh nghiệp đã khai được giữ lại");
    expect(support).toContain("Quý doanh nghiệp cần hỗ trợ nội dung nào?");
    await lan.presses("Áp dụng công cụ cải tiến");
    await lan.presses("Xong");
    expect(await lan.says("Ap dung 5S va Kaizen cho xuong")).toContain(QUESTION.address);
    expect(await lan.says("Xã Long Thành, Đồng Nai")).toContain(QUESTION.vsicVer);
    expect(await lan.presses("VSIC 2018")).toContain(QUESTION.vsic);
    await lan.presses("C – Công nghiệp");
    await lan.presses("Bỏ qua");
    await lan.says("Nguyễn Thị Lan");
    await lan.says("Giám đốc");
    await lan.says("0912345678");
    await lan.says("lan@minhan.vn");
    const summary = await lan.presses("Chưa có tệp");
    expect(summary).toContain("Tên tổ chức: Cong ty TNHH San xuat Minh An");
    expect(summary).toContain("Mã số thuế: 0314409058");
    expect(await lan.presses("Gửi đăng ký")).toContain("Mã hồ sơ: NS-2026-0001");
    expect(await app.services.submissions.get("NS-2026-0001")).toMatchObject({ programme: "nscl", organisation: { foundedOn: null, employees: null, sizeClass: null }, support: { kinds: ["cong-cu-cai-tien"] } });
    await app.close();
  });

  it("applies the 12-month market rule of 2026 once an official confirmed the regime, and says from when the product qualifies", async () => {
    const { app, lan } = await setup(undefined, undefined, await confirmedRegimeData());
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "marketSince", asks);
    const recent = await lan.says("15/3/2026");
    expect(recent).toContain("sản phẩm tham dự phải có mặt trên thị trường ít nhất 12 tháng. Với thời điểm 15/03/2026, sản phẩm đủ điều kiện này từ ngày 15/03/2027.");
    expect(lan.buttonLabels()).toContain("⬅️ Quay lại");
    expect(await lan.presses("Quay lại")).toContain(QUESTION.product);
    expect(await lan.says("Gạch granite")).toContain(QUESTION.marketSince);
    expect(await lan.says("01/2020")).toContain(QUESTION.certs);
    await app.close();
  });
});

function nextOf(question: Question): Question | "end" {
  // The script's order; questions it does not reach (certsOther, prevYear, legal) are left out there.
  const order = LAN_ANSWERS.map((a) => a.at);
  // A question answered in two messages (items typed, then "xong") is one question: after its last line.
  const next = order[order.lastIndexOf(question) + 1];
  return next ?? "end";
}
