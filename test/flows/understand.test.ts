import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/**
 * Understanding people as they write (issue 15), through the conversation: intents in free text
 * before the FAQ, the programme choice of /dangky answered by typing, cancelling a form in words,
 * "không biết" where a question may be skipped, a choice named by words, a multi-select left open,
 * a stable progress counter, and a question mid-form answered from the form's programme.
 */
const tempDir = useTempDirs();
const start = async () => testApp(await tempDir(), { clock: testClock("2026-11-22T03:00:00Z").now });
const PROGRESS = /Câu (\d+)\/(\d+)/;

describe("free text that means a command", () => {
  it("register, with the programme from the words, or asked with both buttons", async () => {
    const app = await start();
    expect(await person(app, "telegram", "1501").says("ok vay toi muon dang ky tham gia giai")).toContain("Đồng ý xử lý dữ liệu cá nhân");
    const coop = person(app, "telegram", "1502");
    await coop.says("vay cho htx dang ky xin ho tro");
    await coop.says("đồng ý");
    // The support request's first question, not the award's organisation name.
    expect(coop.hears()).toContain("cần hỗ trợ nội dung nào");
    const unsure = person(app, "telegram", "1503");
    await unsure.says("tôi muốn đăng ký");
    expect(unsure.buttonLabels()).toHaveLength(2);
  });

  it("at the programme choice a number or the button's words mean that button; anything else is a question again", async () => {
    const app = await start();
    const a = person(app, "zalo", "1511");
    await a.says("/dangky");
    expect(await a.says("2")).toContain("Đồng ý xử lý dữ liệu cá nhân");
    expect(await a.says("ok dong y")).toContain("cần hỗ trợ nội dung nào");
    const b = person(app, "zalo", "1512");
    await b.says("/dangky");
    await b.says("ho tro nang suat");
    await b.says("đồng ý");
    expect(b.hears()).toContain("cần hỗ trợ nội dung nào");
    const c = person(app, "zalo", "1513");
    await c.says("/dangky");
    await c.says("1");
    await c.says("đồng ý");
    expect(c.hears()).toContain("Tên đầy đủ của tổ chức");
    const d = person(app, "zalo", "1514");
    await d.says("/dangky");
    // A question: the FAQ answers it, and the choice is put away (a later "2" is no programme).
    expect(await d.says("giải thưởng chất lượng quốc gia là gì")).not.toContain("Đồng ý xử lý dữ liệu cá nhân");
    expect(await app.storage.repos.dialogs.get("zalo:1514")).toBeUndefined();
  });

  it("look up a code written anywhere in a sentence, or one's own; menu, help, language", async () => {
    const app = await start();
    const p = person(app, "telegram", "1521");
    expect(await p.says("ho so GT-2026-0001 cua em toi dau roi")).toContain("GT-2026-0001");
    expect(await p.says("tra cuu")).toBe(await p.says("/tracuu"));
    expect(await p.says("menu")).toContain("Kính chào Quý doanh nghiệp");
    expect(p.buttonLabels().length).toBeGreaterThan(3);
    expect(await p.says("trợ giúp")).toBe(await p.says("/trogiup"));
    expect(await p.says("english please")).toContain("English");
    expect(await p.says("/tracuu")).toContain("No submission has been registered");
    await p.says("tiếng việt");
    expect(await p.says("/tracuu")).not.toContain("No submission has been registered");
  });
});

describe("in a form", () => {
  it("'hủy' and 'thôi em không đăng ký nữa' ask first, say the answers wait 30 days, and 'có' cancels", async () => {
    const app = await start();
    const p = person(app, "telegram", "1531");
    await p.says("/dangky gtclqg");
    await p.says("đồng ý");
    await p.says("Công ty TNHH Thử Nghiệm");
    const asked = await p.says("hủy");
    expect(asked).toContain("có chắc muốn hủy");
    expect(asked).toContain("giữ 30 ngày");
    // "No": the same question again, nothing lost.
    expect(await p.says("không")).toContain("Mã số doanh nghiệp");
    expect(await p.says("thôi em không đăng ký nữa")).toContain("có chắc muốn hủy");
    expect(await p.says("có")).toContain("Đã hủy");
    expect(await app.storage.repos.dialogs.get("telegram:1531")).toBeUndefined();
    // "huy" twice is the same as confirming.
    await p.says("/dangky nscl");
    await p.says("huy");
    expect(await p.says("huy")).toContain("Đã hủy");
  });

  it("'không biết' skips a question that may be skipped, and not one that may not", async () => {
    const app = await start();
    const p = person(app, "telegram", "1541");
    await p.says("/dangky nscl");
    await p.says("ok");
    await p.says("1");
    await p.says("xong");
    await p.says("Áp dụng ISO 9001 cho xưởng may");
    await p.says("Công ty TNHH May Thử");
    expect(await p.says("không biết")).toContain("Câu hỏi này cần có câu trả lời");
    await p.says("0314409058");
    await p.says("doanh nghiep");
    await p.says("phuong tran bien");
    await p.says("VSIC 2018");
    expect(await p.says("C")).toContain("Số lao động");
    // Optional in the support request: skipped, and revenue and capital (asked only with a head count) with it.
    expect(await p.says("không biết")).toContain("Họ và tên người liên hệ");
  });

  it("a choice named by words: one is taken and said, several are asked about with their buttons only", async () => {
    const app = await start();
    const p = person(app, "telegram", "1551");
    await p.says("/dangky gtclqg");
    for (const answer of ["đồng ý", "Công ty TNHH Thử", "0314409058", "doanh nghiep", "2019", "phuong tran bien"]) await p.says(answer);
    const sector = await p.says("chúng tôi chế biến hạt điều");
    expect(sector).toContain("Trợ lý hiểu: Lĩnh vực: Sản xuất");
    await p.says("VSIC 2018");
    const which = await p.says("dịch vụ");
    expect(which).toContain("có thể là một trong các lựa chọn sau");
    expect(p.buttonLabels().filter((l) => /^[A-U] – /.test(l))).toEqual(["I – Dịch vụ lưu trú và ăn uống", "N – Hành chính và dịch vụ hỗ trợ", "S – Hoạt động dịch vụ khác"]);
    expect(await p.presses("S – Hoạt động")).toContain("Số lao động");
  });

  it("several items typed are ticked and the question stays open until Xong; one more typed adds to them", async () => {
    const app = await start();
    const p = person(app, "telegram", "1561");
    await p.says("/dangky nscl");
    await p.says("đồng ý");
    const first = await p.says("truy xuat nguon goc");
    expect(first).toContain("Đã chọn thêm: Truy xuất nguồn gốc sản phẩm, hàng hóa");
    expect(first).toContain("cần hỗ trợ nội dung nào");
    const more = await p.says("1 va vietgap");
    expect(more).toContain("Đã chọn: Xây dựng, áp dụng hệ thống quản lý tiên tiến, Truy xuất nguồn gốc sản phẩm, hàng hóa, VietGAP");
    expect(p.buttonLabels()).toContain("✔️ Xong (3)");
    expect(await p.says("xong")).toContain("Mô tả ngắn nhu cầu");
  });

  it("the progress counter never grows: questions that may still be asked are counted from the start", async () => {
    const app = await start();
    for (const [id, employees] of [["1571", "12"], ["1572", "bỏ qua"]] as const) {
      const p = person(app, "telegram", id);
      const seen: [number, number][] = [];
      const note = (text: string) => {
        const m = PROGRESS.exec(text);
        if (m) seen.push([Number(m[1]), Number(m[2])]);
      };
      note(await p.says("/dangky nscl"));
      for (const answer of ["đồng ý", "1", "xong", "Áp dụng ISO 9001 cho xưởng may", "Công ty TNHH May Thử", "0314409058", "doanh nghiep", "phuong tran bien", "VSIC 2018", "C", employees]) note(await p.says(answer));
      if (employees !== "bỏ qua") for (const answer of ["8 tỷ", "bỏ qua"]) note(await p.says(answer));
      for (const answer of ["Lê Văn Tư", "Giám đốc", "0912345678", "tu@may.vn"]) note(await p.says(answer));
      expect(p.hears()).toContain("Tài liệu");
      // Each answer moves one question on; the total never goes up, and is exact once answers decide it.
      seen.forEach(([n, total], i) => {
        if (i === 0) return;
        const [pn, ptotal] = seen[i - 1]!;
        expect(total, JSON.stringify(seen)).toBeLessThanOrEqual(ptotal);
        if (n !== pn) expect(n).toBe(pn + 1);
      });
      const [lastN, lastTotal] = seen[seen.length - 1]!;
      expect(lastN).toBe(lastTotal);
      expect(seen[0]![1]).toBe(17);
    }
  });

  it("a question typed in the support request is answered about the support programme", async () => {
    const app = await start();
    const nscl = person(app, "telegram", "1581");
    await nscl.says("/dangky nscl");
    const inNscl = await nscl.says("hồ sơ gồm những gì?");
    const award = person(app, "telegram", "1582");
    await award.says("/dangky gtclqg");
    const inAward = await award.says("hồ sơ gồm những gì?");
    const outside = await person(app, "telegram", "1583").says("hồ sơ gồm những gì?");
    expect(inNscl).not.toEqual(inAward);
    const firstLine = (text: string) => text.split("\n")[0];
    expect(firstLine(inAward)).toEqual(firstLine(outside));
    expect(firstLine(inNscl)).not.toEqual(firstLine(outside));
    expect(inNscl).toContain("Đồng ý xử lý dữ liệu cá nhân");
    // Never the award's entry, even when the support programme has no entry that fits well.
    for (const question of ["nộp hồ sơ ở đâu?", "chi phí bao nhiêu?", "quy trình xét như thế nào?"]) {
      const there = await person(app, "telegram", "1584").says(question);
      expect(firstLine(await nscl.says(question)), question).not.toEqual(firstLine(there));
    }
  });
});
