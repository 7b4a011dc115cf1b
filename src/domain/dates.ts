import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import { z } from "zod";
import { understood } from "./in-sentence.js";
import { fail, ok, type Parsed } from "./result.js";
import { fold } from "./text.js";
import { todayInVietnam } from "./vietnam-time.js";

dayjs.extend(utc);

export const DATE_EXAMPLE = "15/3/2019";

/** A date as precise as the user knew it: "2019" is a year, "03/2019" a month, "15/3/2019" a day. */
export const partialDateSchema = z.object({
  /** The first day of the period, YYYY-MM-DD. */
  date: z.iso.date(),
  precision: z.enum(["day", "month", "year"]),
});
export type PartialDate = z.infer<typeof partialDateSchema>;

/** Calendar arithmetic on YYYY-MM-DD (31/1 + 1 month = 28 or 29/2). */
export function addMonths(isoDate: string, months: number): string {
  return dayjs.utc(isoDate).add(months, "month").format("YYYY-MM-DD");
}

export function addDays(isoDate: string, days: number): string {
  return dayjs.utc(isoDate).add(days, "day").format("YYYY-MM-DD");
}

/** Whole days from calendar day `from` to calendar day `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), "day");
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

function validDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const d = dayjs.utc(iso);
  return d.isValid() && d.format("YYYY-MM-DD") === iso ? iso : null;
}

const MIN_YEAR = 1900;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
const monthNumber = (name: string) => String(MONTHS.indexOf(name.slice(0, 3)) + 1);

/** English month names as numbers: "March 15, 2015" → "15 3 2015", "15th March 2015" → "15 3 2015", "Mar 2015" → "3 2015". */
function englishMonths(text: string): string {
  return text
    .replace(new RegExp(`\\b${MONTH_NAMES}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "g"), (_m, month: string, day: string, year: string) => `${day} ${monthNumber(month)} ${year}`)
    .replace(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAMES},?\\s+(\\d{4})\\b`, "g"), (_m, day: string, month: string, year: string) => `${day} ${monthNumber(month)} ${year}`)
    .replace(new RegExp(`\\b${MONTH_NAMES},?\\s+(\\d{4})\\b`, "g"), (m: string, month: string, year: string, at: number, all: string) =>
      // "máy 2019" typed without marks is not May: only "may" at the start or right after "in/since/from/of".
      month === "may" && !/(?:^|\\b(?:in|since|from|of)\\s+)$/.test(all.slice(0, at)) ? m : `${monthNumber(month)} ${year}`);
}

/** Typed date text made plain: folded, English month names as numbers, the words ngày/tháng/năm (day/month/year) and commas dropped, single spaces. */
export function dateText(input: string): string {
  return englishMonths(fold(input.normalize("NFKC")))
    .replace(/\b(ngay|thang|nam|date|month|year)\b/g, " ")
    .replace(/[,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** What a date text says: a date (as precise as given), a date that cannot be (why), or no date at all (null). */
export type DateRead = { ok: true; value: PartialDate } | { ok: false; why: "year" | "invalid" } | null;

/**
 * The one grammar of typed dates, for every date the bot reads (a founding date, when to send an
 * announcement): `15/3/2019`, `15-03-2019`, `15.03.2019`, `15 3 2019`, `2019-03-15`,
 * `ngày 15 tháng 3 năm 2019`; a month `03/2019`, `tháng 3/2019`; a year `2019`. `text` is a
 * whole `dateText`. A year must have four digits (`why: "year"`).
 */
export function readDate(text: string): DateRead {
  let m: RegExpExecArray | null;
  const day = (year: number, month: number, d: number): DateRead => {
    const iso = validDay(year, month, d);
    return iso ? { ok: true, value: { date: iso, precision: "day" } } : { ok: false, why: "invalid" };
  };
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2,4})$/.exec(text))) {
    return m[3]!.length !== 4 ? { ok: false, why: "year" } : day(Number(m[3]), Number(m[2]), Number(m[1]));
  }
  if ((m = /^(\d{1,2})\s*[/.\- ]\s*(\d{2,4})$/.exec(text))) {
    if (m[2]!.length !== 4) return { ok: false, why: "year" };
    const iso = validDay(Number(m[2]), Number(m[1]), 1);
    return iso ? { ok: true, value: { date: iso, precision: "month" } } : { ok: false, why: "invalid" };
  }
  if ((m = /^(\d{4})$/.exec(text))) return { ok: true, value: { date: `${m[1]}-01-01`, precision: "year" } };
  return null;
}

/** A past date as people write it (readDate's grammar), as precise as given. Not after today (in Vietnam). */
export function parsePastDate(input: string, now: Date): Parsed<PartialDate> {
  const text = dateText(input);
  if (text === "") return fail("val-date-empty", { example: DATE_EXAMPLE });
  const whole = readDate(text);
  // Inside a sentence: "thành lập năm 2019", "từ tháng 3/2020", "since 2016", "in March 2015".
  const inside = whole === null ? dateInside(text) : null;
  const read = whole ?? inside;
  if (read === null) return fail("val-date-format", { example: DATE_EXAMPLE });
  if (!read.ok) return fail(read.why === "year" ? "val-date-year" : "val-date-invalid", { example: DATE_EXAMPLE });
  const result = read.value;
  if (Number(result.date.slice(0, 4)) < MIN_YEAR) return fail("val-date-too-old", { example: DATE_EXAMPLE });
  if (result.date > todayInVietnam(now)) return fail("val-date-future", { example: DATE_EXAMPLE });
  return inside ? understood(result) : ok(result);
}

/**
 * The one date in a sentence (a `dateText`): the longest run of neighbouring number words that
 * reads as a date. Two different dates, or none, are null (the user is asked again).
 */
export function dateInside(text: string): DateRead {
  const words = text.split(" ").map((w) => w.replace(/^[^\d]+|[^\d]+$/g, ""));
  let best: { length: number; reads: DateRead[] } = { length: 0, reads: [] };
  for (let start = 0; start < words.length; start++) {
    for (let length = 1; length <= 3 && start + length <= words.length; length++) {
      const run = words.slice(start, start + length);
      if (!run.every((w) => /^\d[\d/.-]*$/.test(w))) break;
      const read = readDate(run.join(" "));
      if (read === null || length < best.length) continue;
      if (length > best.length) best = { length, reads: [] };
      best.reads.push(read);
    }
  }
  // Shorter runs inside the longest one ("3 2019" in "15 3 2019") were dropped above; what is left must agree.
  const found = new Set(best.reads.map((r) => JSON.stringify(r)));
  return found.size === 1 ? best.reads[0]! : null;
}
