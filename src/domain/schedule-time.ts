import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { VN_TIME_ZONE } from "./dates.js";
import { fail, ok, type Parsed } from "./result.js";

dayjs.extend(utc);
dayjs.extend(timezone);

export const SCHEDULE_EXAMPLE = "25/11/2026 08:30";
/** Further ahead than this is more likely a typo in the year than a plan. */
const MAX_AHEAD_DAYS = 366;

/**
 * When to send, as an official types it in Vietnam's time: `25/11/2026 08:30`, `25-11-2026 8:30`,
 * `25/11/2026 8h30`, `25/11/2026 8h`. Returns the instant (ISO, UTC); it must be in the future.
 */
export function parseScheduleTime(input: string, now: Date): Parsed<string> {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*(?:,|lúc|luc|at)?\s*(\d{1,2})\s*(?::|h|g|giờ|gio)\s*(\d{2})?\s*(?:phút|phut)?$/.exec(text);
  if (!m) return fail("bc-when-format", { example: SCHEDULE_EXAMPLE });
  const [day, month, year, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return fail("bc-when-invalid", { example: SCHEDULE_EXAMPLE });
  const local = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00`;
  const at = dayjs.tz(local, VN_TIME_ZONE);
  // 31/2 would roll over into March: refuse instead of guessing.
  if (!at.isValid() || at.format("YYYY-MM-DDTHH:mm:ss") !== local) return fail("bc-when-invalid", { example: SCHEDULE_EXAMPLE });
  if (at.valueOf() <= now.getTime()) return fail("bc-when-past", { example: SCHEDULE_EXAMPLE });
  if (at.valueOf() - now.getTime() > MAX_AHEAD_DAYS * 24 * 60 * 60 * 1000) return fail("bc-when-too-far", { days: MAX_AHEAD_DAYS });
  return ok(at.toISOString());
}

/** The hour (0–23) in Vietnam at `now`. */
export function hourInVietnam(now: Date): number {
  return dayjs(now).tz(VN_TIME_ZONE).hour();
}
