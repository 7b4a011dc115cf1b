import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { chatAs } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const at = (iso: string) => () => new Date(iso);

/**
 * Questions about using the bot itself, typed in free text: the answer says what to do and carries
 * the button of the feature that does it; pressing it reaches that feature's flow.
 */
describe("asking how to use the bot", () => {
  it("how to register: the answer's buttons start the registration form of either programme", async () => {
    const app = await testApp(await tempDir());
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000001" });
    const answer = await lan.say("lam sao dang ky tham du giai thuong qua tro ly");
    expect(answer.text).toContain("Đăng ký tham dự Giải thưởng hoặc đề nghị hỗ trợ qua trợ lý này như thế nào?");
    expect(answer.text).toContain("/dangky");
    const data = answer.buttons.map((b) => b.data);
    expect(data.slice(0, 2)).toEqual(["dk:gtclqg", "dk:nscl"]);
    const form = await lan.pressLabel(answer, "Đăng ký tham dự Giải thưởng");
    expect(form.text).toContain("Đồng ý xử lý dữ liệu cá nhân");
    await app.close();
  });

  it("stopping announcements: the 🔕 button turns them off, as /tatthongbao does", async () => {
    const app = await testApp(await tempDir());
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000002" });
    const answer = await lan.say("làm sao để không nhận thông báo từ trợ lý nữa");
    expect(answer.text).toContain("/tatthongbao");
    expect(answer.buttons.map((b) => b.data)).toEqual(expect.arrayContaining(["ann:yes", "ann:no"]));
    expect((await lan.pressLabel(answer, "Tắt thông báo")).text).toContain("Đã tắt thông báo");
    await app.close();
  });

  it("following a dossier, changing language, asking an official, my data: each button reaches its feature", async () => {
    const app = await testApp(await tempDir());
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000003" });

    const status = await lan.say("xem tinh trang ho so da dang ky o dau");
    expect(status.text).toContain("/tracuu GT-2026-0042");
    expect((await lan.pressLabel(status, "Tra cứu hồ sơ")).text).toContain("Chưa có hồ sơ nào được đăng ký từ tài khoản này");

    const person = await lan.say("tôi muốn gửi câu hỏi cho cán bộ của Sở qua trợ lý thì làm thế nào");
    expect(person.buttons.map((b) => b.data)).toContain("hoi:q");
    expect((await lan.pressLabel(person, "Hỏi cán bộ")).text).toContain("Quý doanh nghiệp vui lòng gõ câu hỏi");
    await lan.say("/huy");

    const link = await lan.say("da dang ky qua telegram, muon theo doi ho so tren zalo thi lam the nao");
    expect(link.text).toContain("/lienket GT-2026-0042");
    expect((await lan.pressLabel(link, "Theo dõi hồ sơ từ kênh này")).text).toContain("Tài khoản đã đăng ký hồ sơ sẽ được hỏi để xác nhận");

    const data = await lan.say("trợ lý lưu những dữ liệu gì về tôi");
    expect((await lan.pressLabel(data, "Xem dữ liệu của tôi")).text).toContain("Dữ liệu trợ lý đang lưu về Quý doanh nghiệp");

    const language = await lan.say("doi ngon ngu cua tro ly sang tieng anh");
    expect(language.buttons.map((b) => b.data)).toEqual(expect.arrayContaining(["lang:vi", "lang:en"]));
    expect((await lan.pressLabel(language, "English")).text).toContain("Switched to English");
    // In English now: the same kind of question, answered in English with the English button label.
    const english = await lan.say("how do I stop receiving announcements");
    expect(english.text).toContain("/unsubscribe");
    expect(english.buttons.map((b) => b.label)).toContain("🔕 Stop announcements");
    await app.close();
  });

  it("an answer reached by its button (browsing, suggestions) carries the same action: the self-check starts", async () => {
    const app = await testApp(await tempDir());
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000004" });
    const shown = await lan.press("faq:bot-tu-danh-gia");
    expect(shown.text).toContain("/tudanhgia");
    // The self-check button once, not again as the award topics' offer.
    expect(shown.buttons.filter((b) => b.data === "cmd:tudanhgia")).toHaveLength(1);
    expect((await lan.pressLabel(shown, "Tự đánh giá")).text).toContain("Tự đánh giá mức sẵn sàng tham dự Giải thưởng Chất lượng Quốc gia");
    await app.close();
  });
});

describe("a founding date asked against the 36-month rule", () => {
  it("computes from when the organisation is eligible, cites the rule and says the cut-off depends on the registration date", async () => {
    const app = await testApp(await tempDir(), { clock: at("2026-12-04T03:00:00Z") });
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000005" });

    const notYet = await lan.say("cong ty thanh lap thang 3/2024 co du dieu kien du giai khong");
    expect(notYet.text).toContain("hôm nay (04/12/2026)");
    expect(notYet.text).toContain("chưa đủ 36 tháng");
    expect(notYet.text).toContain("đủ 36 tháng từ tháng 03/2027");
    expect(notYet.text).toContain("31/03/2027");
    expect(notYet.text).toContain("Điều 59 Nghị định 37/2026/NĐ-CP");
    expect(notYet.text).toContain("Mốc chính xác phụ thuộc ngày đăng ký tham dự");
    // Not eligible yet: no registration button, but the rule's entries and a person to ask.
    expect(notYet.buttons.map((b) => b.data)).toEqual(["faq:gt-dieu-kien", "faq:gt-12-thang-san-pham", "hoi:q"]);

    const eligible = await lan.say("Công ty tôi thành lập năm 2021, có đủ điều kiện tham dự Giải thưởng Chất lượng Quốc gia không?");
    expect(eligible.text).toContain("đã đủ 36 tháng");
    expect(eligible.buttons.map((b) => b.data)[0]).toBe("dk:gtclqg");

    const depends = await lan.say("thành lập tháng 12/2023 thì có được dự giải chưa");
    expect(depends.text).toContain("nếu ngày thành lập không muộn hơn 04/12/2023");

    // A founding date after today is not one: the search answers (or asks back), nothing is computed.
    expect((await lan.say("thanh lap thang 3/2027 co du dieu kien du giai khong")).text).not.toContain("Tính đến");

    await lan.say("/ngonngu en");
    const english = await lan.say("We were founded in March 2023, can we apply for the award?");
    expect(english.text).toContain("has operated 36 months");
    expect(english.text).toContain("Article 59, Decree 37/2026/NĐ-CP");
    await app.close();
  });

  it("counts from the end of registration in the province profile when the award year's dates are set", async () => {
    const app = await testApp(await tempDir(), { clock: at("2024-03-10T03:00:00Z") });
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000006" });
    // Đồng Nai 2024 (seed 000): registration in the second quarter, until 30/06/2024.
    const answer = await lan.say("DN thành lập ngày 15/5/2021 có đủ điều kiện dự giải không");
    expect(answer.text).toContain("hết hạn đăng ký năm giải 2024 theo kế hoạch của tỉnh (30/06/2024)");
    expect(answer.text).toContain("đã đủ 36 tháng");
    await app.close();
  });

  it("leaves a year in another question to the search", async () => {
    const app = await testApp(await tempDir());
    const lan = chatAs(app, { channel: "web", id: "usage-user-0000000007" });
    const plan = await lan.say("ke hoach nang suat chat luong cua bac giang nam 2023");
    expect(plan.text).toContain("1.770 triệu đồng");
    expect(plan.text).not.toContain("36 tháng");
    await app.close();
  });
});
