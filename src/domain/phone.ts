import { understood } from "./in-sentence.js";
import { fail, ok, type Parsed } from "./result.js";

export const PHONE_EXAMPLE = "0912 345 678";

/**
 * Mobile prefixes in use (domain.md §5.2: Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile,
 * iTel). Prefix lists change, so an unknown one is accepted with a remark, never refused.
 */
const KNOWN_MOBILE_PREFIXES = new Set([
  "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
  "081", "082", "083", "084", "085", "088", "091", "094",
  "070", "076", "077", "078", "079", "089", "090", "093",
  "052", "056", "058", "092",
  "059", "099",
  "087",
]);

/**
 * A Vietnamese mobile (0 + 3/5/7/8/9 + 8 digits) or landline (0 + area code 2xx + subscriber,
 * 11 digits), typed with +84, 84 or 0 and any spaces, dots, dashes or brackets. Stored as
 * E.164: `+84912345678`, `+842513822123`.
 */
export function parsePhone(input: string, options: { foreign?: boolean } = {}): Parsed<string> {
  const whole = readPhone(input, options);
  if (whole.ok || !/\p{L}/u.test(input)) return whole;
  // Inside a sentence: "sđt 0912 345 678 ạ", "my phone is +82 10 1234 5678". Exactly one number.
  const spans = [...input.normalize("NFKC").matchAll(/\+?\d[\d\s.\-()–]{6,}\d/g)].map((m) => m[0]);
  if (spans.length !== 1) return whole;
  const read = readPhone(spans[0]!, options);
  return read.ok ? understood(read.value, read.note) : whole;
}

/** A foreign number in E.164: + country code (not 84) and 8–15 digits in all. */
const FOREIGN = /^\+(?!84)[1-9]\d{7,14}$/;

function readPhone(input: string, options: { foreign?: boolean }): Parsed<string> {
  const compact = input.normalize("NFKC").replace(/[\s.\-()–]/g, "");
  if (compact === "") return fail("val-phone-empty", { example: PHONE_EXAMPLE });
  if (!/^\+?\d+$/.test(compact)) return fail("val-phone-chars", { example: PHONE_EXAMPLE });
  let national: string;
  if (compact.startsWith("+84")) national = `0${compact.slice(3)}`;
  else if (compact.startsWith("+") || (compact.startsWith("00") && !compact.startsWith("0084"))) {
    // A foreign number where the field takes one (the contact of a foreign-invested company): kept as E.164, unchecked.
    const e164 = `+${compact.replace(/^\+|^00/, "")}`;
    if (!options.foreign) return fail("val-phone-foreign", { example: PHONE_EXAMPLE });
    return FOREIGN.test(e164) ? ok(e164, { key: "understand-phone-foreign" }) : fail("val-phone-length", { example: PHONE_EXAMPLE });
  }
  else if (compact.startsWith("0084")) national = `0${compact.slice(4)}`;
  else if (compact.startsWith("84") && (compact.length === 11 || compact.length === 12)) national = `0${compact.slice(2)}`;
  else national = compact;
  // "+84 0912…" is a common way of writing it too.
  if (national.startsWith("00")) national = national.slice(1);

  if (/^0[35789]\d{8}$/.test(national)) {
    const e164 = `+84${national.slice(1)}`;
    if (!KNOWN_MOBILE_PREFIXES.has(national.slice(0, 3))) return ok(e164, { key: "val-phone-unknown-prefix", args: { prefix: national.slice(0, 3) } });
    return ok(e164);
  }
  if (/^02\d{9}$/.test(national)) return ok(`+84${national.slice(1)}`);
  if (/^0[35789]\d*$/.test(national) || /^02\d*$/.test(national)) {
    return fail("val-phone-length", { example: PHONE_EXAMPLE });
  }
  return fail("val-phone-invalid", { example: PHONE_EXAMPLE });
}

/** `+84912345678` → `0912 345 678`; `+842513822123` → `0251 3822 123` (how people read them here). */
export function formatPhone(e164: string): string {
  if (!e164.startsWith("+84")) return e164;
  const national = `0${e164.slice(3)}`;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (national.length === 11) return `${national.slice(0, 4)} ${national.slice(4, 8)} ${national.slice(8)}`;
  return national;
}

/** Stored: a Vietnamese number (+84…), or a foreign one in E.164 where the field takes it. */
export const PHONE_PATTERN = /^(?:\+84\d{9,10}|\+(?!84)[1-9]\d{7,14})$/;
