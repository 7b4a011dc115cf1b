import dayjs from "dayjs";
import { todayInVietnam } from "./vietnam-time.js";

/** The ISO week (Monday to Sunday) of a date YYYY-MM-DD: `2026-W49`. */
export function isoWeekOfDate(date: string): string {
  const d = dayjs(`${date}T12:00:00Z`);
  const weekday = d.day() === 0 ? 7 : d.day();
  // The week belongs to the year of its Thursday.
  const thursday = d.add(4 - weekday, "day");
  const yearStart = dayjs(`${thursday.format("YYYY")}-01-01T12:00:00Z`);
  const week = Math.floor(thursday.diff(yearStart, "day") / 7) + 1;
  return `${thursday.format("YYYY")}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week of an instant, Vietnam's calendar. */
export function isoWeekOf(now: Date): string {
  return isoWeekOfDate(todayInVietnam(now));
}

/** The Monday (YYYY-MM-DD) of the week of `date`, and `weeksBack` weeks before it. */
export function mondayOf(date: string, weeksBack = 0): string {
  const d = dayjs(`${date}T12:00:00Z`);
  const weekday = d.day() === 0 ? 7 : d.day();
  return d.subtract(weekday - 1 + 7 * weeksBack, "day").format("YYYY-MM-DD");
}
