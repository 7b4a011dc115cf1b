import { LOCALES, type Locale } from "../../core/types.js";

/**
 * The language the chat page first shows its own words in, from the browser's Accept-Language
 * ("en-GB,en;q=0.9,vi;q=0.8"): the most wanted of ours, else `fallback`. After the first reply the
 * page follows the session's language instead (chosen with /language, or guessed from its text).
 */
export function pageLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.q > 0 && (LOCALES as readonly string[]).includes(w.primary))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (wanted[0]?.primary as Locale | undefined) ?? fallback;
}

/** The locale keys of the page's own words (header, composer, upload control, errors): served to it as JSON on a switch. */
export const PAGE_TEXT_KEYS = [
  "web-title",
  "web-subtitle",
  "web-placeholder",
  "web-send",
  "web-busy",
  "web-error",
  "web-log-label",
  "web-attach",
  "web-attach-label",
  "web-uploading",
  "file-too-large",
  "file-empty",
  "file-type-unsupported",
  "file-rules",
] as const;
