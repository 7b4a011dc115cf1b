import type { Locale } from "../core/types.js";

/**
 * Which language a free-text message looks written in: English words against Vietnamese
 * syllables, with or without diacritics ("cho hoi giai thuong" is Vietnamese). Pure and cheap;
 * null when the message does not say (a number, a code, "ok", an acronym, a tie).
 *
 * How it weighs the words:
 * - a word with Vietnamese letters or tone marks (ă â đ ê ô ơ ư, à á ả ã ạ…) counts 2 for Vietnamese;
 * - a plain word that cannot be a Vietnamese syllable (onset + vowels + final) counts 1 for English
 *   ("register", "what", "award");
 * - a plain word that can be one counts 1 for Vietnamese ("toi", "giai"), unless it is a common
 *   English word that happens to fit the pattern ("the", "can", "do", "you"), which counts for English;
 * - words without a vowel ("mst", "dk", "k"), words with digits (codes, years), acronyms in capitals
 *   and words both sides use ("ok", "hello", "menu", "iso", "haccp") count for neither.
 */
export function textLanguage(text: string): Locale | null {
  if (/^\s*\//.test(text)) return null; // a command: its name is neither
  let en = 0;
  let vi = 0;
  // Addresses say nothing about the language: e-mail, web addresses, domain names.
  const words = text.normalize("NFC").replace(/\S+@\S+|(?:https?:\/\/|www\.)\S+|\S+\.(?:com|vn|net|org|gov|edu)\b\S*/giu, " ");
  for (const token of words.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []) {
    if (/\p{N}/u.test(token) || token.length > 20) continue; // codes, years; no word of either is this long
    if (token.length > 1 && token === token.toUpperCase()) continue; // GTCLQG, HACCP, TNHH
    const word = token.toLowerCase();
    if (VIETNAMESE_LETTERS.test(word)) {
      vi += 2;
      continue;
    }
    if (!/^[a-z'’-]+$/.test(word)) continue; // another script: says nothing about these two
    const bare = word.replace(/['’-]/g, "");
    if (NEUTRAL.has(bare) || !/[aeiouy]/.test(bare)) continue;
    if (ENGLISH_LOOKALIKES.has(bare)) en += 1;
    else if (VIETNAMESE_SYLLABLE.test(bare) && !/['’-]/.test(word)) vi += 1;
    else en += 1;
  }
  if (en > vi) return "en";
  if (vi > en) return "vi";
  return null;
}

/** True when the message looks written in English (see textLanguage). */
export function looksEnglish(text: string): boolean {
  return textLanguage(text) === "en";
}

/** Letters and tone marks that only Vietnamese (of the two) writes. */
const VIETNAMESE_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/u;

/** One Vietnamese syllable written without diacritics: onset, one to three vowels, final. */
const VIETNAMESE_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?[aeiouy]{1,3}(?:ng|nh|ch|c|m|n|p|t)?$/;

/** Common English words that also fit the Vietnamese syllable pattern. */
const ENGLISH_LOOKALIKES = new Set([
  "a", "i", "the", "to", "do", "can", "me", "my", "you", "by", "go", "so", "he", "be", "see", "get", "an", "in", "on", "at",
  "it", "up", "into", "am", "much", "ten", "pay", "may", "day", "say", "yet", "via", "per", "due", "top", "tip", "key",
  "cap", "cat", "bit", "big", "set", "let", "put", "sent", "send", "lot", "not", "one",
]);

/** Words both languages' writers use, and other words that say nothing. */
const NEUTRAL = new Set([
  "ok", "okay", "oke", "okie", "hello", "hey", "menu", "email", "mail", "web", "website", "zalo", "telegram", "facebook",
  "iso", "haccp", "vietgap", "globalgap", "ocop", "kpi", "tcvn", "online", "file", "pdf", "link", "ak", "uh", "uhm", "hmm", "hi",
  "alo", "bye",
]);
