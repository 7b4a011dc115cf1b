import { dateText, readDate } from "./dates.js";
import { fail, ok, type Parsed } from "./result.js";
import { instantInVietnam } from "./vietnam-time.js";

export const SCHEDULE_EXAMPLE = "25/11/2026 08:30";
/** Further ahead than this is more likely a typo in the year than a plan. */
const MAX_AHEAD_DAYS = 366;

/**
 * When to send, as an official types it in Vietnam's time: a day in the one date grammar
 * (readDate: `25/11/2026`, `25-11-2026`, `2026-11-25`, `ngày 25 tháng 11 năm 2026`…), then the
 * hour: `08:30`, `8h30`, `8h`, `lúc 8 giờ 30`. Returns the instant (ISO, UTC); it must be in the future.
 */
export function parseScheduleTime(input: string, now: Date): Parsed<string> {
  const m = /^(.*\d)\s*(?:\s|luc|at)\s*(\d{1,2})\s*(?::|h|g|gio)\s*(\d{2})?\s*(?:phut)?$/.exec(dateText(input));
  const day = m ? readDate(m[1]!.trim()) : null;
  if (!m || day === null || (day.ok && day.value.precision !== "day") || (!day.ok && day.why === "year")) return fail("bc-when-format", { example: SCHEDULE_EXAMPLE });
  const [hour, minute] = [Number(m[2]), Number(m[3] ?? 0)];
  const at = day.ok && hour <= 23 && minute <= 59 ? instantInVietnam(day.value.date, hour, minute) : null;
  if (!at) return fail("bc-when-invalid", { example: SCHEDULE_EXAMPLE });
  if (at.getTime() <= now.getTime()) return fail("bc-when-past", { example: SCHEDULE_EXAMPLE });
  if (at.getTime() - now.getTime() > MAX_AHEAD_DAYS * 24 * 60 * 60 * 1000) return fail("bc-when-too-far", { days: MAX_AHEAD_DAYS });
  return ok(at.toISOString());
}
