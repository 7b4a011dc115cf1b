import { describe, expect, it } from "vitest";
import { dossierDeadline, cycleFor } from "../../src/domain/timeline.js";
import { testApp } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { storeUnderTest } from "../helpers/store-under-test.js";
import { chatAs, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** An entry whose answer ends with the unit's contact (data/kb/entries/gt-benefits.json), asked by its own title. */
const ENTRY = "gt-le-phi";
const ASK = "Tham dự Giải thưởng Chất lượng Quốc gia có mất phí không?";
const EDITED = "Nội dung thử nghiệm do cán bộ sửa: Quý doanh nghiệp vui lòng hỏi {unit} về chi phí tham dự năm nay.";
const ADMIN = "telegram:777";

async function setting(dir?: string) {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(dir ?? (await tempDir()), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  return { app, clock };
}

describe("the department's content edited by officials, live in the bot", () => {
  it("a phone saved through the service is in the next FAQ answer's contact line; its history keeps who, when and the previous value", async () => {
    const { app, clock } = await setting();
    const enterprise = chatAs(app, { channel: "web", id: "content-enterprise-0001" });
    const before = await enterprise.say(ASK);
    expect(before.text).toContain("📞 Liên hệ: Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai — tại trụ sở Sở");

    expect(await app.services.content.profile()).toMatchObject({ version: 0 });
    const saved = await app.services.content.saveProfile(ADMIN, { unit: { phone: "(0251) 3822.123", email: " TDC@DongNai.gov.vn " } }, { now: clock.now() });
    expect(saved).toEqual({ ok: true, version: 1 });

    const after = await enterprise.say(ASK);
    // The one contact line: the unit, then the phone and email it has set.
    expect(after.text).toContain("Sở Khoa học và Công nghệ tỉnh Đồng Nai · 0251 3822 123 · tdc@dongnai.gov.vn");
    expect(after.text).not.toContain("tại trụ sở Sở");
    expect(app.services.province.unit.phone).toBe("0251 3822 123");

    const history = await app.services.content.history("profile", "dong-nai");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ version: 1, by: ADMIN, role: "admin", at: clock.now().toISOString(), via: "web" });
    expect(history[0]!.previous).toMatchObject({ unit: { phone: null, email: null } });
    expect(history[0]!.next).toMatchObject({ unit: { phone: "0251 3822 123", email: "tdc@dongnai.gov.vn" }, reviewed: "2026-11-22" });
    expect((await auditTrail(app)).some((e) => e.action === "content-saved" && e.subject === "profile:dong-nai" && e.to === "v1" && e.detail === "unit.phone, unit.email")).toBe(true);
    await app.close();
  });

  it("refuses a wrong phone, email, address or timeline with the field and the reason, and keeps nothing of that save", async () => {
    const { app, clock } = await setting();
    const content = app.services.content;
    const now = clock.now();
    expect(await content.saveProfile(ADMIN, { unit: { phone: "0251 3822 123" } }, { now })).toEqual({ ok: true, version: 1 });

    // A good phone with a bad email: neither is kept.
    const mixed = await content.saveProfile(ADMIN, { unit: { phone: "0912 345 678", email: "tdc@dongnai" } }, { now });
    expect(mixed).toEqual({ ok: false, problems: [{ field: "unit.email", messageKey: "val-email-invalid", args: { example: "lienhe@congty.vn" } }] });
    const wrong = await content.saveProfile(ADMIN, { unit: { phone: "12345", website: "javascript:alert(1)", name: "  " } }, { now });
    expect(wrong.ok).toBe(false);
    expect(wrong.ok ? [] : wrong.problems.map((p) => [p.field, p.messageKey])).toEqual([
      ["unit.name", "content-error-required"],
      ["unit.phone", "val-phone-invalid"],
      ["unit.website", "content-error-url"],
    ]);

    // A deadline before the launch: refused with both dates.
    const early = await content.saveProfile(ADMIN, { award: { year: 2027, phases: { launch: { start: "1/2/2027", end: "28/2/2027" }, "dossier-deadline": { start: null, end: "15/01/2027" } } } }, { now });
    expect(early).toEqual({ ok: false, problems: [{ field: "award.phases.dossier-deadline.end", messageKey: "content-error-deadline-before-launch", args: { date: "15/01/2027", launch: "01/02/2027" } }] });
    const notDates = await content.saveProfile(ADMIN, { award: { year: 2027, phases: { registration: { start: "31/2/2027", end: "2027-05-01" }, training: { start: "1/6/2027", end: "1/5/2027" } } }, officeHours: { open: "7:30", close: "17:00" } }, { now });
    expect(notDates.ok ? [] : notDates.problems.map((p) => [p.field, p.messageKey])).toEqual([
      ["officeHours.open", "content-error-time"],
      ["award.phases.registration.start", "content-error-date"],
      ["award.phases.training.end", "content-error-phase-order"],
    ]);
    expect((await content.profile()).version).toBe(1);
    expect(await content.history("profile", "dong-nai")).toHaveLength(1);
    expect(app.services.province.unit.phone).toBe("0251 3822 123");
    expect(cycleFor(app.services.province.timeline, "gtclqg", 2027)!.phases.every((p) => p.start === null)).toBe(true);

    // Someone who is not an official; a form filled from a version another save replaced.
    expect(await content.saveProfile("telegram:555", { unit: { phone: "0912 345 678" } }, { now })).toEqual({ ok: false, problems: [{ field: null, messageKey: "content-error-not-allowed" }] });
    expect(await content.saveProfile(ADMIN, { unit: { phone: "0912 345 678" } }, { now, baseVersion: 0 })).toEqual({ ok: false, problems: [{ field: null, messageKey: "content-error-stale", args: { version: 1 } }] });

    // The right dates, office hours and the NSCL intake window: kept, and the award's deadline is the one the bot uses.
    const good = await content.saveProfile(
      ADMIN,
      { award: { year: 2027, phases: { launch: { start: "1/2/2027", end: "28/2/2027" }, registration: { start: "1/3/2027", end: "31/5/2027" }, "dossier-deadline": { end: "31/8/2027" } } }, officeHours: { open: "07:30", close: "17:00" }, nsclIntake: { year: 2027, start: "2027-03-01", end: "2027-10-31" }, source: "Kế hoạch thử nghiệm số 1/KH-SKHCN" },
      { now, baseVersion: 1 },
    );
    expect(good).toEqual({ ok: true, version: 2 });
    expect(dossierDeadline(app.services.province.timeline, "gtclqg", 2027)).toBe("2027-08-31");
    expect(cycleFor(app.services.province.timeline, "nscl", 2027)).toMatchObject({ rules: "2026", phases: [{ id: "registration", start: "2027-03-01", end: "2027-10-31", source: "Kế hoạch thử nghiệm số 1/KH-SKHCN" }] });
    expect(app.services.province.officeHours).toMatchObject({ weekdays: [1, 2, 3, 4, 5], open: "07:30", close: "17:00", source: "Kế hoạch thử nghiệm số 1/KH-SKHCN" });
    // The bot's calendar shows the new dates at once.
    const calendar = await chatAs(app, { channel: "web", id: "content-enterprise-0009" }).say("/lich");
    expect(calendar.text).toMatch(/Nộp hồ sơ: [^\n]*31\/0?8\/2027/);
    await app.close();
  });

  it("an edited answer is answered at once; a broken edit is refused with the entry's problem and the last good text is still answered", async () => {
    const { app, clock } = await setting();
    const enterprise = chatAs(app, { channel: "web", id: "content-enterprise-0002" });
    const content = app.services.content;
    const now = clock.now();
    const original = await content.entry(ENTRY);
    expect(original).toMatchObject({ version: 0, added: false });
    expect((await enterprise.say(ASK)).text).not.toContain("Nội dung thử nghiệm");

    expect(await content.saveEntry(ADMIN, { id: ENTRY, answer: { vi: EDITED } }, { now })).toEqual({ ok: true, version: 1 });
    const answered = await enterprise.say(ASK);
    expect(answered.text).toContain("Nội dung thử nghiệm do cán bộ sửa: Quý doanh nghiệp vui lòng hỏi Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng về chi phí tham dự năm nay.");
    expect(answered.text).toContain("📞 Liên hệ: Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai — tại trụ sở Sở");

    const refusals: [Parameters<typeof content.saveEntry>[1], string, string][] = [
      [{ id: ENTRY, answer: { vi: 'Xem <a href="javascript:alert(1)">tại đây</a>.' } }, "answer.vi", "content-error-link"],
      [{ id: ENTRY, answer: { vi: 'Xem <a href="http//giaithuong.org.vn">tại đây</a>.' } }, "answer.vi", "content-error-link"],
      [{ id: ENTRY, answer: { vi: "Câu trả lời <b>chưa đóng thẻ." } }, "answer.vi", "content-error-markup"],
      [{ id: ENTRY, source: " " }, "source", "content-error-source-empty"],
      [{ id: ENTRY, source: "Nguồn không có thật" }, "source", "content-error-source-unknown"],
      [{ id: ENTRY, answer: { en: null }, questions: { en: null } }, "answer.en", "content-error-english-required"],
      [{ id: ENTRY, answer: { vi: "Hỏi {donvi} nhé." } }, "answer.vi", "content-error-placeholder"],
      [{ id: ENTRY, reviewed: "1/1/2027" }, "reviewed", "content-error-reviewed-future"],
      [{ id: ENTRY, newSource: { key: "web so", title: { vi: "Trang Sở", en: "Department site" }, url: "ftp://sokhcn.example.vn" }, source: "web so" }, "newSource.url", "content-error-url"],
    ];
    for (const [edit, field, key] of refusals) {
      const result = await content.saveEntry(ADMIN, edit, { now });
      expect(result.ok, key).toBe(false);
      expect(result.ok ? [] : result.problems.map((p) => [p.field, p.messageKey]), key).toContainEqual([field, key]);
    }
    // A check only `kb check` makes (a question that is another entry's) refuses too, with kb check's own words.
    const clash = await content.saveEntry(ADMIN, { id: ENTRY, questions: { vi: ["Lấy mẫu hồ sơ GTCLQG ở đâu?", "le phi tham du gtclqg", "co mat phi khong"] } }, { now });
    expect(clash.ok).toBe(false);
    expect(clash.ok ? [] : clash.problems).toContainEqual({ field: "questions.vi", messageKey: "content-error-check", args: { problem: 'gt-mau-ho-so: question "Lấy mẫu hồ sơ GTCLQG ở đâu?" is also a question of gt-le-phi' } });

    // A new source with an entry saved over a newer version: refused, and the source is not kept either.
    const stale = await content.saveEntry(ADMIN, { id: ENTRY, source: "web so", newSource: { key: "web so", title: { vi: "Trang Sở", en: "Department site" }, url: "https://sokhcn.example.gov.vn" } }, { now, baseVersion: 0 });
    expect(stale).toEqual({ ok: false, problems: [{ field: null, messageKey: "content-error-stale", args: { version: 1 } }] });
    expect(content.sources().has("web so")).toBe(false);
    expect(await content.history("source", "web so")).toEqual([]);
    expect((await content.history("entry", ENTRY)).map((h) => h.version)).toEqual([1]);
    expect((await enterprise.say(ASK)).text).toContain("Nội dung thử nghiệm do cán bộ sửa");
    const history = await content.history("entry", ENTRY);
    expect((history[0]!.previous as { answer: { vi: string[] } }).answer.vi).toEqual(original!.entry.answer.vi);
    expect((history[0]!.next as { answer: { vi: string[] } }).answer.vi).toEqual([EDITED]);
    await app.close();
  });

  it("an official adds an entry with a new source: answered with its source line, kept with its history", async () => {
    const { app, clock } = await setting();
    const enterprise = chatAs(app, { channel: "web", id: "content-enterprise-0003" });
    const question = "Trụ sở Sở Khoa học và Công nghệ có chỗ gửi xe cho khách không?";
    const added = await app.services.content.saveEntry(
      ADMIN,
      {
        id: "chung-gui-xe",
        add: true,
        topic: "chung-info",
        questions: { vi: [question, "so khoa hoc co cho gui xe khong", "gui xe o tru so so khcn"] },
        answer: { vi: "Quý doanh nghiệp vui lòng liên hệ {unit} để được hướng dẫn chỗ gửi xe (nội dung thử nghiệm)." },
        source: "web so thu nghiem",
        newSource: { key: "web so thu nghiem", title: { vi: "Trang thông tin thử nghiệm của Sở", en: "The department's test page" }, url: "https://sokhcn.example.gov.vn/gioi-thieu" },
        reviewed: "20/11/2026",
      },
      { now: clock.now() },
    );
    expect(added).toEqual({ ok: true, version: 1 });
    const answer = await enterprise.say(question);
    expect(answer.text).toContain("hướng dẫn chỗ gửi xe");
    expect(answer.text).toContain("Trang thông tin thử nghiệm của Sở");
    expect(await app.services.content.entry("chung-gui-xe")).toMatchObject({ version: 1, added: true });
    expect((await app.services.content.history("entry", "chung-gui-xe"))[0]!.previous).toBeNull();
    expect((await app.services.content.history("source", "web so thu nghiem"))).toHaveLength(1);
    // The same id again is refused: an added entry is edited, not added twice.
    const again = await app.services.content.saveEntry(ADMIN, { id: "chung-gui-xe", add: true, topic: "chung-info" }, { now: clock.now() });
    expect(again.ok ? [] : again.problems).toEqual([{ field: "id", messageKey: "content-error-entry-exists", args: { id: "chung-gui-xe" } }]);
    await app.close();
  });

  it("a restarted bot, or another instance on the same database, serves the edited profile and entry", async () => {
    const dir = await tempDir();
    const { app, clock } = await setting(dir);
    if (storeUnderTest() === "postgres") {
      const url = app.config.DATABASE_URL!;
      const other = await testApp(await tempDir(), { clock: clock.now, env: { STORE: "postgres", DATABASE_URL: url, INSTANCES_EXPECTED: "2", OFFICIAL_TELEGRAM_IDS: "777" } });
      const there = chatAs(other, { channel: "web", id: "content-enterprise-0004" });
      expect((await there.say(ASK)).text).toContain("📞 Liên hệ: Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai — tại trụ sở Sở");
      expect((await app.services.content.saveProfile(ADMIN, { unit: { phone: "0251 3822 123" } }, { now: clock.now() })).ok).toBe(true);
      expect((await app.services.content.saveEntry(ADMIN, { id: ENTRY, answer: { vi: EDITED } }, { now: clock.now() })).ok).toBe(true);
      clock.advance(5000);
      const seen = await there.say(ASK);
      expect(seen.text).toContain("Sở Khoa học và Công nghệ tỉnh Đồng Nai · 0251 3822 123");
      expect(seen.text).toContain("Nội dung thử nghiệm do cán bộ sửa");
      expect(other.services.province.unit.phone).toBe("0251 3822 123");
      await other.close();
      await app.close();
      return;
    }
    expect((await app.services.content.saveProfile(ADMIN, { unit: { phone: "0251 3822 123" } }, { now: clock.now() })).ok).toBe(true);
    expect((await app.services.content.saveEntry(ADMIN, { id: ENTRY, answer: { vi: EDITED } }, { now: clock.now() })).ok).toBe(true);
    await app.close();
    const { app: again } = await setting(dir);
    const seen = await chatAs(again, { channel: "web", id: "content-enterprise-0005" }).say(ASK);
    expect(seen.text).toContain("Sở Khoa học và Công nghệ tỉnh Đồng Nai · 0251 3822 123");
    expect(seen.text).toContain("Nội dung thử nghiệm do cán bộ sửa");
    await again.close();
  });
});
