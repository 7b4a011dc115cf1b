import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { toPlainText } from "../../src/core/markup.js";
import { buttonDataFits } from "../../src/core/types.js";
import { foldForSearch as fold } from "../../src/knowledge/fold.js";
import { compileLexicon, readLexiconFile } from "../../src/knowledge/lexicon.js";
import { loadProvince } from "../../src/knowledge/province.js";
import { buildSearchIndex, editDistance } from "../../src/knowledge/search.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { loadFaq } from "../../src/services/faq.js";

const { faq, kb, lexicon } = loadFaq(dataDir, loadProvince(dataDir, "dong-nai"), loadTranslator(localesDir));
const topId = (q: string) => faq.index.search(q, 1)[0]?.id;

describe("Vietnamese folding", () => {
  it("removes diacritics, maps đ to d, lower-cases and keeps only words", () => {
    expect(fold("Đăng KÝ tham dự Giải thưởng Chất lượng Quốc gia?")).toBe("dang ky tham du giai thuong chat luong quoc gia");
    expect(fold("Thủ tục 2.001269 — hỗ trợ 30%")).toBe("thu tuc 2001269 ho tro 30 phan tram");
    // Composed and decomposed input fold the same.
    expect(fold("Hồ sơ".normalize("NFD"))).toBe(fold("Hồ sơ".normalize("NFC")));
  });

  it("counts edits with transpositions, and stops early past the limit", () => {
    expect(editDistance("tieu", "tieu", 1)).toBe(0);
    expect(editDistance("thuonng", "thuong", 2)).toBe(1);
    expect(editDistance("ihcu", "hicu", 1)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });
});

describe("lexicon", () => {
  const lex = compileLexicon(readLexiconFile(dataDir));
  const canon = (text: string) => lex.canonical(lex.respell(fold(text).split(" "))).tokens;

  it("expands abbreviations and maps synonyms to one concept", () => {
    expect(canon("dk du gtclqg")).toEqual(canon("đăng ký tham dự Giải thưởng Chất lượng Quốc gia"));
    expect(canon("hs cua dn")).toEqual(canon("hồ sơ của doanh nghiệp"));
    expect(canon("tccs")).toEqual(canon("tiêu chuẩn cơ sở"));
    expect(canon("ho tro nscl")).toEqual(canon("hỗ trợ năng suất chất lượng"));
  });

  it("segments so that phrases cover the most words: an award name is not split by a shorter phrase", () => {
    expect(canon("du giai thuong chat luong quoc gia")).toEqual(["thamdu", "gtclqg"]);
    expect(canon("dat giai vang")).toEqual(["dat", "giaivang"]);
  });

  it("recognises a message that is only a greeting or thanks", () => {
    expect(lex.smalltalk(fold("Xin chào ạ").split(" "))).toBe("greeting");
    expect(lex.smalltalk(fold("cam on nhieu nhe").split(" "))).toBe("thanks");
    expect(lex.smalltalk(fold("xin chào, hồ sơ gồm những gì").split(" "))).toBeNull();
  });
});

describe("FAQ search", () => {
  it("finds the same entry whatever the word order", () => {
    expect(topId("dieu kien tham du gtclqg")).toBe("gt-dieu-kien");
    expect(topId("gtclqg tham du dieu kien")).toBe("gt-dieu-kien");
    expect(topId("ho so gtclqg gom nhung gi")).toBe(topId("gom nhung gi ho so gtclqg"));
  });

  it("tolerates typos, words run together and missing diacritics", () => {
    expect(topId("dieu kien tham du giai thuonng chat luong")).toBe("gt-dieu-kien");
    expect(topId("dangky tham du giai thuong nhu the nao")).toBe("gt-dang-ky-the-nao");
    expect(topId("tieu chi giai thuong chat luong quoc gai")).toBe("gt-7-tieu-chi");
    expect(topId("Hồ sơ tham dự gồm những gì")).toBe(topId("ho so tham du gom nhung gi"));
  });

  it("does not 'correct' a valid short word into a domain word", () => {
    const tokens = faq.index.analyze("thoi tiet hom nay").tokens;
    expect(tokens.some((t) => t.corrected)).toBe(false);
  });

  it("answers in-scope questions with the full text: title, rules label and source line", () => {
    const r = faq.lookup("doanh nghiep can dieu kien gi de du giai thuong chat luong quoc gia", "vi");
    expect(r.matched).toBe(true);
    if (!r.matched) return;
    expect(r.id).toBe("gt-dieu-kien");
    const text = toPlainText(r.answer);
    expect(text).toContain("36 tháng");
    expect(text).toContain("quy định cũ");
    expect(text).toMatch(/Nguồn: .*Nghị định 37\/2026\/NĐ-CP.*\(rà soát 12\/2026\)/);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(1);
  });

  it("answers in English when asked in English, and says so when only Vietnamese exists", () => {
    const en = faq.lookup("who can enter the national quality award", "en");
    expect(en.matched && toPlainText(en.answer)).toContain("legal personality");
    const viOnly = kb.answer("tn-vsqi", "en")!; // an entry outside the award/NSCL basics, not translated yet
    expect(toPlainText(viOnly)).toContain("available in Vietnamese only");
  });

  it.each([
    "thời tiết hôm nay thế nào",
    "giá vàng hôm nay bao nhiêu",
    "kết quả bóng đá đêm qua",
    "thủ tục đăng ký kết hôn",
    "làm hộ chiếu ở đâu",
    "giải Nobel là gì",
    "chất lượng không khí hôm nay",
  ])("refuses the out-of-scope question %j", (q) => {
    expect(faq.lookup(q, "vi").matched).toBe(false);
  });

  it("refuses a question it cannot tell apart, offering the close entries (ids fit in button data)", () => {
    const r = faq.lookup("dk du gtclqg", "vi");
    expect(r.matched).toBe(false);
    if (r.matched) return;
    expect(r.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(["gt-dang-ky-the-nao", "gt-khi-nao-dang-ky"]));
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of r.suggestions) expect(buttonDataFits(`faq:${s.id}`)).toBe(true);
  });

  it("matches an entry of a programme when the question names the programme another way", () => {
    const lex = compileLexicon(readLexiconFile(dataDir));
    const index = buildSearchIndex(
      [
        { id: "award-fee", phrasings: ["lệ phí tham dự là bao nhiêu"], context: ["gtclqg"] },
        { id: "other-fee", phrasings: ["lệ phí cấp giấy phép là bao nhiêu"] },
      ],
      lex,
    );
    expect(index.search("le phi tham du giai thuong", 1)[0]?.id).toBe("award-fee");
  });

  it("keeps every question's work bounded: a 4,000-character message is searched", () => {
    const long = "ho so du giai gom nhung gi ".repeat(150);
    expect(faq.index.search(long, 3).length).toBeGreaterThan(0);
    expect(lexicon.respell(["dn"])).toEqual(["doanh", "nghiep"]);
  });
});
