import { parseNumber } from "./money.js";
import { fail, ok, type Parsed } from "./result.js";
import { fold } from "./text.js";

export const COUNT_EXAMPLE = "45";

/** A head count as typed: "45", "khoảng 120 người", "1.200 lao động", "~30". */
export function parseCount(input: string): Parsed<number> {
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
