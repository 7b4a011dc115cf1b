import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { QUESTION, answerFrom, type Question } from "../helpers/registration-script.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/** The registration form's checks of issue 14, as conversations on the core (Đồng Nai profile, 22/11/2026). */
const tempDir = useTempDirs();
const asks = (said: string, q: Question) => expect(said).toContain(QUESTION[q]);

async function setup(at = "2026-11-22T03:00:00Z") {
  const clock = testClock(at);
  const app = await testApp(await tempDir(), { clock: clock.now });
  return { app, lan: person(app, "telegram", "1001") };
}

describe("the award registration's checks", () => {
  it("warns about the 12-month market rule while the 2026 regime is unconfirmed, records the registration and says so in the summary", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "marketSince", asks);
    expect(lan.hears()).toContain("việc áp dụng quy định này cho năm giải này chưa được xác nhận");
    const recent = await lan.says("15/3/2026");
    expect(recent).toContain("⚠️ Lưu ý: Điều 59 Nghị định 37/2026/NĐ-CP quy định sản phẩm tham dự phải có mặt trên thị trường ít nhất 12 tháng.");
    expect(recent).toContain("sản phẩm đủ 12 tháng từ ngày 15/03/2027");
    expect(recent).toContain("Việc áp dụng quy định này cho năm giải 2026 chưa được xác nhận");
    expect(recent).toContain("vui lòng hỏi Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    // A warning, not a block: the form goes on.
    expect(recent).toContain(QUESTION.certs);
    await answerFrom(lan, "certs", "end", asks);
    expect(lan.hears()).toContain(QUESTION.summary);
    expect(lan.hears()).toContain("⚠️ Lưu ý: Điều 59 Nghị định 37/2026/NĐ-CP");
    expect(await lan.presses("Gửi đăng ký")).toContain("Mã hồ sơ: GT-2026-0001");
    expect(await app.services.submissions.get("GT-2026-0001")).toMatchObject({ rules: "2026", rulesConfirmed: false, award: { onMarketSince: { date: "2026-03-15" } } });
    await app.close();
  });

  it("explains that a branch enters through its parent company and takes the parent's name and tax code", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "taxCode", asks);
    const branch = await lan.says("0314409058-002");
    expect(branch).toContain("Mã số 0314409058-002 là mã của chi nhánh hoặc đơn vị phụ thuộc");
    expect(branch).toContain("chi nhánh đăng ký tham dự thông qua doanh nghiệp mẹ");
    expect(branch).toContain("10 chữ số đầu: 0314409058");
    expect(lan.buttonLabels()).toContain("🏢 Đăng ký theo doanh nghiệp mẹ");
    expect(branch).toContain("hoặc gõ /huy để dừng");
    const again = await lan.presses("Đăng ký theo doanh nghiệp mẹ");
    expect(again).toContain("khai tên và mã số thuế của doanh nghiệp mẹ");
    expect(again).toContain(QUESTION.orgName);
    expect(await lan.says("Cong ty Co phan Minh An")).toContain(QUESTION.taxCode);
    expect(await lan.says("0314409058")).toContain(QUESTION.orgType);
    expect(await lan.presses("Doanh nghiệp")).toContain(QUESTION.founded);
    await app.close();
  });

  it("asks an organisation of type «Khác» about legal personality: «no» is explained and leads to the managing unit, «yes» goes on", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "orgType", asks);
    expect(await lan.presses("Khác")).toContain(QUESTION.legal);
    const no = await lan.presses("Không (chi nhánh, đơn vị phụ thuộc)");
    expect(no).toContain("đăng ký tham dự thông qua đơn vị chủ quản có tư cách pháp nhân");
    expect(no).not.toContain(QUESTION.founded);
    // The gate keeps the question open: a typed answer still goes.
    expect(await lan.says("có")).toContain(QUESTION.founded);
    await answerFrom(lan, "founded", "end", asks);
    expect(lan.hears()).toContain("Tư cách pháp nhân: Có tư cách pháp nhân");
    // NĐ 80/2021 sizes enterprises only: no "doanh nghiệp nhỏ" for an organisation of another type.
    expect(lan.hears()).not.toContain("doanh nghiệp nhỏ");
    await lan.presses("Gửi đăng ký");
    expect(await app.services.submissions.get("GT-2026-0001")).toMatchObject({ organisation: { type: "other", legalEntity: "yes", sizeClass: null } });
    await app.close();
  });

  it("takes only addresses in the deployment's province, names the other province's department, and accepts an old address of a merged province", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "address", asks);
    const hcm = await lan.says("Phường Sài Gòn, TP Hồ Chí Minh");
    expect(hcm).toContain("thuộc thành phố Hồ Chí Minh");
    expect(hcm).toContain("chỉ tiếp nhận tổ chức, doanh nghiệp có trụ sở trên địa bàn tỉnh Đồng Nai");
    expect(hcm).toContain("liên hệ Sở Khoa học và Công nghệ thành phố Hồ Chí Minh");
    expect(hcm).not.toContain(QUESTION.sector);
    // An old name is read as today's province: Long An is in Tây Ninh since 1/7/2025.
    const longAn = await lan.says("Phường 1, TP Tân An, Long An");
    expect(longAn).toContain("thuộc tỉnh Tây Ninh (theo địa giới sau ngày 01/7/2025)");
    expect(longAn).toContain("liên hệ Sở Khoa học và Công nghệ tỉnh Tây Ninh");
    // Bình Phước was merged into Đồng Nai: its old address is at home here.
    expect(await lan.says("Xã Tiến Hưng, TP Đồng Xoài, Bình Phước")).toContain(QUESTION.sector);
    await app.close();
  });

  it("offers VSIC 2025 beside VSIC 2018 and reads a typed code by the version it comes from", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "vsicVer", asks);
    expect(lan.buttonLabels()).toEqual(expect.arrayContaining(["VSIC 2018 (QĐ 27/2018/QĐ-TTg)", "VSIC 2025 (QĐ 36/2025/QĐ-TTg)"]));
    expect(await lan.presses("VSIC 2025")).toContain("theo Hệ thống ngành kinh tế Việt Nam 2025");
    expect(lan.buttonLabels()).toContain("V – Tổ chức và cơ quan quốc tế (VSIC 2025)");
    // Division 62 (programming) is section K in VSIC 2025 — J in VSIC 2018.
    expect(await lan.says("6201")).toContain(QUESTION.employees);
    await answerFrom(lan, "employees", "end", asks);
    expect(lan.hears()).toContain("Ngành kinh tế: K – Viễn thông, lập trình máy tính");
    await lan.presses("Gửi đăng ký");
    expect(await app.services.submissions.get("GT-2026-0001")).toMatchObject({ organisation: { vsic: "vsic2025:K" } });
    // The same code typed as VSIC 2018 is J.
    const minh = person(app, "telegram", "1002");
    await minh.says("/dangky gtclqg");
    await answerFrom(minh, "consent", "taxCode", asks);
    await minh.says("0100233488");
    await answerFrom(minh, "orgType", "vsic", asks);
    expect(await minh.says("6201")).toContain(QUESTION.employees);
    await answerFrom(minh, "employees", "end", asks);
    expect(minh.hears()).toContain("Ngành kinh tế: J – Thông tin và truyền thông");
    await app.close();
  });

  it("asks for a previous win and explains the re-entry rule with its source, or says it is not known", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "prevWin", asks);
    expect(await lan.presses("Giải Bạc Chất lượng Quốc gia")).toContain(QUESTION.prevYear);
    expect(await lan.says("2030")).toContain("Vui lòng nhập năm đạt giải gồm 4 chữ số, từ 1996 đến 2026");
    const silver = await lan.says("năm 2023");
    expect(silver).toContain("Theo Điều 59 Nghị định 37/2026/NĐ-CP, tổ chức đạt Giải Bạc được tham dự không hạn chế số lần và thời gian tham dự");
    expect(silver).toContain("Việc áp dụng Nghị định 37/2026/NĐ-CP cho năm giải 2026 chưa được xác nhận");
    expect(silver).toContain(QUESTION.taxIns);
    // Gold under the 2026 rules: no rule with a source — said, not invented.
    expect(await lan.presses("Quay lại")).toContain(QUESTION.prevYear);
    await lan.presses("Quay lại");
    await lan.presses("Giải Vàng Chất lượng Quốc gia");
    const gold = await lan.says("2024");
    expect(gold).toContain("Trợ lý chưa có quy định có nguồn về việc tham dự lại đối với tổ chức đã đạt giải này theo Nghị định 37/2026/NĐ-CP (năm giải 2026)");
    await app.close();
  });

  it("records a «no» to the tax and social-insurance self-declaration with an explanation, and a ministry's council", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "taxIns", asks);
    expect(lan.hears()).toContain("Quý doanh nghiệp đã thực hiện đầy đủ nghĩa vụ thuế và bảo hiểm xã hội của từng năm chưa?");
    const no = await lan.presses("Chưa đầy đủ");
    expect(no).toContain("được ghi nhận, không làm dừng đăng ký");
    expect(no).toContain("mục 7 của hồ sơ");
    expect(no).toContain(QUESTION.ministry);
    const yes = await lan.presses("Có");
    expect(yes).toContain("có thể đăng ký tham dự qua Hội đồng sơ tuyển của Bộ quản lý ngành");
    expect(yes).toContain(QUESTION.year);
    expect(await lan.presses("2026")).toContain(QUESTION.contactName);
    await answerFrom(lan, "contactName", "end", asks);
    expect(lan.hears()).toContain("Tự khai nghĩa vụ thuế, BHXH (3 năm): Chưa đầy đủ");
    expect(lan.hears()).toContain("Thuộc ngành do Bộ có Hội đồng sơ tuyển quản lý: Có");
    await lan.presses("Gửi đăng ký");
    expect(await app.services.submissions.get("GT-2026-0001")).toMatchObject({ award: { taxInsuranceDeclared: "no", ministryCouncil: "yes", priorAward: "none" } });
    await app.close();
  });
});

describe("the award year of a registration", () => {
  it("asks in December when the profile gives no dates for this year, and files the registration under the year chosen", async () => {
    const { app, lan } = await setup("2026-12-04T03:00:00Z");
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "year", asks);
    expect(lan.hears()).toContain("Lịch năm giải 2026 của tỉnh chưa được công bố");
    expect(lan.buttonLabels()).toEqual(expect.arrayContaining(["2026", "2027"]));
    expect(await lan.presses("2027")).toContain(QUESTION.contactName);
    await answerFrom(lan, "contactName", "end", asks);
    expect(lan.hears()).toContain("Năm giải: 2027");
    expect(await lan.presses("Gửi đăng ký")).toContain("Mã hồ sơ: GT-2027-0001");
    expect(await app.services.submissions.get("GT-2027-0001")).toMatchObject({ awardYear: 2027 });
    await app.close();
  });

  it("does not ask during the usual intake: this year, shown in the summary", async () => {
    const { app, lan } = await setup("2026-05-10T03:00:00Z");
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "end", asks);
    expect(lan.hears()).toContain(QUESTION.summary);
    expect(lan.hears()).toContain("Năm giải: 2026");
    expect(await lan.presses("Gửi đăng ký")).toContain("Mã hồ sơ: GT-2026-0001");
    await app.close();
  });
});

describe("the support request's checks", () => {
  it("gives a cooperative no NĐ 80/2021 size class, and refuses an address in another province", async () => {
    const { app, lan } = await setup();
    await lan.says("/dangky nscl");
    await lan.presses("Đồng ý");
    await lan.presses("Áp dụng công cụ cải tiến");
    await lan.presses("Xong");
    await lan.says("Ap dung 5S cho xuong che bien");
    await lan.says("HTX Nong nghiep Long Thanh");
    // A branch may ask for support: the programme's plans support lawful enterprises and even public units (seeds 003, 004).
    expect(await lan.says("0314409058-001")).toContain("Loại hình tổ chức?");
    await lan.presses("Hợp tác xã");
    expect(await lan.says("Phường Hải Châu, Đà Nẵng")).toContain("liên hệ Sở Khoa học và Công nghệ thành phố Đà Nẵng");
    await lan.says("Xã Long Thành, Đồng Nai");
    await lan.presses("VSIC 2018");
    await lan.presses("A – Nông, lâm");
    await lan.says("8");
    const afterMoney = await lan.says("2 tỷ");
    expect(afterMoney).not.toContain("Theo Nghị định 80/2021/NĐ-CP, quy mô");
    await lan.presses("Bỏ qua");
    await lan.says("Nguyễn Văn Hùng");
    await lan.says("Giám đốc");
    await lan.says("0912345678");
    await lan.says("hung@htx.vn");
    const summary = await lan.presses("Chưa có tệp");
    expect(summary).not.toMatch(/doanh nghiệp (siêu nhỏ|nhỏ|vừa)/);
    await lan.presses("Gửi đăng ký");
    expect(await app.services.submissions.get("NS-2026-0001")).toMatchObject({ organisation: { type: "cooperative", taxCode: "0314409058-001", sizeClass: null } });
    await app.close();
  });
});
