import { understood, withoutLeadIn } from "./in-sentence.js";
import { fail, ok, type Parsed } from "./result.js";
import { tidy } from "./text.js";

/** Free text that must say something: at least `min` characters with a letter, at most `max`. */
export function parseLabel(input: string, min: number, max: number, example: string): Parsed<string> {
  const text = tidy(input.normalize("NFKC"));
  if (text.length < min || !/\p{L}/u.test(text)) return fail("val-text-short", { min, example });
  if (text.length > max) return fail("val-text-long", { max, example });
  return ok(text);
}

export const ORG_NAME_EXAMPLE = "Công ty TNHH Sản xuất Minh An";
export const PERSON_EXAMPLE = "Nguyễn Thị Lan";
export const POSITION_EXAMPLE = "Trưởng phòng Quản lý chất lượng";
export const PRODUCT_EXAMPLE = "Gạch ốp lát men bóng";
export const NEED_EXAMPLE = "Áp dụng ISO 9001 và 5S cho xưởng sản xuất";

/**
 * Free text, cleaned of a lead-in ("à thôi để sản phẩm là Nước mắm cá cơm Xanh" → "Nước mắm cá
 * cơm Xanh", marked as understood so the user sees what is kept); otherwise as typed.
 */
function withoutLead(parse: (input: string) => Parsed<string>): (input: string) => Parsed<string> {
  return (input) => {
    const rest = withoutLeadIn(tidy(input.normalize("NFKC")));
    const cleaned = rest === null ? null : parse(rest);
    return cleaned?.ok ? understood(cleaned.value, cleaned.note) : parse(input);
  };
}

export const parseOrgName = withoutLead((input) => parseLabel(input, 2, 300, ORG_NAME_EXAMPLE));
/** A person's name: letters, spaces and the few marks names carry; no digits. */
export const parsePersonName = withoutLead((input) => {
  const result = parseLabel(input, 2, 120, PERSON_EXAMPLE);
  if (result.ok && /\d/.test(result.value)) return fail("val-person-digits", { example: PERSON_EXAMPLE });
  return result;
});
export const parsePosition = withoutLead((input) => parseLabel(input, 2, 120, POSITION_EXAMPLE));
export const parseProduct = withoutLead((input) => parseLabel(input, 2, 300, PRODUCT_EXAMPLE));
export const parseNeed = withoutLead((input) => parseLabel(input, 10, 2000, NEED_EXAMPLE));
