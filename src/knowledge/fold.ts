import { fold } from "../domain/text.js";

/**
 * The search's folding: the one `fold` (domain/text.ts: lower case, diacritics removed, đ→d) and
 * then words only — "%" and "&" read as the words they stand for, a dot or comma inside a number
 * kept in it ("2.001269", "1.000"), every other non-letter/digit a space. Done once per text:
 * the knowledge base at load and each question are folded the same way before they meet.
 */
export function foldForSearch(text: string): string {
  return fold(text)
    .replace(/%/g, " phan tram ")
    .replace(/&/g, " va ")
    .replace(/(\d)[.,](?=\d)/g, "$1")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Folded words; a question longer than `max` words keeps only its first `max` (bounded work). */
export function foldedWords(text: string, max = 80): string[] {
  const folded = foldForSearch(text);
  if (folded === "") return [];
  const words = folded.split(" ");
  return words.length > max ? words.slice(0, max) : words;
}
