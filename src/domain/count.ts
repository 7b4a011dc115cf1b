import { numberSpans, understood } from "./in-sentence.js";
import { parseNumber } from "./money.js";
import { fail, ok, type Parsed } from "./result.js";
import { fold } from "./text.js";

export const COUNT_EXAMPLE = "45";

/** A head count as typed: "45", "khoảng 120 người", "1.200 lao động", "~30". */
export function parseCount(input: string): Parsed<number> {
  const whole = readCount(input);
  if (whole.ok || !/\p{L}/u.test(input)) return whole;
  // Inside a sentence: "công ty có 45 lao động đóng BHXH", "we have 85 staff". Exactly one number.
  const numbers = numberSpans(fold(input.normalize("NFKC")), /[.,]/).filter((n) => !/^(?:19|20)\d{2}$/.test(n));
  if (numbers.length !== 1) return whole;
  const read = readCount(numbers[0]!);
  return read.ok ? understood(read.value) : read;
}

function readCount(input: string): Parsed<number> {
  const text = fold(input.normalize("NFKC"))
    .replace(/^(khoang|gan|tam|chung|about|around|approx\.?|~)\s*/, "")
    .replace(/\s*(nguoi|lao dong|nhan vien|nv|ld|people|persons|employees|staff)\.?$/, "")
    .trim();
  if (text === "") return fail("val-count-empty", { example: COUNT_EXAMPLE });
  if (/^-/.test(text)) return fail("val-count-negative", { example: COUNT_EXAMPLE });
  const n = parseNumber(text);
  if (n === null) return fail("val-count-invalid", { example: COUNT_EXAMPLE });
  if (!Number.isInteger(n)) return fail("val-count-whole", { example: COUNT_EXAMPLE });
  if (n > 10_000_000) return fail("val-count-too-large", { example: COUNT_EXAMPLE });
  return ok(n);
}
