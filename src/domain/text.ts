/**
 * Folding for matching what people type: lower case, no diacritics (đ → d), single spaces;
 * punctuation is kept (the validators read "1,5 tỷ", "15/3/2019", "P. Trấn Biên"). The one fold
 * of the bot: the FAQ search folds with it too, then keeps only words (knowledge/fold.ts).
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

/**
 * At most `max` UTF-16 units of `text`, never ending in half of a character: a cut through an
 * emoji leaves a lone surrogate, which PostgreSQL refuses in JSON (and shows as garbage anywhere).
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
