import { describe, expect, it } from "vitest";
import { looksEnglish, textLanguage } from "../../src/domain/text-language.js";

const ENGLISH = [
  "How do I apply for the National Quality Award?",
  "What is the deadline?",
  "Hello, can you help me register?",
  "who can apply",
  "help",
  "register",
  "What documents do we need to submit",
  "Is our company eligible? We were founded in 2015.",
  "I would like to ask about productivity support",
  "thank you",
  "where is my dossier GT-2026-0001",
  "how much funding can we get",
  "Our factory in Nhon Trach makes fish sauce",
  "do you speak english",
  "I'm the manager of a foreign-invested company",
  "what are the benefits of the award",
];

const VIETNAMESE = [
  "cho hoi giai thuong",
  "Cho hỏi giải thưởng chất lượng quốc gia",
  "toi muon dang ky tham gia giai",
  "vay cho htx dang ky xin ho tro",
  "ho so GT-2026-0001 cua em toi dau roi",
  "tra cuu",
  "hủy",
  "huy",
  "thôi em không đăng ký nữa",
  "mst la 3603295302",
  "thành lập năm 2019",
  "doanh thu 12,5 tỷ",
  "tu nam 2020",
  "che bien thuc pham",
  "co haccp voi iso 22000",
  "ok dong y",
  "khoảng 50 người",
  "không biết",
  "Công ty TNHH Nước mắm Xanh",
  "dieu kien tham gia la gi",
  "nang suat chat luong",
  "ho tro nang suat",
  "can nhung giay to gi",
  "giải thưởng",
];

const NEITHER = ["ok", "OK", "2", "3603295302", "GT-2026-0001", "ISO 22000", "HACCP", "/dangky", "/language en", "", "   ", "👍", "hello", "menu", "hi", "dk", "k", "2019", "htxphuhoa@gmail.com", "www.example.com", "https://giaithuong.org.vn/tai-lieu", "a".repeat(5000)];

describe("textLanguage", () => {
  it.each(ENGLISH)("English: %s", (text) => {
    expect(textLanguage(text)).toBe("en");
    expect(looksEnglish(text)).toBe(true);
  });
  it.each(VIETNAMESE)("Vietnamese: %s", (text) => {
    expect(textLanguage(text)).toBe("vi");
    expect(looksEnglish(text)).toBe(false);
  });
  it.each(NEITHER)("says nothing: %s", (text) => {
    expect(textLanguage(text)).toBeNull();
    expect(looksEnglish(text)).toBe(false);
  });
  it("weighs mixed messages by their words", () => {
    // Mostly Vietnamese with an English word or two: the writer reads Vietnamese.
    expect(textLanguage("cho hỏi về award của tỉnh")).toBe("vi");
    expect(textLanguage("em muốn register giải thưởng")).toBe("vi");
    // Mostly English with a Vietnamese name in it.
    expect(textLanguage("Can we apply for the award in Đồng Nai province?")).toBe("en");
    expect(textLanguage("Please tell me the deadline for Nhon Trach companies")).toBe("en");
  });
});
