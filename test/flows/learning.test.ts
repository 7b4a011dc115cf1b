import { describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { approvalRule } from "../../src/services/kb-learning.js";
import { testApp } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { chatAs, person, testClock } from "../helpers/talk.js";
import { storeUnderTest } from "../helpers/store-under-test.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** A labelled question of the development set the shipped FAQ refuses (test/fixtures/faq-dev.json's holdout). */
const ASKED = "quy mo doanh nghiep vua la bao nhieu lao dong";
const NEIGHBOUR = "cho hoi quy mo doanh nghiep vua bao nhieu lao dong vay";
const ENTRY = "ns-quy-mo-dn";

/** A question nothing in data/kb answers, and an answer that states no fact (it sends the enterprise to the unit). */
const NEW_QUESTION = "trụ sở sở khoa học có chỗ đỗ xe ô tô cho khách không";
const NEW_ANSWER = "Quý doanh nghiệp vui lòng liên hệ {unit} để được hướng dẫn chỗ đỗ xe khi đến làm việc.";

async function setting(dir?: string) {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(dir ?? (await tempDir()), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  return { app, clock };
}

/** A second official, granted by the admin 777. */
async function grantSecond(app: App, now: Date) {
  const granted = await app.storage.unit(() => app.services.roles.grant("telegram:888", "official", "telegram:777", now));
  expect(granted.ok).toBe(true);
}

const titleOf = (app: App, id: string) => app.services.kb.entry(id)!.questions.vi[0]!;

describe("learning from officials' answers", () => {
  it("an official teaches a phrasing with /hoc: the same question and a near neighbour are then answered by that entry", async () => {
    const { app } = await setting();
    const enterprise = chatAs(app, { channel: "web", id: "learn-enterprise-0001" });
    const title = titleOf(app, ENTRY);

    const before = await enterprise.say(ASKED);
    expect(before.text).not.toContain("Nguồn:");
    const neighbourBefore = await enterprise.say(NEIGHBOUR);
    expect(neighbourBefore.text.startsWith(title)).toBe(false);

    const official = person(app, "telegram", "777");
    const offered = await official.says(`/hoc ${ASKED} | Theo Nghị định 80/2021, xem mục quy mô doanh nghiệp.`);
    expect(offered).toContain(ASKED);
    const choices = official.replies.flatMap((m) => (m.buttons ?? []).flat()).filter((b) => b.data.startsWith("hoc:p:"));
    expect(choices.length).toBeGreaterThanOrEqual(3);
    expect(choices.length).toBeLessThanOrEqual(5);
    expect(official.buttonLabels()).toContain("📝 Tạo mục mới từ câu trả lời này");
    const done = await official.sendsButtonData(`hoc:p:${ENTRY}`);
    expect(done).toContain(`Đã thêm “${ASKED}” làm một cách hỏi của mục “${title}”`);

    const after = await enterprise.say(ASKED);
    expect(after.text.startsWith(title)).toBe(true);
    expect(after.text).toContain("Nguồn:");
    const neighbour = await enterprise.say(NEIGHBOUR);
    expect(neighbour.text.startsWith(title)).toBe(true);

    const history = await app.services.kbLearning.history();
    expect(history).toHaveLength(1);
    expect(history[0]!.record).toMatchObject({ kind: "phrasing", entryId: ENTRY, text: ASKED, locale: "vi", history: [{ by: "telegram:777", role: "admin", action: "added", itemId: null }] });
    expect((await auditTrail(app)).some((e) => e.action === "kb-phrasing-added" && e.to === ENTRY && e.note === ASKED)).toBe(true);
    await app.close();
  });

  it("a new entry is not served while pending; the author cannot approve it alone; a second official's approval puts it live; a rejected one never is", async () => {
    const { app, clock } = await setting();
    await grantSecond(app, clock.now());
    const enterprise = chatAs(app, { channel: "web", id: "learn-enterprise-0002" });
    expect((await enterprise.say(NEW_QUESTION)).text).not.toContain("chỗ đỗ xe khi đến làm việc");

    const author = person(app, "telegram", "777");
    await author.says(`/hoc ${NEW_QUESTION} | ${NEW_ANSWER}`);
    expect(await author.presses("Tạo mục mới")).toContain("Mục mới thuộc chủ đề nào?");
    expect(await author.presses("Liên hệ và thay đổi tổ chức")).toContain("Nguồn của câu trả lời");
    expect(await author.says("không có nguồn")).toContain("Nguồn “không có nguồn” không có trong danh mục nguồn");
    expect(await author.says("seed 000")).toContain("Ngày kiểm tra thông tin");
    expect(await author.says("30/11/2026")).toContain("Ngày kiểm tra không được sau hôm nay");
    expect(await author.says("31/02/2026")).toContain("Ngày kiểm tra chưa đúng");
    const draft = await author.says("20/11/2026");
    expect(draft).toContain("Bản nháp mục mới");
    expect(draft).toContain(NEW_ANSWER);
    const sent = await author.presses("Gửi duyệt");
    const id = /mục mới (hoc-\d+) chờ duyệt/.exec(sent)?.[1];
    expect(id, sent).toBeDefined();

    // Pending: not served.
    expect((await enterprise.say(NEW_QUESTION)).text).not.toContain("chỗ đỗ xe khi đến làm việc");
    // The author (an admin, but not the only role holder) cannot approve their own draft.
    const list = await author.says("/duyet");
    expect(list).toContain(`${id} — ${NEW_QUESTION}`);
    expect(await author.presses(`Duyệt ${id}`)).toContain("cần một cán bộ khác hoặc quản trị duyệt");
    expect((await enterprise.say(NEW_QUESTION)).text).not.toContain("chỗ đỗ xe khi đến làm việc");

    const second = person(app, "telegram", "888");
    await second.says("/duyet");
    expect(await second.presses(`Duyệt ${id}`)).toContain(`Đã duyệt mục ${id}`);
    const served = await enterprise.say(NEW_QUESTION);
    expect(served.text).toContain("chỗ đỗ xe khi đến làm việc");
    expect(served.text).toContain("Nguồn:");
    expect(served.text).toContain("(rà soát 11/2026)");

    // A second draft, rejected by the second official: never served.
    const other = "phòng họp của sở có cho doanh nghiệp mượn tổ chức hội thảo không";
    const answered = await app.services.kbLearning.proposeEntry({ questions: [other], answer: "Quý doanh nghiệp vui lòng hỏi {unit} về việc mượn phòng họp.", topicId: "chung-info", source: "seed 000", reviewed: "2026-11-20", locale: "vi", by: "telegram:777", now: clock.now() });
    expect(answered).toMatchObject({ ok: true, status: "pending" });
    await second.says("/duyet");
    expect(await second.presses("Từ chối")).toContain("Đã từ chối mục");
    expect((await enterprise.say(other)).text).not.toContain("mượn phòng họp");
    expect(await app.services.kbLearning.pending()).toEqual([]);
    const actions = (await auditTrail(app)).map((e) => e.action).filter((a) => a.startsWith("kb-"));
    expect(actions).toEqual(["kb-entry-proposed", "kb-entry-approved", "kb-entry-proposed", "kb-entry-rejected"]);
    await app.close();
  });

  it("approval rule: never a lone non-admin, never the author where others hold a role; a deployment whose only role holder is an admin publishes at once", async () => {
    expect(approvalRule("telegram:1", { userKey: "telegram:2", role: "official" }, 2)).toBe("ok");
    expect(approvalRule("telegram:1", { userKey: "telegram:2", role: "admin" }, 5)).toBe("ok");
    expect(approvalRule("telegram:1", { userKey: "telegram:1", role: "official" }, 1)).toBe("needs-second");
    expect(approvalRule("telegram:1", { userKey: "telegram:1", role: "official" }, 3)).toBe("needs-second");
    expect(approvalRule("telegram:1", { userKey: "telegram:1", role: "admin" }, 2)).toBe("needs-second");
    expect(approvalRule("telegram:1", { userKey: "telegram:1", role: "admin" }, 1)).toBe("ok");
    expect(approvalRule("telegram:1", { userKey: "telegram:3", role: null }, 2)).toBe("not-allowed");

    const { app } = await setting();
    const alone = person(app, "telegram", "777");
    await alone.says(`/hoc ${NEW_QUESTION} | ${NEW_ANSWER}`);
    await alone.presses("Tạo mục mới");
    await alone.presses("Liên hệ và thay đổi tổ chức");
    await alone.says("seed 000");
    await alone.says("20/11/2026");
    expect(await alone.presses("Gửi duyệt")).toContain("quản trị duy nhất nên tự duyệt");
    expect((await chatAs(app, { channel: "web", id: "learn-enterprise-0006" }).say(NEW_QUESTION)).text).toContain("chỗ đỗ xe khi đến làm việc");
    const [change] = await app.services.kbLearning.history();
    expect(change!.record.history.map((s) => s.action)).toEqual(["proposed", "approved"]);
    await app.close();
  });

  it("refuses bad changes with a message saying what is wrong, and keeps nothing of them", async () => {
    const { app, clock } = await setting();
    const { kbLearning } = app.services;
    const by = "telegram:777";
    const now = clock.now();
    const phrasing = (text: string, entryId = ENTRY) => kbLearning.addPhrasing({ entryId, text, locale: "vi", by, now });
    const entry = (over: Partial<Parameters<typeof kbLearning.proposeEntry>[0]>) =>
      kbLearning.proposeEntry({ questions: [NEW_QUESTION], answer: NEW_ANSWER, topicId: "chung-info", source: "seed 000", reviewed: "2026-11-20", locale: "vi", by, now, ...over });
    const keyOf = (r: { ok: boolean; error?: { key: string } }) => (r.ok ? "ok" : r.error!.key);

    expect(keyOf(await phrasing("   "))).toBe("learn-error-empty");
    expect(keyOf(await phrasing(ASKED, "khong-co-muc-nay"))).toBe("learn-error-unknown-entry");
    expect(keyOf(await phrasing(titleOf(app, ENTRY)))).toBe("learn-error-duplicate");
    expect(keyOf(await phrasing(titleOf(app, "gt-la-gi")))).toBe("learn-error-duplicate-other");
    expect(keyOf(await kbLearning.addPhrasing({ entryId: ENTRY, text: ASKED, locale: "vi", by: "telegram:5550001", now }))).toBe("learn-error-not-allowed");
    expect(keyOf(await phrasing(ASKED))).toBe("ok");
    // The same phrasing twice (typed a little differently: the search folds it the same).
    expect(keyOf(await phrasing("Quy mô doanh nghiệp vừa là bao nhiêu lao động"))).toBe("learn-error-duplicate");

    expect(keyOf(await entry({ source: "  " }))).toBe("learn-error-no-source");
    expect(keyOf(await entry({ source: "sách của tôi" }))).toBe("learn-error-source");
    expect(keyOf(await entry({ reviewed: "2026-12-01" }))).toBe("learn-error-reviewed-future");
    expect(keyOf(await entry({ reviewed: "2026-02-30" }))).toBe("learn-error-reviewed");
    expect(keyOf(await entry({ answer: " \n " }))).toBe("learn-error-empty-answer");
    expect(keyOf(await entry({ questions: [""] }))).toBe("learn-error-empty");
    expect(keyOf(await entry({ answer: "Liên hệ {donvi}." }))).toBe("learn-error-placeholder");
    expect(keyOf(await entry({ topicId: "khong-co" }))).toBe("learn-error-topic");
    expect(keyOf(await entry({ locale: "en" }))).toBe("learn-error-needs-vietnamese");
    expect(keyOf(await entry({ by: "web:visitor-000000001" }))).toBe("learn-error-not-allowed");
    expect(await kbLearning.history()).toHaveLength(1);
    // A web address is a source too.
    expect(keyOf(await entry({ source: "https://example.gov.vn/van-ban" }))).toBe("ok");

    // The texts exist in both languages and say what is wrong.
    const refused = await phrasing(ASKED);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(app.translator.t("vi", refused.error.key, refused.error.args)).toContain("đã là một cách hỏi của mục này");
    await app.close();
  });

  it("answers forged learning and approval presses from an enterprise as invalid and changes nothing", async () => {
    const { app, clock } = await setting();
    await grantSecond(app, clock.now());
    const proposed = await app.services.kbLearning.proposeEntry({ questions: [NEW_QUESTION], answer: NEW_ANSWER, topicId: "chung-info", source: "seed 000", reviewed: "2026-11-20", locale: "vi", by: "telegram:777", now: clock.now() });
    expect(proposed.ok).toBe(true);
    const id = proposed.ok ? proposed.id : "";
    const stored = JSON.stringify(await app.services.kbLearning.history());

    const citizen = person(app, "telegram", "5550001");
    await citizen.says("/start");
    const invalid = await citizen.sendsButtonData("duy:zz:x");
    for (const data of [`duy:a:${id}`, `duy:r:${id}`, `hoc:p:${ENTRY}`, "hoc:n", "hoc:ok", "hoc:t:chung-info"]) {
      expect(await citizen.sendsButtonData(data), data).toBe(invalid);
    }
    const nonexistent = (await citizen.says("/khongcolenh")).replace("/khongcolenh", "/hoc");
    expect(await citizen.says(`/hoc ${ASKED} | x`)).toBe(nonexistent);
    expect(await citizen.says("/duyet")).toBe(nonexistent.replace("/hoc", "/duyet"));

    expect(JSON.stringify(await app.services.kbLearning.history())).toBe(stored);
    expect((await chatAs(app, { channel: "web", id: "learn-enterprise-0003" }).say(NEW_QUESTION)).text).not.toContain("chỗ đỗ xe khi đến làm việc");
    // The service checks the role itself, whatever called it.
    expect(await app.services.kbLearning.approve(id, "telegram:5550001", clock.now())).toMatchObject({ ok: false, error: { key: "learn-error-not-allowed" } });
    await app.close();
  });

  it("a restarted bot, or another instance on the same database, serves what was learned", async () => {
    const dir = await tempDir();
    const { app, clock } = await setting(dir);
    await grantSecond(app, clock.now());
    expect((await app.services.kbLearning.addPhrasing({ entryId: ENTRY, text: ASKED, locale: "vi", by: "telegram:777", now: clock.now() })).ok).toBe(true);
    const proposed = await app.services.kbLearning.proposeEntry({ questions: [NEW_QUESTION], answer: NEW_ANSWER, topicId: "chung-info", source: "seed 000", reviewed: "2026-11-20", locale: "vi", by: "telegram:888", now: clock.now() });
    expect(proposed.ok).toBe(true);
    const id = proposed.ok ? proposed.id : "";
    const title = titleOf(app, ENTRY);

    if (storeUnderTest() === "postgres") {
      // A second instance on the same database, started before the approval: it notices at its next lookup after the refresh interval.
      const url = app.config.DATABASE_URL!;
      const other = await testApp(await tempDir(), { clock: clock.now, env: { STORE: "postgres", DATABASE_URL: url, INSTANCES_EXPECTED: "2", OFFICIAL_TELEGRAM_IDS: "777" } });
      const there = chatAs(other, { channel: "web", id: "learn-enterprise-0004" });
      expect((await there.say(ASKED)).text.startsWith(title)).toBe(true);
      expect((await there.say(NEW_QUESTION)).text).not.toContain("chỗ đỗ xe khi đến làm việc");
      expect((await app.services.kbLearning.approve(id, "telegram:777", clock.now())).ok).toBe(true);
      clock.advance(5000);
      expect((await there.say(NEW_QUESTION)).text).toContain("chỗ đỗ xe khi đến làm việc");
      await other.close();
      await app.close();
      return;
    }
    expect((await app.services.kbLearning.approve(id, "telegram:777", clock.now())).ok).toBe(true);
    await app.close();
    const { app: again } = await setting(dir);
    const user = chatAs(again, { channel: "web", id: "learn-enterprise-0005" });
    expect((await user.say(ASKED)).text.startsWith(title)).toBe(true);
    expect((await user.say(NEW_QUESTION)).text).toContain("chỗ đỗ xe khi đến làm việc");
    await again.close();
  });
});
