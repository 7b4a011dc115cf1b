import { describe, expect, it } from "vitest";
import { answerExpected, nextWorkingDay, type OfficeHours } from "../../src/domain/working-days.js";
import { isoWeekOfDate } from "../../src/domain/iso-week.js";
import { loadHolidays } from "../../src/knowledge/holidays.js";
import { dataDir } from "../../src/paths.js";

const hours: OfficeHours = { weekdays: [1, 2, 3, 4, 5], open: "07:30", close: "17:00", source: "test" };
const holidays = loadHolidays(dataDir);
/** An instant at `hh:mm` Vietnam time (UTC+7) on `date`. */
const vn = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+07:00`);

describe("when a person is expected to answer (office hours, weekends, public holidays)", () => {
  it("today within or before office hours on a working day; the next working day after closing, over a weekend", () => {
    expect(answerExpected(vn("2026-11-23", "06:00"), hours, holidays)).toEqual({ kind: "today" }); // Monday before opening
    expect(answerExpected(vn("2026-11-23", "16:59"), hours, holidays)).toEqual({ kind: "today" });
    expect(answerExpected(vn("2026-11-23", "17:00"), hours, holidays)).toEqual({ kind: "next", date: "2026-11-24" });
    // Friday evening, Saturday, Sunday: Monday.
    expect(answerExpected(vn("2026-11-27", "18:00"), hours, holidays)).toEqual({ kind: "next", date: "2026-11-30" });
    expect(answerExpected(vn("2026-11-28", "10:00"), hours, holidays)).toEqual({ kind: "next", date: "2026-11-30" });
    // 23:30 UTC on Sunday is already Monday 06:30 in Vietnam.
    expect(answerExpected(new Date("2026-11-29T23:30:00Z"), hours, holidays)).toEqual({ kind: "today" });
  });

  it("skips public holidays: 30/4 and 1/5 then a weekend, Tết, Giỗ Tổ Hùng Vương", () => {
    // Wednesday 29/4/2026 after hours → Thursday 30/4 and Friday 1/5 are holidays, then the weekend.
    expect(answerExpected(vn("2026-04-29", "17:30"), hours, holidays)).toEqual({ kind: "next", date: "2026-05-04" });
    // On a holiday itself, even in office hours: the next working day.
    expect(answerExpected(vn("2026-04-30", "09:00"), hours, holidays)).toEqual({ kind: "next", date: "2026-05-04" });
    // Mùng 1–3 Tết Bính Ngọ: 17–19/2/2026 (Tuesday–Thursday).
    expect(nextWorkingDay("2026-02-16", hours, holidays)).toBe("2026-02-20");
    // Giỗ Tổ 2027 (10/3 Đinh Mùi) is Friday 16/4/2027.
    expect(nextWorkingDay("2027-04-15", hours, holidays)).toBe("2027-04-19");
    // 2/9/2027 is a Thursday.
    expect(nextWorkingDay("2027-09-01", hours, holidays)).toBe("2027-09-03");
  });

  it("hours not known: the next working day, never 'today'; no office week at all: unknown", () => {
    const noHours: OfficeHours = { ...hours, open: null, close: null };
    expect(answerExpected(vn("2026-11-23", "09:00"), noHours, holidays)).toEqual({ kind: "next", date: "2026-11-24" });
    expect(answerExpected(vn("2026-11-23", "09:00"), null, holidays)).toEqual({ kind: "unknown" });
  });

  it("ISO weeks, Vietnam's calendar", () => {
    expect(isoWeekOfDate("2026-11-22")).toBe("2026-W47");
    expect(isoWeekOfDate("2026-11-23")).toBe("2026-W48");
    expect(isoWeekOfDate("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOfDate("2027-01-04")).toBe("2027-W01");
    expect(isoWeekOfDate("2026-01-01")).toBe("2026-W01");
  });
});
