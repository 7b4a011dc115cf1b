import { addMonths, periodEnd, type PartialDate } from "./dates.js";
import { MIN_OPERATION_MONTHS } from "./eligibility.js";
import { fold } from "./text.js";

/**
 * A question that gives a founding date and asks about the award's 36-month rule: "thành lập
 * tháng 3/2024 có đủ điều kiện không", "founded in March 2023, can we apply". Only then is the
 * date read — a year in any other question ("kế hoạch năm 2024", "hỗ trợ năm 2023") is not.
 */

/** Words that say when the organisation started. */
const FOUNDED = /\b(thanh lap|founded|established|incorporated|started (operating|operations|business)|hoat dong tu|ra doi|cap giay phep|giay phep kinh doanh|dang ky kinh doanh (tu|nam|thang|ngay)|gcn dkdn|chung nhan dang ky doanh nghiep)\b/;
/** Words that ask whether it may enter (the award, its conditions, the 36 months). */
const ASKS_ENTRY =
  /\b(du dieu kien|dieu kien|36 thang|3 nam|ba nam|du giai|tham du|tham gia giai|duoc du|dang ky (du|tham du|giai)|bao gio (duoc|du|dang ky)|khi nao (duoc|du|dang ky)|eligib\w*|qualif\w*|apply|enter|take part|participate|compete|register for)\b/;
/** The award named, or nothing named (the 36-month rule is the award's). */
const AWARD = /\b(giai|gtclqg|award|prize)\b/;
/** Another programme named: the NSCL support has no 36-month rule. */
const OTHER_PROGRAMME = /\b(nscl|nang suat|ho tro|support|productivity|funding|ocop)\b/;

const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_EN = `(${MONTHS_EN.map((m) => `${m}|${m.slice(0, 3)}`).join("|")})\\.?`;

function monthOf(name: string): number {
  return MONTHS_EN.findIndex((m) => name.startsWith(m.slice(0, 3))) + 1;
}

function partial(year: number, month: number | null, day: number | null): PartialDate | null {
  if (year < 1900 || year > 2100) return null;
  if (month === null) return { date: `${year}-01-01`, precision: "year" };
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, "0");
  if (day === null) return { date: `${year}-${mm}-01`, precision: "month" };
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { date: `${year}-${mm}-${String(day).padStart(2, "0")}`, precision: "day" };
}

/** The first date in a folded text, as precise as written; null when there is none. */
export function readDateInText(folded: string): PartialDate | null {
  const n = Number;
  const tries: [RegExp, (m: RegExpExecArray) => PartialDate | null][] = [
    // 15/3/2023, 15-03-2023, 15.3.2023, ngay 15 thang 3 nam 2023
    [/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/, (m) => partial(n(m[3]), n(m[2]), n(m[1]))],
    [/\bngay (\d{1,2}) thang (\d{1,2}) (?:nam )?(\d{4})\b/, (m) => partial(n(m[3]), n(m[2]), n(m[1]))],
    // 2023-03-15
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => partial(n(m[1]), n(m[2]), n(m[3]))],
    // 15 March 2023, March 15, 2023
    [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_EN},? (\\d{4})\\b`), (m) => partial(n(m[3]), monthOf(m[2]!), n(m[1]))],
    [new RegExp(`\\b${MONTH_EN} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`), (m) => partial(n(m[3]), monthOf(m[1]!), n(m[2]))],
    // thang 3/2024, thang 3 nam 2024, thang 03-2024, 03/2024, March 2023
    [/\bthang (\d{1,2})\s*(?:[/.-]|nam|\s)\s*(?:nam )?(\d{4})\b/, (m) => partial(n(m[2]), n(m[1]), null)],
    [/\b(\d{1,2})\s*[/.-]\s*(\d{4})\b/, (m) => partial(n(m[2]), n(m[1]), null)],
    [new RegExp(`\\b${MONTH_EN},? (?:of )?(\\d{4})\\b`), (m) => partial(n(m[2]), monthOf(m[1]!), null)],
    // nam 2023, 2023
    [/\b(19\d{2}|20\d{2})\b/, (m) => partial(n(m[1]), null, null)],
  ];
  for (const [re, read] of tries) {
    const m = re.exec(folded);
    if (m) return read(m);
  }
  return null;
}

/** The founding date of a question about the 36-month rule, or null when the question is not one. */
export function readFoundingQuestion(text: string): PartialDate | null {
  const folded = fold(text.normalize("NFKC")).replace(/[?!,;:()"“”]/g, " ").replace(/\s+/g, " ");
  if (!FOUNDED.test(folded) || !ASKS_ENTRY.test(folded)) return null;
  if (OTHER_PROGRAMME.test(folded) && !AWARD.test(folded)) return null;
  // The date said with the founding ("năm 2026 công ty thành lập 3/2024 …" is 3/2024), else any.
  const at = FOUNDED.exec(folded)?.index ?? 0;
  return readDateInText(folded.slice(at)) ?? readDateInText(folded);
}

/** When an organisation founded on `founded` reaches the 36 months, measured at `reference` (YYYY-MM-DD). */
export type FoundingEligibility =
  | { kind: "eligible" }
  /** Not yet: reaches 36 months between `earliest` and `latest` (the same day when the founding day is known). */
  | { kind: "not-yet"; earliest: string; latest: string }
  /** Only a month or year was given and `reference` falls inside the period where it depends on the day. */
  | { kind: "depends"; earliest: string; latest: string };

export function foundingEligibility(founded: PartialDate, reference: string): FoundingEligibility {
  const earliest = addMonths(founded.date, MIN_OPERATION_MONTHS);
  const latest = addMonths(periodEnd(founded), MIN_OPERATION_MONTHS);
  if (latest <= reference) return { kind: "eligible" };
  if (earliest <= reference) return { kind: "depends", earliest, latest };
  return { kind: "not-yet", earliest, latest };
}
