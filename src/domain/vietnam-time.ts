import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Vietnam's time, in one place: the days, hours and dates the bot speaks of are Vietnam's,
 * whatever the server's own zone. dayjs's zone plugin uses Intl, so nothing is downloaded.
 */
export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Today's date in Vietnam, YYYY-MM-DD (a new day starts at 17:00 UTC). */
export function todayInVietnam(now: Date): string {
  return dayjs(now).tz(VN_TIME_ZONE).format("YYYY-MM-DD");
}

/** The year in Vietnam at `now`. */
export function yearInVietnam(now: Date): number {
  return Number(todayInVietnam(now).slice(0, 4));
}

/** The hour (0–23) in Vietnam at `now`. */
export function hourInVietnam(now: Date): number {
  return dayjs(now).tz(VN_TIME_ZONE).hour();
}

/** The instant at which it is `isoDate` `hour`:`minute` in Vietnam; null when no such time exists (31/2, 24:00). */
export function instantInVietnam(isoDate: string, hour: number, minute: number): Date | null {
  const local = `${isoDate}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00`;
  const at = dayjs.tz(local, VN_TIME_ZONE);
  // An impossible day or hour would roll over into the next: refuse instead of guessing.
  return at.isValid() && at.format("YYYY-MM-DDTHH:mm:ss") === local ? at.toDate() : null;
}

/**
 * The wall-clock time in Vietnam of an instant, as a Date whose UTC fields hold it: for Excel,
 * which has no time zone (exceljs writes the UTC fields), so 22/11/2026 10:00 in Hà Nội shows as 10:00.
 */
export function vietnamWallClock(iso: string): Date {
  const at = Date.parse(iso);
  return new Date(at + offsetMinutes(at) * 60_000);
}

const DAY_MS = 86_400_000;
/** Vietnam's UTC offset per UTC day, in minutes: an export asks for thousands of instants on a few hundred days. */
const offsetByDay = new Map<number, number>();

/**
 * Vietnam's offset from UTC at an instant, from the zone data (Intl) — asked once per day, since
 * the zone plugin costs ~0.1 ms a call; a day with a change of offset in it (none since 1975) is not kept.
 */
function offsetMinutes(at: number): number {
  const day = Math.floor(at / DAY_MS);
  const known = offsetByDay.get(day);
  if (known !== undefined) return known;
  const first = dayjs(day * DAY_MS).tz(VN_TIME_ZONE).utcOffset();
  const last = dayjs((day + 1) * DAY_MS - 1).tz(VN_TIME_ZONE).utcOffset();
  if (first !== last) return dayjs(at).tz(VN_TIME_ZONE).utcOffset();
  if (offsetByDay.size >= 20_000) offsetByDay.clear();
  offsetByDay.set(day, first);
  return first;
}

/** The day of an instant in Vietnam's time: 22/11/2026 (vi) or 22 Nov 2026 (en). */
export function formatDay(iso: string, locale: "vi" | "en"): string {
  const d = dayjs(iso).tz(VN_TIME_ZONE);
  return locale === "vi" ? d.format("DD/MM/YYYY") : d.format("D MMM YYYY");
}

/** An instant shown in Vietnam's time: 22/11/2026 09:30 (vi) or 22 Nov 2026, 09:30 (en). */
export function formatDateTime(iso: string, locale: "vi" | "en"): string {
  const d = dayjs(iso).tz(VN_TIME_ZONE);
  return locale === "vi" ? d.format("DD/MM/YYYY HH:mm") : d.format("D MMM YYYY, HH:mm");
}
