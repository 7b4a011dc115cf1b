import { fail, ok, type Parsed } from "./result.js";
import { understood } from "./in-sentence.js";
import { fold, tidy } from "./text.js";

export const MONEY_EXAMPLE = "1,5 tỷ";

/** Folded unit words → multiplier (VND). Longer spellings first so "trieu" wins over "tr". */
const UNITS: readonly [string, number][] = [
  ["trieu", 1e6],
  ["million", 1e6],
  ["mil", 1e6],
  ["tr", 1e6],
  ["m", 1e6],
  ["billion", 1e9],
  ["ty", 1e9],
  ["ti", 1e9],
  ["bn", 1e9],
  ["b", 1e9],
  ["nghin", 1e3],
  ["ngan", 1e3],
  ["thousand", 1e3],
  ["k", 1e3],
];
const UNIT_RE = UNITS.map(([u]) => u).join("|");
/** One amount: a number (thousands as `.` `,` or spaces; one decimal mark) and maybe a unit. */
const PART = new RegExp(`\\s*(\\d(?:[\\d.,]|\\s(?=\\d{3}(?!\\d)))*)\\s*(${UNIT_RE})?(?![a-z])`, "y");

/** More than this is surely a typo (a thousand trillion VND). */
export const MAX_MONEY_VND = 1e15;
/** A bare number below this without a unit ("200") is ambiguous: triệu? tỷ? */
const BARE_MINIMUM = 1_000_000;

/** `1.500.000`, `1,500,000`, `1 500 000`, `1,5`, `1.25`, `1.500,5` → a number; null if malformed. */
export function parseNumber(text: string): number | null {
  const s = text.replace(/\s/g, "");
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const dots = s.split(".").length - 1;
  const commas = s.split(",").length - 1;
  let decimalMark: "." | "," | null = null;
  if (dots && commas) decimalMark = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
  else if (dots + commas === 1) {
    const mark = dots ? "." : ",";
    // "1.500" groups thousands; "1,5" and "2.25" carry decimals.
    decimalMark = s.length - s.indexOf(mark) - 1 === 3 ? null : mark;
  }
  let intPart = s;
  let fracPart = "";
  if (decimalMark) {
    const i = s.lastIndexOf(decimalMark);
    intPart = s.slice(0, i);
    fracPart = s.slice(i + 1);
    if (!/^\d+$/.test(fracPart) || intPart.includes(decimalMark)) return null;
  }
  const groups = intPart.split(decimalMark === "." ? "," : decimalMark === "," ? "." : /[.,]/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]!) || !groups.slice(1).every((g) => /^\d{3}$/.test(g)))) return null;
  const digits = groups.join("");
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(fracPart ? `${digits}.${fracPart}` : digits);
  return Number.isFinite(n) ? n : null;
}

/**
 * An amount of money in VND as people write it: `1,5 tỷ`, `200 triệu`, `1.500.000.000`,
 * `1 tỷ 200 triệu`, `800tr`, `2.5 billion`, `0`. Returns whole đồng.
 */
export function parseMoney(input: string): Parsed<number> {
  const whole = readMoney(fold(input.normalize("NFKC")));
  if (whole.ok) return whole;
  const folded = fold(input.normalize("NFKC"));
  // A foreign currency is never converted (no exchange rate is ours to choose): asked again in đồng.
  if (/\d/.test(folded) && FOREIGN_CURRENCY.test(folded)) return fail("understand-money-foreign", { typed: tidy(input).slice(0, 60), example: MONEY_EXAMPLE });
  // Inside a sentence: "doanh thu 12,5 tỷ", "khoảng 800 triệu một năm", "revenue in 2025 was 120 billion VND".
  const inner = amountInside(folded);
  if (inner === null || inner === folded) return whole;
  const read = readMoney(inner);
  return read.ok ? understood(read.value) : read;
}

/** Currency words and signs other than the đồng (folded text). */
const FOREIGN_CURRENCY = /(?:^|[\s\d])(?:usd|us\$|eur|euro|euros|jpy|yen|krw|won|cny|rmb|nhan dan te|do la|dollars?|sgd|thb|twd|gbp|bang anh)(?![a-z])|[$€¥₩£]/;

/** The amount in a sentence: the words before the first digit dropped, and a year or "per year" after it. */
function amountInside(folded: string): string | null {
  const text = folded
    .replace(/\b(?:nam|in|for|fy)\s+(?:19|20)\d{2}\b/g, " ")
    .replace(/(?:^|\s)(?:la|was|is|of|khoang|about|around|gan|tam|approx\.?|~)(?=\s)/g, " ");
  const first = text.search(/\d/);
  if (first < 0) return null;
  const before = text.slice(0, first);
  // Words before the number ("doanh thu", "khoảng"), not a sign ("-5 tỷ" is refused as negative).
  if (!/\p{L}/u.test(folded.slice(0, folded.search(/\d/))) || !/^[\p{L}\s:,.()-]*$/u.test(before)) return null;
  let amount = text.slice(first).trim();
  const tail = /(?:\s+(?:vnd|dong|d|viet nam dong|mot nam|moi nam|\/\s*nam|per year|a year|per annum|nam|yearly|annually|a|nhe|roi|thoi)|\s*[.!])$/;
  while (tail.test(amount)) amount = amount.replace(tail, "").trim();
  return amount;
}

function readMoney(folded: string): Parsed<number> {
  let text = folded;
  text = text.replace(/\s*(?:vnd|dong|d)\.?$/, "").trim();
  if (text === "") return fail("val-money-empty", { example: MONEY_EXAMPLE });
  if (/^-/.test(text)) return fail("val-money-negative", { example: MONEY_EXAMPLE });
  const parts: { amount: number; unit: number | null }[] = [];
  PART.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    PART.lastIndex = position;
    const m = PART.exec(text);
    if (!m || m[0].trim() === "") return fail("val-money-invalid", { example: MONEY_EXAMPLE });
    const amount = parseNumber(m[1]!.trim());
    if (amount === null) return fail("val-money-invalid", { example: MONEY_EXAMPLE });
    const unitWord = m[2];
    const unit = unitWord ? (UNITS.find(([u]) => u === unitWord)?.[1] ?? null) : null;
    parts.push({ amount, unit });
    position = PART.lastIndex;
    while (position < text.length && text[position] === " ") position++;
  }
  if (parts.length === 0) return fail("val-money-invalid", { example: MONEY_EXAMPLE });
  if (parts.length > 1) {
    // "1 tỷ 200 triệu": every part needs its unit, from the largest down.
    for (let i = 0; i < parts.length; i++) {
      const unit = parts[i]!.unit;
      if (unit === null || (i > 0 && unit >= parts[i - 1]!.unit!)) return fail("val-money-invalid", { example: MONEY_EXAMPLE });
    }
  }
  const single = parts[0]!;
  if (parts.length === 1 && single.unit === null) {
    if (!Number.isInteger(single.amount)) return fail("val-money-unit", { example: MONEY_EXAMPLE });
    if (single.amount !== 0 && single.amount < BARE_MINIMUM) return fail("val-money-unit", { example: MONEY_EXAMPLE });
  }
  const total = Math.round(parts.reduce((sum, p) => sum + p.amount * (p.unit ?? 1), 0));
  if (!Number.isSafeInteger(total) || total > MAX_MONEY_VND) return fail("val-money-too-large", { example: MONEY_EXAMPLE });
  return ok(total);
}

/** 1_500_000_000 → "1,5 tỷ" / "1.5 billion"; 200_000_000 → "200 triệu"; readable in a summary. */
export function formatMoney(vnd: number, locale: "vi" | "en"): string {
  const fmt = (n: number) => new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 3 }).format(n);
  if (vnd >= 1e9) return `${fmt(vnd / 1e9)} ${locale === "vi" ? "tỷ đồng" : "billion VND"}`;
  if (vnd >= 1e6) return `${fmt(vnd / 1e6)} ${locale === "vi" ? "triệu đồng" : "million VND"}`;
  return `${fmt(vnd)} ${locale === "vi" ? "đồng" : "VND"}`;
}
