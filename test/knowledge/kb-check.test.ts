import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkKnowledge, checkLearnedContent } from "../../src/services/kb-check.js";
import { readKnowledge } from "../../src/knowledge/kb.js";
import { compileLexicon, readLexiconFile } from "../../src/knowledge/lexicon.js";
import type { KbLearned } from "../../src/domain/records/kb-learned.js";
import { loadDossierItems } from "../../src/knowledge/dossier-items.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** A copy of data/ with one JSON file changed by `edit`. */
async function brokenCopy(file: string, edit: (json: any) => void): Promise<string> {
  const dir = await tempDir();
  cpSync(dataDir, dir, { recursive: true });
  const full = path.join(dir, file);
  const json = JSON.parse(readFileSync(full, "utf8"));
  edit(json);
  writeFileSync(full, JSON.stringify(json));
  return dir;
}

const entry = (json: { entries: { id: string }[] }, id: string) => json.entries.find((e) => e.id === id) as any;

describe("kb check", () => {
  it("finds no problem in the shipped content", () => {
    expect(checkKnowledge(dataDir, localesDir, "2026-12-04")).toEqual([]);
  });

  it("names the entry whose source is not in the registry, whose markup is broken, or whose date is in the future", async () => {
    const dir = await brokenCopy("kb/entries/gt-overview.json", (json) => {
      entry(json, "gt-lich-su").source = "a blog I read";
      entry(json, "gt-nguyen-tac").answer.vi.push("Giá <b>không đóng thẻ");
      entry(json, "gt-gpea").reviewed = "2027-01-01";
      entry(json, "gt-la-gi").answer.vi.push("Liên hệ {hotline}.");
      entry(json, "gt-ai-trao").answer.vi.push('Xem <a href="javascript:alert(1)">tại đây</a> hoặc <a href="http//giaithuong.org.vn">đây</a>.');
    });
    const problems = checkKnowledge(dir, localesDir, "2026-11-22").map((p) => `${p.id}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^gt-lich-su: source "a blog I read" is not in data\/kb\/sources.json/),
        expect.stringMatching(/^gt-nguyen-tac: vi answer is not valid markup/),
        expect.stringMatching(/^gt-gpea: reviewed date 2027-01-01 is in the future/),
        expect.stringMatching(/^gt-la-gi: vi answer uses unknown placeholder \{hotline\}/),
        'gt-ai-trao: vi answer links to "javascript:alert(1)", which is not an http(s) address',
        'gt-ai-trao: vi answer links to "http//giaithuong.org.vn", which is not an http(s) address',
      ]),
    );
  });

  it("finds the same question in two entries, and a core entry without English", async () => {
    const dir = await brokenCopy("kb/entries/gt-dossier.json", (json) => {
      entry(json, "gt-mau-ho-so").questions.vi.push("hồ sơ dự giải gồm những gì");
      entry(json, "gt-ho-so").questions.vi.push("Hồ sơ dự giải gồm những gì?");
      delete entry(json, "gt-nop-ho-so").answer.en;
      delete entry(json, "gt-nop-ho-so").questions.en;
    });
    const problems = checkKnowledge(dir, localesDir, "2026-11-22").map((p) => `${p.id}: ${p.message}`);
    expect(problems.some((p) => /^gt-(ho-so|mau-ho-so): question "h.* gồm những gì\??" is also a question of gt-/.test(p))).toBe(true);
    expect(problems).toContainEqual(expect.stringMatching(/^gt-nop-ho-so: a core entry needs English/));
  });

  it("refuses a made-up contact, a cycle under rules not yet in force and a confirmed regime without its source", async () => {
    const dir = await brokenCopy("provinces/dong-nai.json", (json) => {
      json.unit.phone = "call us";
      json.unit.name = "<tên đơn vị>";
      json.timeline.cycles[0].rules = "2026";
      json.timeline.cycles[1].rulesConfirmed = true;
      delete json.timeline.cycles[1].rulesSource;
    });
    const problems = checkKnowledge(dir, localesDir, "2026-11-22").map((p) => `${p.id}: ${p.message}`);
    expect(problems).toContainEqual('dong-nai: unit.phone "call us" is not a Vietnamese phone number');
    expect(problems).toContainEqual('dong-nai: unit.name "<tên đơn vị>" is not a unit\'s name; write null until the real name is confirmed');
    expect(problems).toContainEqual(expect.stringMatching(/^dong-nai: cycle gtclqg 2024: award years before 2026 follow the legacy rules/));
    expect(problems).toContainEqual(expect.stringMatching(/^dong-nai: cycle gtclqg 2026: rulesConfirmed needs rulesSource/));
  });

  it("accepts a 2026 award year set to the legacy regime by an official, with its source", async () => {
    const dir = await brokenCopy("provinces/tay-ninh.json", (json) => {
      Object.assign(json.timeline.cycles[0], { rules: "legacy", rulesConfirmed: true, rulesSource: "Công văn của Bộ KH&CN về chuyển tiếp (số, ngày)" });
    });
    const problems = checkKnowledge(dir, localesDir, "2026-12-04").filter((p) => p.id === "tay-ninh");
    expect(problems).toEqual([]);
  });

  it("refuses a dossier item list with a source not in the registry, a missing source, a duplicate id or a missing translation", async () => {
    const unknown = await brokenCopy("dossier-items.json", (json) => {
      json.regimes.legacy.items[2].source = "a blog I read";
      json.regimes.legacy.items[5].id = json.regimes.legacy.items[4].id;
    });
    const problems = checkKnowledge(unknown, localesDir, "2026-11-22").map((p) => `${path.basename(p.file)} ${p.id}: ${p.message}`);
    expect(problems).toContainEqual('dossier-items.json self-assessment: legacy: source "a blog I read" is not in data/kb/sources.json');
    expect(problems).toContainEqual("dossier-items.json product-standards: legacy: item id appears twice");

    const noSource = await brokenCopy("dossier-items.json", (json) => delete json.regimes.legacy.items[0].source);
    expect(checkKnowledge(noSource, localesDir, "2026-11-22").map((p) => `${path.basename(p.file)}: ${p.message}`)).toContainEqual(
      expect.stringMatching(/^dossier-items.json: regimes.legacy.items.0.source /),
    );
    const noEnglish = await brokenCopy("dossier-items.json", (json) => delete json.regimes.legacy.items[1].name.en);
    expect(checkKnowledge(noEnglish, localesDir, "2026-11-22").map((p) => `${path.basename(p.file)}: ${p.message}`)).toContainEqual(
      expect.stringMatching(/^dossier-items.json: regimes.legacy.items.1.name.en /),
    );
    // The bot does not start on such a file either, and names it.
    expect(() => loadDossierItems(noEnglish)).toThrow(/dossier-items.json.*regimes.legacy.items.1.name.en/);
    // The new regime's list, once published, is read from the same file: no code.
    const published = await brokenCopy("dossier-items.json", (json) => {
      json.regimes["2026"].items = [{ id: "entry-form", name: { vi: "Đơn tham dự", en: "Entry form" }, detail: { vi: "Đơn tham dự theo mẫu mới", en: "Entry form (new template)" }, required: true, source: "NĐ 37/2026/NĐ-CP", reviewed: "2026-11-22" }];
    });
    expect(checkKnowledge(published, localesDir, "2026-11-22").filter((p) => p.file.endsWith("dossier-items.json"))).toEqual([]);
    expect(loadDossierItems(published)["2026"]?.map((i) => i.id)).toEqual(["entry-form"]);
  });

  it("refuses a self-check statement without a source or without English, of an unknown criterion, and advice naming an unknown support kind", async () => {
    const schemaOf = async (edit: (json: any) => void) => checkKnowledge(await brokenCopy("self-check.json", edit), localesDir, "2026-12-04").map((p) => p.message);
    const statement = (json: any, id: string) => json.statements.find((s: any) => s.id === id);
    expect(await schemaOf((json) => delete statement(json, "ld1").source)).toContainEqual(expect.stringMatching(/^statements\.0\.source /));
    expect(await schemaOf((json) => delete statement(json, "ld2").text.en)).toContainEqual(expect.stringMatching(/^statements\.1\.text\.en /));

    const dir = await brokenCopy("self-check.json", (json) => {
      statement(json, "ld1").source = " ";
      statement(json, "ld2").source = "a blog I read";
      statement(json, "cl1").criterion = "luck";
      statement(json, "kh1").text.en = statement(json, "kh1").text.vi;
      json.advice.find((a: any) => a.criterion === "van-hanh").supportKinds.push("magic");
    });
    const problems = checkKnowledge(dir, localesDir, "2026-12-04").map((p) => `${p.id}: ${p.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        "ld1: has no source",
        'ld2: source "a blog I read" is not in data/kb/sources.json',
        "cl1: unknown criterion luck",
        "kh1: the English text is the Vietnamese one: translate it",
        "van-hanh: advice names unknown support kind magic (data/nscl-support-kinds.json)",
      ]),
    );
  });

  describe("every fact needs a source and the date it was checked", () => {
    /** Problems as `<file name> <id>: <message>`, so a test sees which file and entry are named. */
    const named = (dir: string) => checkKnowledge(dir, localesDir, "2026-12-04").map((p) => `${path.basename(p.file)} ${p.id}: ${p.message}`);

    it("names the entry and its file when its source is blank, missing or unknown, or its date checked is missing", async () => {
      const dir = await brokenCopy("kb/entries/gt-overview.json", (json) => {
        entry(json, "gt-lich-su").source = " ; ";
        delete entry(json, "gt-nguyen-tac").source;
        entry(json, "gt-gpea").source = "seed 000; a blog I read";
        delete entry(json, "gt-la-gi").reviewed;
      });
      const problems = named(dir);
      expect(problems).toContain("gt-overview.json gt-lich-su: has no source: every fact needs one from data/kb/sources.json");
      expect(problems).toContainEqual(expect.stringMatching(/^gt-overview\.json gt-nguyen-tac: source /));
      expect(problems).toContain('gt-overview.json gt-gpea: source "a blog I read" is not in data/kb/sources.json');
      expect(problems).toContainEqual(expect.stringMatching(/^gt-overview\.json gt-la-gi: reviewed /));
    });

    it("names the support kind and data/nscl-support-kinds.json, with or without an FAQ entry", async () => {
      const dir = await brokenCopy("nscl-support-kinds.json", (json) => {
        json.kinds[0].source = "a blog I read";
        delete json.kinds[1].faq;
        json.kinds[1].source = ";";
      });
      const problems = named(dir);
      expect(problems).toContain('nscl-support-kinds.json ns-ht-he-thong-quan-ly: source "a blog I read" is not in data/kb/sources.json');
      expect(problems).toContain("nscl-support-kinds.json cong-cu-cai-tien: has no source: every fact needs one from data/kb/sources.json");

      const undated = await brokenCopy("nscl-support-kinds.json", (json) => delete json.kinds[2].reviewed);
      expect(named(undated)).toContainEqual(expect.stringMatching(/^nscl-support-kinds\.json null: kinds\.2\.reviewed /));
    });

    it("refuses a registry source dated in the future", async () => {
      const dir = await brokenCopy("kb/sources.json", (json) => {
        json.sources.find((s: any) => s.key === "NQ 176/2025/QH15").reviewed = "2027-01-01";
      });
      expect(named(dir)).toContain("sources.json NQ 176/2025/QH15: reviewed date 2027-01-01 is in the future");
    });

    it("names a learned entry whose source is blank or neither in the registry nor a web address", () => {
      const { content } = readKnowledge(dataDir);
      const lexicon = compileLexicon(readLexiconFile(dataDir));
      const learned = (entryId: string, source: string): { id: string; record: KbLearned } => ({
        id: entryId,
        record: {
          kind: "entry",
          entryId,
          topic: "gt-overview",
          questions: { vi: [`Câu hỏi thử số ${entryId.slice(-1)} về nguồn của trợ lý?`] },
          answer: { vi: ["Câu trả lời thử."] },
          source,
          reviewed: "2026-12-01",
          status: "approved",
          history: [{ at: "2026-12-01T03:00:00.000Z", by: "telegram:1", action: "proposed", role: "official", itemId: null, note: null }],
        },
      });
      const problems = checkLearnedContent(content, lexicon, [learned("hoc-1", "; "), learned("hoc-2", "a blog I read"), learned("hoc-3", "https://vietq.vn/bai-viet")], "2026-12-04").map(
        (p) => `${p.file} ${p.id}: ${p.message}`,
      );
      expect(problems).toContain("store:kb-learned hoc-1: has no source: every fact needs one from data/kb/sources.json");
      expect(problems).toContain('store:kb-learned hoc-2: source "a blog I read" is neither in data/kb/sources.json nor a web address');
      expect(problems.filter((p) => p.includes("hoc-3") && p.includes("source"))).toEqual([]);
    });
  });
});
