import { describe, expect, it } from "vitest";
import { buttonDataFits } from "../../src/core/types.js";
import { testApp } from "../helpers/app.js";
import { chatAs } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("asking questions in the chat", () => {
  it("answers a question typed without diacritics, with its source, related questions and a way back", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000001" });

    const answer = await user.say("ho so du giai thuong chat luong quoc gia gom nhung gi");
    expect(answer.text).toContain("Hồ sơ tham dự Giải thưởng Chất lượng Quốc gia gồm những gì?");
    expect(answer.text).toContain("Báo cáo tự đánh giá theo 07 tiêu chí");
    // The first message leads with the answer's first lines; sources named, the month they were checked.
    expect(answer.text).toMatch(/Nguồn: .+ \(rà soát 12\/2026\)/);
    expect(answer.text).not.toContain("(không bắt buộc) bằng chứng khác");
    expect(answer.buttons.map((b) => b.data)).toEqual([
      "faq:gt-ho-so:more",
      "faq:gt-mau-ho-so",
      "faq:gt-nop-ho-so",
      "faq:gt-ho-so-2026",
      "cmd:tudanhgia",
      "kb:t:gt-dossier",
      // 👍/👎 and "🙋 Hỏi cán bộ" under every answer (the hand-off inbox).
      "vote:up:gt-ho-so",
      "vote:down:gt-ho-so",
      "hoi:e:gt-ho-so",
    ]);

    // "Xem thêm": the rest of the list, with the follow-up buttons but not "Xem thêm" again.
    const more = await user.pressLabel(answer, "Xem thêm");
    expect(more.text).toContain("(không bắt buộc) bằng chứng khác về kết quả hoạt động 3 năm");
    expect(more.text).toContain("Mẫu hồ sơ theo quy định mới (NĐ 37/2026) chưa được công bố.");
    expect(more.text).not.toContain("Báo cáo tự đánh giá theo 07 tiêu chí");
    expect(more.buttons.map((b) => b.data)).not.toContain("faq:gt-ho-so:more");
    expect(more.buttons.map((b) => b.data)).toContain("faq:gt-mau-ho-so");

    const related = await user.pressLabel(answer, "Nộp hồ sơ");
    expect(related.text).toContain("Trung tâm Phục vụ hành chính công");
    expect(related.text).toContain("Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    await app.close();
  });

  it("does not guess: asks back with the closest questions as buttons and gives the unit's contact", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000002" });

    const unsure = await user.say("dk du gtclqg");
    expect(unsure.text).toContain("Có phải Quý doanh nghiệp muốn hỏi…");
    // The question went to the unit, named once; no "chưa cập nhật" rows while it has set no contacts.
    expect(unsure.text).toContain("Trợ lý đã chuyển câu hỏi tới Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect(unsure.text).not.toContain("chưa cập nhật");
    const choices = unsure.buttons.filter((b) => b.data.startsWith("faq:"));
    expect(choices.length).toBeGreaterThanOrEqual(2);
    expect(choices.length).toBeLessThanOrEqual(3);
    for (const b of unsure.buttons) expect(buttonDataFits(b.data)).toBe(true);

    const chosen = await user.pressLabel(unsure, "1. Doanh nghiệp đăng ký");
    expect(chosen.text).toContain("Doanh nghiệp đăng ký tham dự Giải thưởng Chất lượng Quốc gia như thế nào?");
    await app.close();
  });

  it("refuses questions about other subjects, pointing to the list of questions and the contact", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000003" });
    for (const q of ["giá vàng hôm nay", "thu tuc dang ky ket hon", "lam ho chieu o dau", "giải Nobel là gì", "chất lượng không khí"]) {
      const r = await user.say(q);
      // Either "no answer" or "did you mean…" — never an answer (which would carry its source line).
      expect(r.text, q).toMatch(/Trợ lý chưa có câu trả lời cho câu hỏi này|Có phải Quý doanh nghiệp muốn hỏi/);
      expect(r.text, q).not.toContain("Nguồn:");
      expect(r.text, q).toContain("Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
      expect(r.buttons.map((b) => b.data), q).toContain("cmd:chuongtrinh");
    }
    expect((await user.say("thời tiết hôm nay")).buttons.map((b) => b.data)).toEqual(["cmd:chuongtrinh", "cmd:lich", "hoi:q"]);
    await app.close();
  });

  it("greets and thanks back instead of searching", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000004" });
    expect((await user.say("xin chao")).text).toContain("Kính chào Quý doanh nghiệp");
    expect((await user.say("cảm ơn nhé")).text).toContain("Rất vui được hỗ trợ");
    // A bare "ok" or "vâng" gets one line: not a refusal, not a question passed to the unit.
    for (const said of ["ok", "vâng", "Ok ạ", "dạ vâng"]) {
      const r = await user.say(said);
      expect(r.text, said).toBe("Vâng ạ. Khi cần, Quý doanh nghiệp cứ gõ câu hỏi hoặc chọn một mục bên dưới.");
    }
    expect(await app.services.inbox.openOf("web:faq-user-0000000004")).toBeUndefined();
    await app.close();
  });

  it("/hoidap invites a question with frequent ones; /hoidap with a question answers it", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000005" });
    const invite = await user.say("/hoidap");
    expect(invite.text).toContain("Quý doanh nghiệp vui lòng gõ câu hỏi");
    expect(invite.buttons.map((b) => b.data)).toContain("faq:gt-dieu-kien");
    expect((await user.say("/faq tccs la gi")).text).toContain("Tiêu chuẩn cơ sở (TCCS) là gì?");
    await app.close();
  });

  it("answers in English after /ngonngu en, and escapes nothing the user typed into the answer", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000006" });
    await user.say("/ngonngu en");
    const r = await user.say("what documents does the dossier include <b>?");
    expect(r.text).toContain("What documents does the award dossier include?");
    expect(r.text).toContain("Sources:");
    expect(r.messages[0]!.text).not.toContain("<b>?");
    await app.close();
  });

  it("treats a forged or stale FAQ button as not valid", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "faq-user-0000000007" });
    expect((await user.press("faq:../../etc/passwd")).text).toContain("Nút này không còn hiệu lực");
    expect((await user.press("faq:no-such-entry")).text).toContain("Nút này không còn hiệu lực");
    await app.close();
  });

  it("offers the lookup other flows use (the registration form asks it about questions typed mid-form)", async () => {
    const app = await testApp(await tempDir());
    const hit = app.services.faq.lookup("le phi tham du giai thuong", "vi");
    expect(hit.matched && hit.id).toBe("gt-le-phi");
    const miss = app.services.faq.lookup("thời tiết Biên Hòa", "vi");
    expect(miss).toEqual({ matched: false, suggestions: [] });
    await app.close();
  });
});
