import { describe, expect, it } from "vitest";
import { isCancel, programmeNamed, readIntent, trackingCodeIn } from "../../src/flows/intents/read.js";
import { listPieces } from "../../src/flows/forms/engine.js";
import { looksLikeQuestion } from "../../src/flows/forms/words.js";

/** What free text means when it means a command (issue 15's phrasings, and more of the same classes). */
const intentOf = (text: string) => readIntent(text, looksLikeQuestion(text));

describe("reading intents in free text", () => {
  it.each([
    ["ok vay toi muon dang ky tham gia giai", "gtclqg"],
    ["Tôi muốn đăng ký Giải thưởng Chất lượng Quốc gia", "gtclqg"],
    ["dang ky gtclqg", "gtclqg"],
    ["we would like to apply for the quality award", "gtclqg"],
    ["vay cho htx dang ky xin ho tro", "nscl"],
    ["em muốn đăng ký hỗ trợ năng suất", "nscl"],
    ["xin ho tro nang suat chat luong cho xuong", "nscl"],
    ["I want to register for productivity support", "nscl"],
  ])("%j → register, %s", (text, programme) => {
    expect(intentOf(text)).toEqual({ kind: "register", programme });
  });

  it.each(["đăng ký", "toi muon dang ky", "I want to register", "dang ky ngay"])("%j → register, programme to ask", (text) => {
    expect(intentOf(text)).toEqual({ kind: "register", programme: null });
  });

  it.each([
    "thủ tục đăng ký kết hôn",
    "đăng ký giải thưởng cần hồ sơ gì?",
    "điều kiện đăng ký hỗ trợ năng suất là gì",
    "đăng ký nhận thông báo",
    "giấy đăng ký kinh doanh",
    "tôi đã đăng ký rồi",
  ])("%j is no wish to register (a question, or another registration)", (text) => {
    expect(intentOf(text)?.kind).not.toBe("register");
  });

  it.each([
    ["ho so GT-2026-0001 cua em toi dau roi", "GT-2026-0001"],
    ["hồ sơ gt 2026 12 đã duyệt chưa?", "GT-2026-0012"],
    ["check NS-2026-0007 please", "NS-2026-0007"],
  ])("%j → look up %s", (text, code) => {
    expect(intentOf(text)).toEqual({ kind: "lookup", code });
  });

  it.each(["tra cuu", "Tra cứu hồ sơ", "hồ sơ của tôi", "check status"])("%j → look up the user's own", (text) => {
    expect(intentOf(text)).toEqual({ kind: "lookup", code: null });
  });

  it.each(["hủy", "huy", "Hủy bỏ", "thôi em không đăng ký nữa", "thoi", "toi khong muon tiep tuc nua", "stop", "thôi để sau nhé"])("%j → cancel", (text) => {
    expect(isCancel(text)).toBe(true);
    expect(intentOf(text)).toEqual({ kind: "cancel" });
  });

  it.each(["à thôi để sản phẩm là Nước mắm cá cơm Xanh", "Nguyễn Văn Huy", "đúng", "Dũng", "không", "thôi được", "huỷ đăng ký thì có mất phí không?"])("%j is no cancel", (text) => {
    expect(isCancel(text) && !looksLikeQuestion(text)).toBe(false);
  });

  it.each([
    ["menu", { kind: "menu" }],
    ["Menu", { kind: "menu" }],
    ["trợ giúp", { kind: "help" }],
    ["help", { kind: "help" }],
    ["english please", { kind: "language", locale: "en" }],
    ["English", { kind: "language", locale: "en" }],
    ["can you speak English?", { kind: "language", locale: "en" }],
    ["tiếng việt", { kind: "language", locale: "vi" }],
  ])("%j → %o", (text, intent) => {
    expect(intentOf(text)).toEqual(intent);
  });

  it.each(["giải thưởng chất lượng quốc gia là gì", "xin chào", "cảm ơn", "doanh nghiệp nhỏ có được hỗ trợ không", "hồ sơ gồm những gì"])("%j has no intent (the FAQ answers it)", (text) => {
    expect(intentOf(text)).toBeNull();
  });
});

describe("the programme named by words", () => {
  it.each([
    ["ho tro nang suat", "nscl"],
    ["hỗ trợ", "nscl"],
    ["NSCL", "nscl"],
    ["giải thưởng", "gtclqg"],
    ["gtclqg", "gtclqg"],
    ["the award", "gtclqg"],
    ["giải thưởng hay hỗ trợ", null],
    ["cái nào cũng được", null],
  ])("%j → %s", (text, programme) => {
    expect(programmeNamed(text)).toBe(programme);
  });

  it("finds a tracking code only as a whole code", () => {
    expect(trackingCodeIn("mã GT-2026-0042 nhé")).toBe("GT-2026-0042");
    expect(trackingCodeIn("VGT-2026-0042")).toBeNull();
    expect(trackingCodeIn("năm 2026 có 42 hồ sơ")).toBeNull();
  });
});

describe("several items typed in one message", () => {
  it.each([
    ["haccp va iso 22000", ["haccp", "iso 22000"]],
    ["co haccp voi iso 22000", ["haccp", "iso 22000"]],
    ["Công ty đã có ISO 9001, OCOP và HACCP", ["ISO 9001", "OCOP", "HACCP"]],
    ["we have ISO 9001 and ISO 14001", ["ISO 9001", "ISO 14001"]],
    ["1, 3", ["1", "3"]],
  ])("%j → %o", (text, pieces) => {
    expect(listPieces(text)).toEqual(pieces);
  });
});
