import { cpSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contentCommand } from "../../src/cli/content.js";
import { kbCheckCommand } from "../../src/cli/kb-check.js";
import { contentBodySchema } from "../../src/domain/records/content.js";
import type { CliIo } from "../../src/cli/io.js";
import { dossierDeadline } from "../../src/domain/timeline.js";
import { todayInVietnam } from "../../src/domain/vietnam-time.js";
import { readKnowledge } from "../../src/knowledge/kb.js";
import { loadProvince } from "../../src/knowledge/province.js";
import { dataDir, localesDir } from "../../src/paths.js";
import { checkKnowledge } from "../../src/services/kb-check.js";
import { testApp, testConfig } from "../helpers/app.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = new Date("2026-11-22T03:00:00Z");
const ADMIN = "telegram:777";
const EDITED = "Nội dung thử nghiệm do cán bộ sửa: Quý doanh nghiệp vui lòng hỏi {unit} về chi phí tham dự năm nay.";

function io(dir: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (t) => (out += t), err: (t) => (err += t), config: testConfig(dir), stdout: () => out, stderr: () => err };
}

/** A running bot whose officials edited the profile, an entry of data/ and added an entry with a new source. */
async function editedStore() {
  const dir = await tempDir();
  const app = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const { content } = app.services;
  expect(await content.saveProfile(ADMIN, { unit: { phone: "0251 3822 123", website: "https://sokhcn.example.gov.vn" }, award: { year: 2027, phases: { launch: { start: "1/2/2027", end: "28/2/2027" }, "dossier-deadline": { end: "31/8/2027" } } } }, { now: NOW })).toEqual({ ok: true, version: 1 });
  expect(await content.saveEntry(ADMIN, { id: "gt-le-phi", answer: { vi: EDITED } }, { now: NOW })).toEqual({ ok: true, version: 1 });
  expect(await content.saveEntry(ADMIN, { id: "gt-le-phi", answer: { vi: `${EDITED} (lần 2)` } }, { now: NOW })).toEqual({ ok: true, version: 2 });
  const added = await content.saveEntry(
    ADMIN,
    {
      id: "chung-gui-xe",
      add: true,
      topic: "chung-info",
      questions: { vi: ["Trụ sở Sở Khoa học và Công nghệ có chỗ gửi xe cho khách không?", "so khoa hoc co cho gui xe khong", "gui xe o tru so so khcn"] },
      answer: { vi: "Quý doanh nghiệp vui lòng liên hệ {unit} để được hướng dẫn chỗ gửi xe (nội dung thử nghiệm)." },
      source: "web so thu nghiem",
      newSource: { key: "web so thu nghiem", title: { vi: "Trang thông tin thử nghiệm của Sở", en: "The department's test page" }, url: "https://sokhcn.example.gov.vn/gioi-thieu" },
      reviewed: "20/11/2026",
    },
    { now: NOW },
  );
  expect(added).toEqual({ ok: true, version: 1 });
  return { dir, app };
}

describe("npm run cli -- content export / content history", () => {
  it("writes the edited content in the data/ format: the profile, the edited entry in place in its file, new entries and sources; data/ with it loads and passes kb check", async () => {
    const { dir, app } = await editedStore();
    const out = await tempDir();
    const cli = io(dir);
    expect(await contentCommand(["export", "--out", out], cli)).toBe(0);
    expect(cli.stdout()).toContain("1 profile(s), 2 entries, 1 new source(s) → 4 file(s)");
    expect((await readdir(path.join(out, "kb", "entries"))).sort()).toEqual(["gt-benefits.json", "officials.json"]);

    // The profile: the file's keys in their order, the edited values.
    const profileBefore = JSON.parse(readFileSync(path.join(dataDir, "provinces", "dong-nai.json"), "utf8")) as Record<string, unknown>;
    const profile = JSON.parse(await readFile(path.join(out, "provinces", "dong-nai.json"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(profile)).toEqual(Object.keys(profileBefore));
    expect(profile).toMatchObject({ unit: { phone: "0251 3822 123", website: "https://sokhcn.example.gov.vn" } });

    // The entry file: the other entries untouched, to the byte up to the edited entry.
    const fileBefore = readFileSync(path.join(dataDir, "kb", "entries", "gt-benefits.json"), "utf8");
    const file = await readFile(path.join(out, "kb", "entries", "gt-benefits.json"), "utf8");
    const before = (JSON.parse(fileBefore) as { entries: { id: string }[] }).entries;
    const after = (JSON.parse(file) as { entries: { id: string; answer: { vi: string[] } }[] }).entries;
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    for (const [i, e] of after.entries()) if (e.id !== "gt-le-phi") expect(e).toEqual(before[i]);
    expect(after.find((e) => e.id === "gt-le-phi")!.answer.vi).toEqual([`${EDITED} (lần 2)`]);
    const start = fileBefore.indexOf('"id": "gt-le-phi"');
    expect(file.slice(0, start)).toBe(fileBefore.slice(0, start));
    expect(file).toContain(`"vi": [\n          ${JSON.stringify(`${EDITED} (lần 2)`)}\n        ]`);
    // Members the schema fills in are not written where the file did not write them.
    expect(file.split('"generalDefinition"').length).toBe(fileBefore.split('"generalDefinition"').length);

    // Copied over a copy of data/: the loaders of `npm start` read it and kb check passes.
    const data = await tempDir();
    cpSync(dataDir, data, { recursive: true });
    cpSync(out, data, { recursive: true });
    expect(checkKnowledge(data, localesDir, todayInVietnam(new Date()))).toEqual([]);
    const province = loadProvince(data, "dong-nai");
    expect(province.unit.phone).toBe("0251 3822 123");
    expect(dossierDeadline(province.timeline, "gtclqg", 2027)).toBe("2027-08-31");
    const kb = readKnowledge(data);
    expect(kb.problems).toEqual([]);
    expect(kb.content.entries.find((e) => e.id === "gt-le-phi")!.answer.vi).toEqual([`${EDITED} (lần 2)`]);
    expect(kb.content.entries.find((e) => e.id === "chung-gui-xe")).toMatchObject({ topic: "chung-info", source: "web so thu nghiem", reviewed: "2026-11-20" });
    expect(kb.content.sources.get("web so thu nghiem")).toMatchObject({ url: "https://sokhcn.example.gov.vn/gioi-thieu", title: { vi: "Trang thông tin thử nghiệm của Sở" } });
    await app.close();
  });

  it("kb check --store checks the edited content over data/ and names a stored edit that does not pass", async () => {
    const { dir, app } = await editedStore();
    const ok = io(dir);
    expect(await kbCheckCommand(["check", "--store"], ok)).toBe(0);
    expect(ok.stdout()).toContain("kb check: content OK (with 0 learned change(s) and 4 edited document(s) from the store)");
    // An entry written into the store around the service (a hand-made restore, an older version's checks).
    const broken = { ...(await app.services.content.entry("gt-le-phi"))!.entry, answer: { vi: ['Xem <a href="javascript:alert(1)">đây</a>.'], en: ["See it."] } };
    await app.storage.unit(() => app.storage.repos.content.save({ kind: "entry", id: "gt-le-phi", document: contentBodySchema.parse(JSON.parse(JSON.stringify(broken))), previous: null, added: false, at: NOW.toISOString(), by: ADMIN, role: "admin", via: "cli" }));
    const bad = io(dir);
    expect(await kbCheckCommand(["check", "--store"], bad)).toBe(1);
    expect(bad.stdout()).toContain('store:content [gt-le-phi]: vi answer links to "javascript:alert(1)", which is not an http(s) address');
    await app.close();
  });

  it("history lists every save of a document with what changed; a wrong call is a usage error", async () => {
    const { dir, app } = await editedStore();
    const cli = io(dir);
    expect(await contentCommand(["history", "entry", "gt-le-phi"], cli)).toBe(0);
    const text = cli.stdout();
    expect(text).toContain(`v1 ${NOW.toISOString()} ${ADMIN} (admin, via web)`);
    expect(text).toContain("v2 ");
    expect(text).toContain("(lần 2)");
    expect(text).toContain("content history: 2 save(s) of entry gt-le-phi");
    expect(await contentCommand(["history", "nonsense", "x"], cli)).toBe(2);
    expect(await contentCommand(["export"], cli)).toBe(2);
    expect(cli.stderr()).toContain("--out is required");
    await app.close();
  });
});
