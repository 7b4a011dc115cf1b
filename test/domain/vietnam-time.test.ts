import { describe, expect, it } from "vitest";
import { parsePastDate } from "../../src/domain/dates.js";
import { parseScheduleTime } from "../../src/domain/schedule-time.js";
import { formatDateTime, hourInVietnam, instantInVietnam, todayInVietnam, vietnamWallClock } from "../../src/domain/vietnam-time.js";

describe("one grammar for typed dates", () => {
  // Every way of writing 25/11/2026 that either parser read before they shared one grammar
  // (the founding date read them all; the schedule only the first three): both read them all now.
  const DAY_FORMATS = [
    "25/11/2026",
    "25-11-2026",
    "25.11.2026",
    "25 11 2026",
    "25 / 11 / 2026",
    "2026-11-25",
    "ngày 25 tháng 11 năm 2026",
    "ngay 25 thang 11 nam 2026",
    "ngày 25/11/2026",
  ];
  const afterIt = new Date("2026-12-01T03:00:00Z");
  const beforeIt = new Date("2026-11-22T03:00:00Z");

  it.each(DAY_FORMATS)("reads %j as a past date", (typed) => {
    expect(parsePastDate(typed, afterIt)).toEqual({ ok: true, value: { date: "2026-11-25", precision: "day" } });
  });

  it.each(DAY_FORMATS.flatMap((day) => [`${day} 08:30`, `${day} 8h30`, `${day}, lúc 8 giờ 30`]))("reads %j as a time to send (Vietnam's time)", (typed) => {
    expect(parseScheduleTime(typed, beforeIt)).toEqual({ ok: true, value: "2026-11-25T01:30:00.000Z" });
  });

  it.each([
    ["11/2026 08:30", "bc-when-format"],
    ["2026 08:30", "bc-when-format"],
    ["25/11/26 08:30", "bc-when-format"],
    ["30/02/2027 08:30", "bc-when-invalid"],
  ])("a time to send needs a whole day: %j → %s", (typed, key) => {
    const result = parseScheduleTime(typed, beforeIt);
    expect(result.ok ? null : result.error.key).toBe(key);
  });
});

describe("Vietnam's time", () => {
  it("starts the day at 17:00 UTC and counts hours there", () => {
    expect(todayInVietnam(new Date("2026-11-21T16:59:59Z"))).toBe("2026-11-21");
    expect(todayInVietnam(new Date("2026-11-21T17:00:00Z"))).toBe("2026-11-22");
    expect(hourInVietnam(new Date("2026-11-21T17:30:00Z"))).toBe(0);
    expect(formatDateTime("2026-11-22T03:00:00.000Z", "vi")).toBe("22/11/2026 10:00");
  });

  it("turns a wall-clock time into its instant, and back for Excel", () => {
    expect(instantInVietnam("2026-11-25", 8, 30)?.toISOString()).toBe("2026-11-25T01:30:00.000Z");
    expect(instantInVietnam("2026-02-30", 8, 30)).toBeNull();
    expect(vietnamWallClock("2026-11-22T03:00:00.000Z").toISOString()).toBe("2026-11-22T10:00:00.000Z");
  });

  it("takes the offset from the zone data, also for old instants and on the day it changed (kept per day, never mixed)", () => {
    // UTC+8 until 13/6/1975, UTC+7 since (IANA Asia/Ho_Chi_Minh); asked in an order that would show a wrong cache.
    expect(vietnamWallClock("1970-01-01T00:00:00.000Z").toISOString()).toBe("1970-01-01T08:00:00.000Z");
    expect(vietnamWallClock("1975-06-12T15:59:00.000Z").toISOString()).toBe("1975-06-12T23:59:00.000Z");
    expect(vietnamWallClock("1975-06-12T16:00:00.000Z").toISOString()).toBe("1975-06-12T23:00:00.000Z");
    expect(vietnamWallClock("1975-06-12T15:59:00.000Z").toISOString()).toBe("1975-06-12T23:59:00.000Z");
    expect(vietnamWallClock("2026-11-22T16:59:59.000Z").toISOString()).toBe("2026-11-22T23:59:59.000Z");
    expect(vietnamWallClock("2026-11-22T17:00:00.000Z").toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
