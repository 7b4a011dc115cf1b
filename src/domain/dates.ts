import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { z } from "zod";
import { fail, ok, type Parsed } from "./result.js";
import { fold } from "./text.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Dates the bot talks about are days in Vietnam, whatever the server's own time zone. */
export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

export const DATE_EXAMPLE = "15/3/2019";

/** A date as precise as the user knew it: "2019" is a year, "03/2019" a month, "15/3/2019" a day. */
export const partialDateSchema = z.object({
  /** The first day of the period, YYYY-MM-DD. */
  date: z.iso.date(),
  precision: z.enum(["day", "month", "year"]),
});
export type PartialDate = z.infer<typeof partialDateSchema>;

/** Today's date in Vietnam, YYYY-MM-DD. */
export function todayInVietnam(now: Date): string {
  return dayjs(now).tz(VN_TIME_ZONE).format("YYYY-MM-DD");
}

/** The year in Vietnam at `now`. */
export function yearInVietnam(now: Date): number {
  return Number(todayInVietnam(now).slice(0, 4));
}

/** Calendar arithmetic on YYYY-MM-DD (31/1 + 1 month = 28 or 29/2). */
export function addMonths(isoDate: string, months: number): string {
  return dayjs.utc(isoDate).add(months, "month").format("YYYY-MM-DD");
}

export function addDays(isoDate: string, days: number): string {
  return dayjs.utc(isoDate).add(days, "day").format("YYYY-MM-DD");
}

/** The last day of a partial date's period. */
export function periodEnd(d: PartialDate): string {
  if (d.precision === "day") return d.date;
  return dayjs.utc(d.date).endOf(d.precision).format("YYYY-MM-DD");
}

/** YYYY-MM-DD → 15/03/2019 (vi) or 15 Mar 2019 (en). */
export function formatDate(isoDate: string, locale: "vi" | "en"): string {
  const d = dayjs.utc(isoDate);
  return locale === "vi" ? d.format("DD/MM/YYYY") : d.format("D MMM YYYY");
}

/** A partial date the way it was given: "15/03/2019", "03/2019", "2019". */
export function formatPartialDate(d: PartialDate, locale: "vi" | "en"): string {
  const day = dayjs.utc(d.date);
  if (d.precision === "year") return day.format("YYYY");
  if (d.precision === "month") return locale === "vi" ? day.format("MM/YYYY") : day.format("MMM YYYY");
  return formatDate(d.date, locale);
}

/** An instant shown in Vietnam's time: 22/11/2026 09:30. */
export function formatDateTime(iso: string, locale: "vi" | "en"): string {
  const d = dayjs(iso).tz(VN_TIME_ZONE);
  return locale === "vi" ? d.format("DD/MM/YYYY HH:mm") : d.format("D MMM YYYY, HH:mm");
}

function validDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const d = dayjs.utc(iso);
  return d.isValid() && d.format("YYYY-MM-DD") === iso ? iso : null;
}

const MIN_YEAR = 1900;

/**
 * A past date as people write it: `15/3/2019`, `15-03-2019`, `15.03.2019`, `2019-03-15`,
 * `03/2019`, `tháng 3/2019`, `ngày 15 tháng 3 năm 2019`, `2019`. Not after today (in Vietnam).
 */
export function parsePastDate(input: string, now: Date): Parsed<PartialDate> {
  const text = fold(input.normalize("NFKC"))
    .replace(/\b(ngay|thang|nam|date|month|year)\b/g, " ")
    .replace(/[,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return fail("val-date-empty", { example: DATE_EXAMPLE });
  let result: PartialDate | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    const iso = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!iso) return fail("val-date-invalid", { example: DATE_EXAMPLE });
    result = { date: iso, precision: "day" };
  } else if ((m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2,4})$/.exec(text))) {
    if (m[3]!.length !== 4) return fail("val-date-year", { example: DATE_EXAMPLE });
    const iso = validDay(Number(m[3]), Number(m[2]), Number(m[1]));
    if (!iso) return fail("val-date-invalid", { example: DATE_EXAMPLE });
    result = { date: iso, precision: "day" };
  } else if ((m = /^(\d{1,2})\s*[/.\- ]\s*(\d{2,4})$/.exec(text))) {
    if (m[2]!.length !== 4) return fail("val-date-year", { example: DATE_EXAMPLE });
    const iso = validDay(Number(m[2]), Number(m[1]), 1);
    if (!iso) return fail("val-date-invalid", { example: DATE_EXAMPLE });
    result = { date: iso, precision: "month" };
  } else if ((m = /^(\d{4})$/.exec(text))) {
    result = { date: `${m[1]}-01-01`, precision: "year" };
  } else {
    return fail("val-date-format", { example: DATE_EXAMPLE });
  }
  if (Number(result.date.slice(0, 4)) < MIN_YEAR) return fail("val-date-too-old", { example: DATE_EXAMPLE });
  if (result.date > todayInVietnam(now)) return fail("val-date-future", { example: DATE_EXAMPLE });
  return ok(result);
}
