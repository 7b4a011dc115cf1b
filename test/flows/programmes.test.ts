import { describe, expect, it } from "vitest";
import { buttonDataFits } from "../../src/core/types.js";
import { testApp } from "../helpers/app.js";
import { chatAs } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("/chuongtrinh: programmes → topics → questions → answers", () => {
  it("browses down to an answer and back up", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "browse-user-00000001" });

    const home = await user.say("/chuongtrinh");
    expect(home.text).toContain("Chương trình và chủ đề");
    expect(home.buttons.map((b) => b.data)).toEqual(["kb:p:gtclqg", "kb:p:nscl", "kb:p:glossary", "kb:p:general"]);

    const nscl = await user.pressLabel(home, "năng suất");
    expect(nscl.text).toContain("Quyết định 1322/QĐ-TTg");
    const funding = await user.pressLabel(nscl, "Kinh phí");
    expect(funding.text).toMatch(/1\. Chương trình NSCL hỗ trợ bao nhiêu tiền/);

    const answer = await user.pressLabel(funding, "1. ");
    expect(answer.text).toContain("nghị quyết của HĐND");
    expect(answer.text).toContain("Nghị quyết 20/2021/NQ-HĐND");

    const back = await user.pressLabel(answer, "⬅ Kinh phí");
    expect(back.text).toContain("Kinh phí và đối ứng");
    const up = await user.pressLabel(back, "⬅ Chương trình nâng cao");
    expect(up.text).toContain("Chọn chủ đề");
    expect((await user.pressLabel(up, "Danh mục chương trình")).buttons).toHaveLength(4);
    for (const r of [home, nscl, funding, answer, back]) for (const b of r.buttons) expect(buttonDataFits(b.data)).toBe(true);
    await app.close();
  });

  it("offers to register from a programme's page and from the answer on how to register", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "browse-user-00000003" });
    const award = await user.press("kb:p:gtclqg");
    expect(award.buttons[0]).toEqual({ label: "📝 Đăng ký tham dự Giải thưởng", data: "dk:gtclqg" });
    const form = await user.pressLabel(award, "Đăng ký tham dự");
    expect(form.text).toContain("Đồng ý xử lý dữ liệu cá nhân");
    const nscl = await user.press("kb:p:nscl");
    expect(nscl.buttons[0]?.data).toBe("dk:nscl");
    await app.close();
  });

  it("pages a long topic, 8 questions at a time", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "browse-user-00000002" });
    const first = await user.press("kb:t:gt-dossier");
    expect(first.text).toContain("Trang 1/2");
    expect(first.buttons.filter((b) => b.data.startsWith("faq:"))).toHaveLength(8);
    const second = await user.pressLabel(first, "Trang sau");
    expect(second.text).toContain("Trang 2/2");
    expect(second.text).toMatch(/9\. /);
    expect(second.buttons.map((b) => b.data)).toContain("kb:t:gt-dossier:1");
    await app.close();
  });

  it("answers forged browse buttons as not valid", async () => {
    const app = await testApp(await tempDir());
    const user = chatAs(app, { channel: "web", id: "browse-user-00000003" });
    for (const data of ["kb:t:gt-dossier:9", "kb:p:nothing", "kb:x:y", "kb:t:../../x", "kb:"]) {
      expect((await user.press(data)).text, data).toContain("Nút này không còn hiệu lực");
    }
    await app.close();
  });
});
