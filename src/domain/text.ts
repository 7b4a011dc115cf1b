/**
 * Folding for matching what people type: lower case, no diacritics (đ → d), single spaces.
 * "Phường Trấn Biên" and "phuong  tran bien" fold to the same string.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Trims and collapses runs of whitespace (names and addresses are stored like this). */
export function tidy(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}
