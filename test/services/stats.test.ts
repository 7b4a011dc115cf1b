import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import type { Programme } from "../../src/domain/programmes.js";
import type { SizeClass } from "../../src/domain/size-class.js";
import { STATUSES, type StatusId } from "../../src/domain/statuses.js";
import { statsText } from "../../src/flows/officials/stats-text.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { computeStats, defaultStatsYear } from "../../src/services/stats.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-22T03:00:00Z");

/** A small seeded generator, so the store is the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}

const COMMUNES = ["Phường Trấn Biên", "Phường Biên Hòa", "Xã Long Thành", "Phường Long Khánh", "Xã Nhơn Trạch", "Phường Bình Phước", "Xã Đồng Xoài", "Xã Tân Phú"];

/** Dates a province official would fill in: the dossier deadline nine days ahead, one phase still without a date. */
const TIMELINE: Timeline = {
  typical: [],
  cycles: [
    {
      programme: "gtclqg",
      year: 2026,
      rules: "2026",
      rulesConfirmed: false,
      source: "test",
      reviewed: "2026-11-22",
      phases: [
        { id: "registration", start: "2026-09-01", end: "2026-10-31", source: "test" },
        { id: "dossier-deadline", start: "2026-12-01", end: "2026-12-01", source: "test" },
        { id: "desk-assessment", start: "2027-01-05", end: "2027-01-30", source: "test" },
        { id: "onsite-assessment", start: null, end: null, source: "test" },
      ],
    },
  ],
};

interface Made {
  code: string;
  programme: Programme;
  year: number;
  status: StatusId;
  sector: "production" | "services" | null;
  size: SizeClass | null;
  commune: string | null;
  createdAt: number;
  lastChange: number;
}

describe("statistics", () => {
  it("on 5,000 generated submissions equal a direct count of what was generated", async () => {
    const app = await testApp(await tempDir());
    const { submissions } = app.services;
    const rnd = random(20261122);
    const made: Made[] = [];
    const official = { kind: "official" as const, userKey: "telegram:777" };
    const makeOne = async (i: number) => {
      const programme: Programme = rnd.next() < 0.7 ? "gtclqg" : "nscl";
      const year = rnd.next() < 0.85 ? 2026 : 2025;
      const createdAt = NOW.getTime() - Math.floor(rnd.next() * 90 * DAY);
      const base = draft({ programme, awardYear: year, taxCode: String(1_000_000_000 + i), userKey: `telegram:${20_000 + i}` });
      const sector = programme === "gtclqg" ? rnd.pick(["production", "services", null] as const) : null;
      const size = rnd.pick(["micro", "small", "medium", "large", null] as const);
      const commune = rnd.next() < 0.9 ? rnd.pick(COMMUNES) : null;
      const created = await submissions.create(
        {
          ...base,
          organisation: {
            ...base.organisation,
            sectorGroup: sector,
            sizeClass: size,
            address: { ...base.organisation.address, commune, communeKey: commune ? commune.toLowerCase() : null },
          },
        },
        new Date(createdAt),
      );
      if (!created.ok) throw new Error("duplicate");
      // Any status of the programme, set in one step some days later (the route there does not matter to the figures).
      const status = rnd.next() < 0.2 ? "registered" : rnd.pick(STATUSES[programme].map((x) => x.id));
      let at = createdAt;
      if (status !== "registered") {
        at = Math.min(NOW.getTime(), createdAt + Math.floor(rnd.next() * 30 * DAY));
        if (!(await submissions.changeStatus(created.submission.code, status, official, new Date(at), null)).ok) throw new Error(status);
      }
      made.push({ code: created.submission.code, programme, year, status, sector, size, commune, createdAt, lastChange: at });
    };
    // Written in units of work of a few hundred submissions each, as a busy bot commits them.
    const BATCH = 250;
    for (let from = 0; from < 5000; from += BATCH) {
      await app.storage.unit(async () => {
        for (let i = from; i < from + BATCH; i++) await makeOne(i);
      });
    }
    expect(await submissions.count()).toBe(5000);

    for (const programme of ["gtclqg", "nscl"] as const) {
      for (const year of [2025, 2026]) {
        const stats = await computeStats(app.services.submissionRecords, { programme, year, now: NOW, stalledAfterDays: 14, timeline: TIMELINE });
        const mine = made.filter((m) => m.programme === programme && m.year === year);
        const final = new Set(STATUSES[programme].filter((s) => s.final).map((s) => s.id));
        expect(stats.total).toBe(mine.length);
        expect(stats.open).toBe(mine.filter((m) => !final.has(m.status)).length);
        for (const { status, count } of stats.byStatus) expect(count, `${programme} ${year} ${status}`).toBe(mine.filter((m) => m.status === status).length);
        expect(stats.byStatus.map((b) => b.status)).toEqual(STATUSES[programme].map((s) => s.id));
        expect(stats.bySector).toEqual({
          production: mine.filter((m) => m.sector === "production").length,
          services: mine.filter((m) => m.sector === "services").length,
          unknown: mine.filter((m) => m.sector === null).length,
        });
        expect(stats.bySize).toEqual({
          micro: mine.filter((m) => m.size === "micro").length,
          small: mine.filter((m) => m.size === "small").length,
          medium: mine.filter((m) => m.size === "medium").length,
          large: mine.filter((m) => m.size === "large").length,
          unknown: mine.filter((m) => m.size === null).length,
        });
        for (const c of stats.byCommune) expect(c.count, String(c.name)).toBe(mine.filter((m) => m.commune === c.name).length);
        expect(stats.byCommune.reduce((n, c) => n + c.count, 0)).toBe(mine.length);
        expect(stats.newThisWeek).toBe(mine.filter((m) => m.createdAt >= NOW.getTime() - 7 * DAY).length);
        const waiting = (m: Made) => m.status === "registered" || m.status === "needs-supplement";
        const stalled = mine.filter((m) => waiting(m) && Math.floor((NOW.getTime() - m.lastChange) / DAY) > 14);
        expect(stats.stalled.map((s) => s.code).sort()).toEqual(stalled.map((m) => m.code).sort());
        const other = year === 2026 ? 2025 : 2026;
        expect(stats.otherYearsOpen).toEqual([{ year: other, count: made.filter((m) => m.programme === programme && m.year === other && !final.has(m.status)).length }]);
      }
    }
    expect(await defaultStatsYear(app.services.submissionRecords, "gtclqg", TIMELINE, NOW)).toBe(2026);
    await app.close();
  });

  it("counts the days to the province's next dates, and says when a date is not known", async () => {
    const app = await testApp(await tempDir());
    // An empty store: only the calendar speaks.
    const none = app.services.submissionRecords;
    expect(await app.services.submissions.count()).toBe(0);
    const stats = await computeStats(none, { programme: "gtclqg", year: 2026, now: NOW, stalledAfterDays: 14, timeline: TIMELINE });
    expect(stats.dossierDeadline).toEqual({ date: "2026-12-01", daysLeft: 9 });
    expect(stats.upcoming).toEqual([
      { phase: "dossier-deadline", start: "2026-12-01", end: "2026-12-01", daysLeft: 9, counts: "start" },
      { phase: "desk-assessment", start: "2027-01-05", end: "2027-01-30", daysLeft: 44, counts: "start" },
      { phase: "onsite-assessment", start: null, end: null, daysLeft: null, counts: null },
    ]);
    const t = (key: string, args?: Parameters<typeof app.translator.t>[2]) => app.translator.t("vi", key, args);
    const text = toPlainText(statsText(t, "vi", stats, "Đồng Nai"));
    expect(text).toContain("Không có hồ sơ nào chờ quá 14 ngày; hạn nộp hồ sơ 01/12/2026 (còn 9 ngày).");
    expect(text).toContain("• Hạn nộp hồ sơ: bắt đầu 01/12/2026 (còn 9 ngày)");
    expect(text).toContain("• Đánh giá hồ sơ: bắt đầu 05/01/2027 (còn 44 ngày)");
    expect(text).toContain("• Đánh giá tại chỗ: chưa có ngày");
    expect(text).not.toContain("Đăng ký tham dự");

    // The profile shipped for Đồng Nai has no 2026 dates yet: every one "chưa có ngày", none invented.
    const shipped = await computeStats(none, { programme: "gtclqg", year: 2026, now: NOW, stalledAfterDays: 14, timeline: app.services.province.timeline });
    const shippedText = toPlainText(statsText(t, "vi", shipped, "Đồng Nai"));
    expect(shippedText).toContain("hạn nộp hồ sơ chưa có ngày");
    expect(shippedText).toContain("• Hạn nộp hồ sơ: chưa có ngày");
    expect(toPlainText(statsText(t, "vi", await computeStats(none, { programme: "nscl", year: 2026, now: NOW, stalledAfterDays: 14, timeline: app.services.province.timeline }), "Đồng Nai"))).toContain(
      "Kế hoạch năm 2026 của Đồng Nai chưa có trong dữ liệu của trợ lý",
    );
    await app.close();
  });
});
