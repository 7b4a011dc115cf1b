import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "../../src/paths.js";
import { phaseStatus } from "../../src/services/award-calendar.js";
import { daysBetween } from "../../src/domain/dates.js";
import { todayInVietnam as vietnamDate } from "../../src/domain/vietnam-time.js";
import { testApp } from "../helpers/app.js";
import { chatAs } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** data/ with Đồng Nai's 2026 award dates filled in, as an official would. */
async function dataWithDates(): Promise<string> {
  const dir = await tempDir();
  cpSync(dataDir, dir, { recursive: true });
  const file = path.join(dir, "provinces", "dong-nai.json");
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const cycle = profile.timeline.cycles.find((c: { year: number }) => c.year === 2026);
  cycle.phases = [
    { id: "registration", start: "2026-10-01", end: "2026-11-20", source: "test" },
    { id: "dossier-deadline", start: null, end: "2026-12-04", source: "test" },
    { id: "training", start: "2026-12-10", end: "2026-12-20", source: "test" },
    { id: "onsite-assessment", start: "2026-11-15", end: null, source: "test" },
  ];
  writeFileSync(file, JSON.stringify(profile));
  return dir;
}

const at = (iso: string) => () => new Date(iso);

describe("/lich: the award calendar in Vietnam time", () => {
  it("counts days left and marks what has ended, from the province profile", async () => {
    const app = await testApp(await tempDir(), { dataDir: await dataWithDates(), clock: at("2026-11-22T03:00:00Z") });
    const cal = await chatAs(app, { channel: "web", id: "calendar-user-000001" }).say("/lich");
    expect(cal.text).toContain("Hôm nay: 22/11/2026 (giờ Việt Nam)");
    expect(cal.text).toContain("Năm giải 2026 — theo quy định mới (Luật 78/2025, NĐ 37/2026)");
    expect(cal.text).toContain("• Đăng ký tham dự: 01/10/2026 – 20/11/2026 — đã kết thúc");
    expect(cal.text).toContain("• Tập huấn, hướng dẫn hồ sơ: 10/12/2026 – 20/12/2026 — còn 18 ngày nữa bắt đầu");
    expect(cal.text).toContain("• Nộp hồ sơ: đến 04/12/2026 — còn 12 ngày");
    expect(cal.text).toContain("• Đánh giá tại doanh nghiệp: từ 15/11/2026 — đang diễn ra");
    // Every step of this year is dated: no "usual timing", no appeal to ask.
    expect(cal.text).not.toContain("Thời gian thường lệ");
    await app.close();
  });

  it("counts in Vietnam's day, not the server's: 00:30 in Hồ Chí Minh City is already the next day", async () => {
    const dir = await dataWithDates();
    const lateUtc = await testApp(await tempDir(), { dataDir: dir, clock: at("2026-11-21T17:30:00Z") });
    expect((await chatAs(lateUtc, { channel: "web", id: "calendar-user-000002" }).say("/lich")).text).toContain("Nộp hồ sơ: đến 04/12/2026 — còn 12 ngày");
    await lateUtc.close();

    const lastDay = await testApp(await tempDir(), { dataDir: dir, clock: at("2026-12-04T16:59:00Z") });
    expect((await chatAs(lastDay, { channel: "web", id: "calendar-user-000003" }).say("/lich")).text).toContain("Nộp hồ sơ: đến 04/12/2026 — hôm nay là ngày cuối");
    await lastDay.close();

    const after = await testApp(await tempDir(), { dataDir: dir, clock: at("2026-12-04T17:00:00Z") });
    expect((await chatAs(after, { channel: "web", id: "calendar-user-000004" }).say("/lich")).text).toContain("Nộp hồ sơ: đến 04/12/2026 — đã kết thúc");
    await after.close();
  });

  it("when this year's dates are unknown, says so, shows the usual timing labelled as such, and who to ask", async () => {
    const app = await testApp(await tempDir(), { clock: at("2026-11-22T03:00:00Z") });
    const cal = await chatAs(app, { channel: "web", id: "calendar-user-000005" }).say("/lich");
    expect(cal.text).toContain("Sở chưa công bố thời gian các bước của năm giải này");
    expect(cal.text).toContain("Thời gian thường lệ theo kế hoạch các năm trước — chỉ để tham khảo, không phải lịch chính thức năm nay");
    expect(cal.text).toContain("• Đánh giá tại doanh nghiệp: trong tháng 9");
    expect(cal.text).toContain("Để biết lịch chính thức, Quý doanh nghiệp vui lòng hỏi");
    // One contact line: while the unit has set no phone or email, where its public office is — no "chưa cập nhật" rows.
    expect(cal.text).toContain("📞 Liên hệ: Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai — tại trụ sở Sở hoặc Trung tâm Phục vụ hành chính công của tỉnh.");
    expect(cal.text).not.toMatch(/(Điện thoại|Email|Địa chỉ): chưa cập nhật/);
    expect(cal.text).not.toContain("2024");
    await app.close();
  });

  it("works for every province profile, in English too", async () => {
    for (const province of ["bac-ninh", "tay-ninh"]) {
      const app = await testApp(await tempDir(), { clock: at("2026-11-22T03:00:00Z"), env: { PROVINCE: province } });
      const user = chatAs(app, { channel: "web", id: `calendar-${province}-0001` });
      await user.say("/ngonngu en");
      const cal = await user.say("/calendar");
      expect(cal.text).toContain(province === "bac-ninh" ? "Bắc Ninh" : "Tây Ninh");
      expect(cal.text).toContain("Usual timing in past plans — for reference only");
      await app.close();
    }
  });
});

describe("phase status", () => {
  it("classifies a phase against a calendar day", () => {
    expect(phaseStatus({ start: null, end: null }, "2026-11-22")).toEqual({ kind: "unknown" });
    expect(phaseStatus({ start: "2026-12-01", end: "2026-12-31" }, "2026-11-22")).toEqual({ kind: "upcoming", days: 9 });
    expect(phaseStatus({ start: "2026-11-01", end: "2026-11-30" }, "2026-11-22")).toEqual({ kind: "open", days: 8 });
    expect(phaseStatus({ start: null, end: "2026-11-22" }, "2026-11-22")).toEqual({ kind: "due", days: 0 });
    expect(phaseStatus({ start: "2026-01-01", end: "2026-03-31" }, "2026-11-22")).toEqual({ kind: "ended" });
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(vietnamDate(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });
});
