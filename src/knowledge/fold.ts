/**
 * Vietnamese-aware folding, done once per text: lower case, diacritics removed (NFD + strip marks),
 * đ→d, every other non-letter/digit a space. Users often type without diacritics; both the
 * knowledge base and the question are folded the same way before they meet.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/%/g, " phan tram ")
    .replace(/&/g, " va ")
    // "2.001269", "1.000": a dot inside a number is part of it.
    .replace(/(\d)[.,](?=\d)/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Folded words; a question longer than `max` words keeps only its first `max` (bounded work). */
export function foldedWords(text: string, max = 80): string[] {
  const folded = fold(text);
  if (folded === "") return [];
  const words = folded.split(" ");
  return words.length > max ? words.slice(0, max) : words;
}
