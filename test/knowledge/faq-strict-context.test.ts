import { describe, expect, it } from "vitest";
import { compileLexicon, readLexiconFile } from "../../src/knowledge/lexicon.js";
import { buildSearchIndex, type SearchDoc, type SearchHit } from "../../src/knowledge/search.js";
import { dataDir } from "../../src/paths.js";
import { decide } from "../../src/services/faq.js";

const lex = compileLexicon(readLexiconFile(dataDir));

/**
 * Entries about using the assistant (lexicon `topicContext`: "bot-usage" → "bot", a strict context)
 * speak in generic words — look up, dossier, language — that questions about other systems share. A
 * topic word none of them uses ("bảo hiểm xã hội", "iphone") weighs `foreignFactor` times against them
 * unless the question names the assistant.
 */
describe("strict contexts: the entries about the assistant answer only questions about the assistant", () => {
  const docs: SearchDoc[] = [
    { id: "bot-status", phrasings: ["tra cứu hồ sơ đã đăng ký qua trợ lý", "hồ sơ của tôi đang ở bước nào", "xem trạng thái hồ sơ"], context: ["bot"] },
    { id: "bot-language", phrasings: ["đổi ngôn ngữ của trợ lý", "how do I change the assistant's language"], context: ["bot"] },
    { id: "tax", phrasings: ["hồ sơ cần xác nhận nộp thuế"], context: ["gtclqg"] },
    { id: "late", phrasings: ["chậm đóng bảo hiểm xã hội có dự giải được không"], context: ["gtclqg"] },
    { id: "contact", phrasings: ["số điện thoại của sở"] },
    { id: "steps", phrasings: ["quy trình xét giải gồm những bước nào"], context: ["gtclqg"] },
  ];
  const answer = (index: ReturnType<typeof buildSearchIndex>, q: string) => {
    const d = decide(index.search(q, 5));
    return d.matched ? d.hits[0]!.id : null;
  };
  const strict = buildSearchIndex(docs, lex);
  // The same entries without their context: the generic words alone answer the foreign question.
  const loose = buildSearchIndex(
    docs.map((d) => ({ ...d, context: d.context?.filter((c) => c !== "bot") })),
    lex,
  );

  it("reads the context and the words that name it from the lexicon", () => {
    expect(lex.topicContext.get("bot-usage")).toBe("bot");
    expect(lex.strictContexts.has("bot")).toBe(true);
    expect([...lex.strictContextsNamed(lex.canonical(lex.respell("tra cuu tren tro ly".split(" "))).tokens)]).toEqual(["bot"]);
    expect([...lex.strictContextsNamed(lex.canonical(lex.respell("tra cuu ho so".split(" "))).tokens)]).toEqual([]);
  });

  it("refuses a look-up in another system, which the same entry without its context would answer", () => {
    const [looseTop] = loose.search("tra cứu hồ sơ bảo hiểm xã hội", 1);
    const [strictTop] = strict.search("tra cứu hồ sơ bảo hiểm xã hội", 1);
    expect(looseTop?.id).toBe("bot-status");
    expect(strictTop!.score).toBeLessThan(looseTop!.score * 0.7);
    expect(answer(strict, "tra cứu hồ sơ bảo hiểm xã hội")).toBeNull();
    expect(answer(loose, "how do I change the language of Windows")).toBe("bot-language");
    expect(answer(strict, "how do I change the language of Windows")).toBeNull();
  });

  it("still answers questions about the assistant, said or unsaid, in words its entries use", () => {
    expect(answer(strict, "tra cứu hồ sơ đã đăng ký")).toBe("bot-status");
    expect(answer(strict, "xem trang thai ho so cua toi")).toBe("bot-status");
    expect(answer(strict, "đổi ngôn ngữ")).toBe("bot-language");
    // A word of another entry about the assistant is not foreign to this one ("ngôn ngữ" beside "hồ sơ").
    const scoreOf = (index: typeof strict, q: string, id: string) => index.search(q, 5).find((h) => h.id === id)?.score;
    expect(scoreOf(strict, "tra cứu hồ sơ đổi ngôn ngữ", "bot-status")).toBeGreaterThan(0);
    expect(scoreOf(strict, "tra cứu hồ sơ đổi ngôn ngữ", "bot-status")).toBe(scoreOf(loose, "tra cứu hồ sơ đổi ngôn ngữ", "bot-status"));
    expect(scoreOf(strict, "tra cứu hồ sơ bảo hiểm xã hội", "bot-status")).toBeLessThan(scoreOf(loose, "tra cứu hồ sơ bảo hiểm xã hội", "bot-status")!);
    // Naming the assistant lifts the penalty: the question is about it.
    expect(strict.search("tra cứu hồ sơ bảo hiểm xã hội trên trợ lý", 1)[0]?.score).toBeGreaterThan(strict.search("tra cứu hồ sơ bảo hiểm xã hội", 1)[0]?.score ?? 1);
  });

  it("leaves entries of other contexts as they were", () => {
    for (const q of ["quy trinh xet giai gom nhung buoc nao", "cham dong bao hiem xa hoi co du giai duoc khong", "so dien thoai cua so"]) {
      expect(strict.search(q, 1)[0]).toEqual(loose.search(q, 1)[0]);
    }
  });
});

describe("the kind asked, against an entry whose kind is not known", () => {
  const hit = (over: Partial<SearchHit>): SearchHit => ({
    id: "x",
    score: 0.6,
    phrasing: 0,
    phrasingCoverage: 1,
    questionCoverage: 0.4,
    matchedContent: 7,
    kindMismatch: false,
    kindUnknown: false,
    ...over,
  });

  it("answers a long question on matched content alone only when the entry is not of an unknown kind", () => {
    expect(decide([hit({})]).matched).toBe(true);
    expect(decide([hit({ kindUnknown: true })]).matched).toBe(false);
    // Mostly about the entry: answered whatever its kind.
    expect(decide([hit({ kindUnknown: true, questionCoverage: 0.6 })]).matched).toBe(true);
  });

  it("marks the entry whose phrasings cue no kind when the question asks for one", () => {
    const index = buildSearchIndex([{ id: "iso", phrasings: ["cần chứng nhận iso không"] }], lex);
    expect(index.search("phí chứng nhận iso bao nhiêu tiền", 1)[0]?.kindUnknown).toBe(true);
    expect(index.search("chứng nhận iso", 1)[0]?.kindUnknown).toBe(false);
  });
});
