import { cpSync, readFileSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { devSetSchema } from "../../bench/dev-set.js";
import { kbCheckCommand } from "../../src/cli/kb-check.js";
import type { CliIo } from "../../src/cli/io.js";
import { todayInVietnam } from "../../src/domain/vietnam-time.js";
import { readKnowledge } from "../../src/knowledge/kb.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { checkKnowledge } from "../../src/services/kb-check.js";
import { testApp, testConfig } from "../helpers/app.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = new Date("2026-11-22T03:00:00Z");
const BY = "telegram:777";

function io(dir: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (t) => (out += t), err: (t) => (err += t), config: testConfig(dir), stdout: () => out, stderr: () => err };
}

/** A running bot that learned: a phrasing of an entry file's entry, one of a support kind's entry, an approved new entry. */
async function learnedStore() {
  const dir = await tempDir();
  const app = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  await app.storage.unit(() => app.services.roles.grant("telegram:888", "official", BY, NOW));
  const { kbLearning } = app.services;
  expect((await kbLearning.addPhrasing({ entryId: "ns-quy-mo-dn", text: "quy mo doanh nghiep vua la bao nhieu lao dong", locale: "vi", by: BY, now: NOW })).ok).toBe(true);
  expect((await kbLearning.addPhrasing({ entryId: "ns-ht-cong-cu-cai-tien", text: "co ho tro ap dung tpm kpi khong", locale: "vi", by: BY, now: NOW })).ok).toBe(true);
  const proposed = await kbLearning.proposeEntry({
    questions: ["Trụ sở Sở có chỗ đỗ xe ô tô cho khách không?", "Đến Sở làm việc thì gửi xe ở đâu?"],
    answer: "Quý doanh nghiệp vui lòng liên hệ {unit} để được hướng dẫn chỗ đỗ xe khi đến làm việc.",
    topicId: "chung-info",
    source: "seed 000",
    reviewed: "2026-11-20",
    locale: "vi",
    by: BY,
    now: NOW,
  });
  expect(proposed.ok).toBe(true);
  expect((await kbLearning.approve(proposed.ok ? proposed.id : "", "telegram:888", NOW)).ok).toBe(true);
  return { dir, app, entryId: proposed.ok ? proposed.id : "" };
}

describe("npm run cli -- kb export-learned / kb learned / kb check --store", () => {
  it("exports the learned content in the data/ format: only the added phrasings change the entry files, and data/ with the export passes kb check", async () => {
    const { dir, app, entryId } = await learnedStore();
    const out = await tempDir();
    const cli = io(dir);
    expect(await kbCheckCommand(["export-learned", "--out", out], cli)).toBe(0);
    expect(cli.stdout()).toContain("2 phrasing(s), 1 approved entry → 3 file(s)");

    // Each file holding an entry that learned a phrasing: one line changed, the phrasing appended to its question list.
    const kinds = await readFile(path.join(out, "nscl-support-kinds.json"), "utf8");
    const kindsBefore = readFileSync(path.join(dataDir, "nscl-support-kinds.json"), "utf8");
    const changed = (a: string, b: string) => a.split("\n").filter((line, i) => line !== b.split("\n")[i]).length;
    expect(changed(kinds, kindsBefore)).toBe(1);
    expect(kinds).toContain(`, "co ho tro ap dung tpm kpi khong"]`);
    const entryFiles = (await readdir(path.join(out, "kb", "entries"))).sort();
    expect(entryFiles).toHaveLength(2);
    expect(entryFiles).toContain("learned.json");
    const patched = entryFiles.find((f) => f !== "learned.json")!;
    const text = await readFile(path.join(out, "kb", "entries", patched), "utf8");
    expect(changed(text, readFileSync(path.join(dataDir, "kb", "entries", patched), "utf8"))).toBe(1);
    expect(text).toContain(`, "quy mo doanh nghiep vua la bao nhieu lao dong"]`);

    // Copied over a copy of data/, the whole knowledge base still passes kb check, and has the learned content.
    const data = await tempDir();
    cpSync(dataDir, data, { recursive: true });
    cpSync(out, data, { recursive: true });
    expect(checkKnowledge(data, localesDir, todayInVietnam(new Date()))).toEqual([]);
    const merged = readKnowledge(data).content;
    expect(merged.entries.find((e) => e.id === "ns-quy-mo-dn")?.questions.vi).toContain("quy mo doanh nghiep vua la bao nhieu lao dong");
    expect(merged.entries.find((e) => e.id === "ns-ht-cong-cu-cai-tien")?.questions.vi).toContain("co ho tro ap dung tpm kpi khong");
    expect(merged.entries.find((e) => e.id === entryId)).toMatchObject({ topic: "chung-info", source: "seed 000", reviewed: "2026-11-20" });
    await app.close();
  });

  it("writes the learned phrasings as labelled questions the dev-set loader reads", async () => {
    const { dir, app } = await learnedStore();
    const file = path.join(await tempDir(), "learned.json");
    const cli = io(dir);
    expect(await kbCheckCommand(["learned", "--out", file], cli)).toBe(0);
    const set = devSetSchema.parse(JSON.parse(await readFile(file, "utf8")));
    expect(set.inScope).toEqual([
      // The loader marks a question as no near-miss unless the file says so.
      { q: "quy mo doanh nghiep vua la bao nhieu lao dong", id: "ns-quy-mo-dn", nearMiss: false },
      { q: "co ho tro ap dung tpm kpi khong", id: "ns-ht-cong-cu-cai-tien", nearMiss: false },
    ]);
    expect(set.outOfScope).toEqual([]);
    await app.close();
  });

  it("kb check --store checks the learned content with data/ and names a change that no longer fits", async () => {
    const { dir, app } = await learnedStore();
    const ok = io(dir);
    expect(await kbCheckCommand(["check", "--store"], ok)).toBe(0);
    expect(ok.stdout()).toContain("kb check: content OK (with 3 learned change(s) from the store)");
    // A phrasing of an entry data/ no longer has (as after an edit of data/).
    await app.storage.unit(() =>
      app.storage.repos.kbLearned.put("p-99", { kind: "phrasing", entryId: "muc-da-xoa", text: "cau hoi cu", locale: "vi", status: "live", history: [{ at: NOW.toISOString(), by: BY, role: "admin", action: "added", itemId: null, note: null }] }),
    );
    const bad = io(dir);
    expect(await kbCheckCommand(["check", "--store"], bad)).toBe(1);
    expect(bad.stdout()).toContain(`[p-99]: phrasing "cau hoi cu" is for entry muc-da-xoa, which is not served`);
    expect(bad.stdout()).toContain("kb check: 1 problem(s)");
    await app.close();
  });

  it("explains its usage", async () => {
    const cli = io(await tempDir());
    expect(await kbCheckCommand(["export-learned"], cli)).toBe(2);
    expect(cli.stderr()).toContain("--out is required");
    expect(await kbCheckCommand(["nothing"], cli)).toBe(2);
  });
});
