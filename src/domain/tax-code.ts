import { numberSpans, understood } from "./in-sentence.js";
import { fail, ok, type Parsed } from "./result.js";

/** Weights of the check digit on digits 1–9 (domain.md §5.1, python-stdnum vn/mst). */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** An example shown in error messages: a code that passes the check. */
export const TAX_CODE_EXAMPLE = "0314409058";

/** The check digit for the first nine digits, or null when none exists (S mod 11 = 0 gives 10). */
export function taxCheckDigit(first9: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(first9[i]);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/**
 * Mã số doanh nghiệp / MST: 10 digits for a company, 13 (`NNNNNNNNNN-NNN`) for a branch.
 * Spaces, dots and hyphens are tolerated; the stored form is `0314409058` or `0314409058-002`.
 * Digits 1–2 (province at issuance) are not checked against today's provinces: they never change.
 */
export function parseTaxCode(input: string): Parsed<string> {
  const direct = readTaxCode(input);
  if (direct.ok || !/\p{L}/u.test(input)) return direct;
  // Inside a sentence: "mst là 3603295302", "MST cty em 0314 409 058 ạ". One code, or the error of the one number typed.
  const spans = numberSpans(input.normalize("NFKC")).filter((s) => s.replace(/\D/g, "").length >= 8);
  // "0314 409 058" is one code; "0314409058 0100233488" two: a span that is no code is read word by word too.
  const read = spans.flatMap((span) => {
    const whole = readTaxCode(span);
    return whole.ok ? [whole] : [whole, ...span.split(/\s+/).filter((w) => w.length >= 8 && w !== span).map(readTaxCode)];
  });
  const codes = [...new Set(read.flatMap((r) => (r.ok ? [r.value] : [])))];
  if (codes.length === 1) return understood(codes[0]!);
  if (codes.length > 1) return fail("understand-several", { example: TAX_CODE_EXAMPLE });
  return spans.length === 1 ? readTaxCode(spans[0]!) : direct;
}

function readTaxCode(input: string): Parsed<string> {
  const compact = input.normalize("NFKC").replace(/[\s.\-–_]/g, "");
  if (compact === "") return fail("val-tax-empty", { example: TAX_CODE_EXAMPLE });
  if (!/^\d+$/.test(compact)) return fail("val-tax-digits", { example: TAX_CODE_EXAMPLE });
  if (compact.length === 12) return fail("val-tax-personal", { example: TAX_CODE_EXAMPLE });
  if (compact.length !== 10 && compact.length !== 13) {
    return fail("val-tax-length", { count: compact.length, example: TAX_CODE_EXAMPLE });
  }
  const main = compact.slice(0, 10);
  if (main.slice(2, 9) === "0000000") return fail("val-tax-checksum", { example: TAX_CODE_EXAMPLE });
  const check = taxCheckDigit(main.slice(0, 9));
  if (check === null || check !== Number(main[9])) return fail("val-tax-checksum", { example: TAX_CODE_EXAMPLE });
  if (compact.length === 13) {
    const branch = compact.slice(10);
    if (branch === "000") return fail("val-tax-branch", { example: `${TAX_CODE_EXAMPLE}-001` });
    return ok(`${main}-${branch}`);
  }
  return ok(main);
}

/** The stored form: `0314409058` or `0314409058-002`. */
export const TAX_CODE_PATTERN = /^\d{10}(?:-\d{3})?$/;
