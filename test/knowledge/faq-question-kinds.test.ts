import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { foldForSearch as fold } from "../../src/knowledge/fold.js";
import { compileLexicon, readLexiconFile } from "../../src/knowledge/lexicon.js";
import { loadProvince } from "../../src/knowledge/province.js";
import { buildSearchIndex, englishStem } from "../../src/knowledge/search.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { decide, loadFaq } from "../../src/services/faq.js";

const lex = compileLexicon(readLexiconFile(dataDir));
const kinds = (q: string) => [...lex.kindsOf(lex.canonical(lex.respell(fold(q).split(" "))).tokens)].sort();

describe("the kind of answer a question asks for", () => {
  it("reads the cue in Vietnamese, with or without diacritics", () => {
    expect(kinds("tiêu chí lãnh đạo bao nhiêu điểm")).toEqual(["points"]);
    expect(kinds("dự giải tốn bao nhiêu tiền")).toEqual(["money"]);
    expect(kinds("kinh phi ho tro bao nhieu")).toEqual(["money"]);
    expect(kinds("hỗ trợ bao nhiêu phần trăm")).toEqual(["money"]);
    expect(kinds("khi nào đăng ký")).toEqual(["when"]);
    expect(kinds("han nop ho so")).toEqual(["when"]);
    expect(kinds("bao giờ có kết quả")).toEqual(["when"]);
    expect(kinds("nộp hồ sơ ở đâu")).toEqual(["where"]);
    expect(kinds("ho so nop cho ai")).toEqual(["where"]);
    expect(kinds("hồ sơ gồm những gì")).toEqual(["contents"]);
    expect(kinds("chuong trinh ho tro nhung gi")).toEqual(["contents"]);
    expect(kinds("ai trao giải")).toEqual(["who"]);
    expect(kinds("đối tượng được hỗ trợ")).toEqual(["who"]);
    expect(kinds("doanh nghiep nao duoc ho tro")).toEqual(["who"]);
    expect(kinds("chờ kết quả mất bao lâu")).toEqual(["howlong"]);
    expect(kinds("quy trình xét giải gồm mấy bước")).toEqual(["contents", "steps"]);
    expect(kinds("xét giải qua bao nhiêu bước")).toEqual(["steps"]);
    // No cue, no kind: "bao nhiêu" alone does not say points or money.
    expect(kinds("giải thưởng chất lượng quốc gia là gì")).toEqual([]);
    expect(kinds("bao nhieu")).toEqual([]);
  });

  it("reads the cue in English", () => {
    expect(kinds("how many points is leadership worth")).toEqual(["points"]);
    expect(kinds("how much does it cost")).toEqual(["money"]);
    expect(kinds("when is the deadline")).toEqual(["when"]);
    expect(kinds("where do we submit")).toEqual(["where"]);
    expect(kinds("what documents are needed")).toEqual(["contents"]);
    expect(kinds("what does the dossier include")).toEqual(["contents"]);
    expect(kinds("who confers the award")).toEqual(["who"]);
    expect(kinds("which companies can get support")).toEqual(["who"]);
    expect(kinds("how long does it take")).toEqual(["howlong"]);
    expect(kinds("how many steps")).toEqual(["steps"]);
  });
});

describe("the search weighs the kind asked against the kind an entry answers", () => {
  // Two entries on one topic, one about points and one about money: the kind asked decides.
  const docs = [
    { id: "points", phrasings: ["tiêu chí lãnh đạo bao nhiêu điểm", "tieu chi lanh dao cham may diem"] },
    { id: "money", phrasings: ["kinh phí tiêu chí lãnh đạo bao nhiêu tiền", "chi phi tieu chi lanh dao"] },
    { id: "where", phrasings: ["nộp hồ sơ ở đâu", "noi nop ho so"] },
    { id: "contents", phrasings: ["hồ sơ gồm những gì", "thanh phan ho so"] },
  ];
  const index = buildSearchIndex(docs, lex);
  const answer = (q: string) => {
    const d = decide(index.search(q, 5));
    return d.matched ? d.hits[0]!.id : null;
  };

  it("answers with the entry of the kind asked", () => {
    expect(answer("tieu chi lanh dao duoc bao nhieu diem")).toBe("points");
    expect(answer("tiêu chí lãnh đạo tốn bao nhiêu tiền")).toBe("money");
    expect(answer("ho so gom nhung gi")).toBe("contents");
    expect(answer("ho so nop o dau")).toBe("where");
    expect(answer("what documents are in the dossier")).toBe("contents");
  });

  it("never answers with an entry of another kind: without a points entry, 'bao nhiêu điểm' is refused, not answered with money", () => {
    const moneyOnly = buildSearchIndex(
      docs.filter((d) => d.id !== "points"),
      lex,
    );
    const hits = moneyOnly.search("tiêu chí lãnh đạo bao nhiêu điểm", 5);
    expect(hits[0]?.id).toBe("money");
    expect(hits[0]?.kindMismatch).toBe(true);
    expect(decide(hits).matched).toBe(false);
    // Where to submit is not what the dossier contains.
    const whereOnly = buildSearchIndex(
      docs.filter((d) => d.id !== "contents"),
      lex,
    );
    expect(decide(whereOnly.search("ho so gom nhung giay to gi", 5)).matched).toBe(false);
  });

  it("takes an entry's kinds from its phrasings, or from what it declares", () => {
    const declared = buildSearchIndex([{ id: "x", phrasings: ["hồ sơ gồm những gì"], kinds: ["where"] }], lex);
    expect(declared.search("ho so gom nhung gi", 1)[0]?.kindMismatch).toBe(true);
    expect(declared.search("ho so nop o dau", 1)[0]?.kindMismatch).toBe(false);
  });
});

describe("English", () => {
  it("takes plural and verb endings off words the lexicon knows, and leaves Vietnamese alone", () => {
    const known = (w: string) => lex.words.has(w) || lex.stopwords.has(w);
    expect(englishStem("registrations", known)).toBe("registration");
    expect(englishStem("applying", known)).toBe("apply");
    expect(englishStem("companies", known)).toBe("company");
    expect(englishStem("needed", known)).toBe("need");
    expect(englishStem("thanh", known)).toBeNull();
    expect(englishStem("xyzzies", known)).toBeNull();
  });

  it("does not count English filler against a question", () => {
    const { faq } = loadFaq(dataDir, loadProvince(dataDir, "dong-nai"), loadTranslator(localesDir));
    const tokens = faq.index.analyze("what documents are needed for the award").tokens.map((t) => t.token);
    expect(tokens).not.toContain("needed");
    expect(tokens).not.toContain("need");
  });
});

describe("on the knowledge base", () => {
  const { faq } = loadFaq(dataDir, loadProvince(dataDir, "dong-nai"), loadTranslator(localesDir));
  const answered = (q: string) => {
    const r = faq.lookup(q, "vi");
    return r.matched ? r.id : null;
  };

  it("answers points with points, contents with contents, and where with where", () => {
    expect(answered("giải vàng cần bao nhiêu điểm")).toBe("gt-diem-dat-giai");
    expect(answered("hồ sơ tham dự giải thưởng gồm những gì")).toBe("gt-ho-so");
    expect(answered("nộp hồ sơ dự giải thưởng ở đâu")).toBe("gt-nop-ho-so");
    // Neither is answered with the other kind's entry.
    expect(answered("what documents do we need to submit")).not.toBe("gt-nop-ho-so");
    expect(answered("chương trình năng suất chất lượng hỗ trợ những gì")).not.toBe("ns-doi-tuong");
  });
});
