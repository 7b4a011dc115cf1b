import type { MessageRef } from "../core/i18n.js";
import { ok, type Parsed } from "./result.js";

/**
 * Reading a value inside a sentence ("mst là 0314409058", "thành lập năm 2019", "doanh thu 12,5 tỷ"):
 * the helpers the validators share. A validator that had to look inside the sentence says so with
 * the note `UNDERSTOOD`, and the form shows what it understood ("Trợ lý hiểu: …").
 */
export const UNDERSTOOD: MessageRef = { key: "understand-understood" };

/** The value, marked as found inside a sentence (a validator's own remark wins: it says more). */
export function understood<T>(value: T, note?: MessageRef): Parsed<T> {
  return ok(value, note ?? UNDERSTOOD);
}

export function isUnderstood(note: MessageRef | undefined): boolean {
  return note?.key === UNDERSTOOD.key;
}

/**
 * Lower case without diacritics, one character for one character (so a match in the folded text
 * cuts the original at the same place). Characters that would fold to several are kept lower-cased.
 */
export function foldSameLength(text: string): string {
  let out = "";
  for (const c of text) {
    const f = c.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
    out += f.length === c.length ? f : c.length === c.toLowerCase().length ? c.toLowerCase() : c;
  }
  return out;
}

/** Words that lead into an answer: interjections, "để/ghi", the field's own name, pronouns (folded). */
const LEAD_WORDS = new Set([
  // interjections and fillers
  "a", "u", "uh", "um", "o", "ok", "oke", "okay", "vang", "da", "thoi", "ah", "oh", "well", "so", "roi", "vay", "nhe",
  // "let it be", "write", "change to"
  "de", "cho", "ghi", "sua", "doi", "lay", "dien", "thanh", "lai", "giup", "em", "toi", "minh", "ben", "chung", "cua",
  "con", "thi", "ten", "goi",
  // the things asked
  "san", "pham", "cong", "ty", "cty", "dn", "doanh", "nghiep", "don", "vi", "to", "chuc", "co", "so", "htx", "hop", "tac", "xa",
  "nguoi", "lien", "he", "vu", "tri", "danh", "nhu", "cau", "chinh", "dang", "ky",
  // English
  "my", "our", "the", "name", "names", "company", "companys", "product", "products", "position", "title", "job", "contact",
  "person", "main", "it", "its", "we", "i", "need", "organisation", "organization", "full",
]);
/** Where the lead-in ends: "là", "is", "am", a colon or a dash. */
const ANCHOR = /^(.*?)(?:\s+(?:la|is|am|are|:)\s+|\s*[:–-]\s+)/;

/**
 * "à thôi để sản phẩm là Nước mắm cá cơm Xanh" → "Nước mắm cá cơm Xanh"; "tên công ty: Công ty A"
 * → "Công ty A"; "my name is John Smith" → "John Smith". Only when every word before "là"/"is"/":"
 * is a lead-in word — "Nước mắm là số 1" stays as typed. Null when there is no lead-in.
 */
export function withoutLeadIn(text: string): string | null {
  const folded = foldSameLength(text);
  const m = ANCHOR.exec(folded);
  if (!m) return null;
  const words = m[1]!.replace(/[,.!'’]/g, " ").split(/\s+/).filter(Boolean);
  if (words.length === 0 || !words.every((w) => LEAD_WORDS.has(w))) return null;
  const rest = text.slice(m[0].length).trim();
  return rest === "" ? null : rest;
}

/** Spans of digits in a text, with the separators people put inside numbers (spaces, dots, dashes). */
export function numberSpans(text: string, separators = /[\s.\-–]/): string[] {
  const out: string[] = [];
  let current = "";
  const chars = [...text];
  chars.forEach((c, i) => {
    if (/\d/.test(c)) current += c;
    else if (current && separators.test(c) && /\d/.test(chars[i + 1] ?? "")) current += c;
    else {
      if (current) out.push(current);
      current = "";
    }
  });
  if (current) out.push(current);
  return out;
}
