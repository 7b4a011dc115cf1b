import { PROGRAMMES, type Programme } from "../../domain/programmes.js";
import { STATUSES, type StatusId } from "../../domain/statuses.js";
import { fold } from "../../domain/text.js";
import type { Locale } from "../../core/types.js";

/**
 * Words officials type after /thongke and /xuat (and the CLI's options), in any order:
 * a programme (`gtclqg`, `gt`, `nscl`, `ns`), an award year (`2026`), a status (its id such as
 * `needs-supplement`, or its label without diacritics, `can-bo-sung-ho-so`; `dang-xu-ly`/`open`
 * for every status still moving), a format (`xlsx`, `excel`, `csv`).
 */
export interface DeskArgs {
  programme?: Programme;
  year?: number;
  status?: StatusId | "open";
  format?: "xlsx" | "csv";
  unknown: string[];
}

const PROGRAMME_WORDS: Record<string, Programme> = { gtclqg: "gtclqg", gt: "gtclqg", giaithuong: "gtclqg", award: "gtclqg", nscl: "nscl", ns: "nscl" };
const OPEN_WORDS = new Set(["open", "dang-xu-ly", "dangxuly"]);
const ALL_WORDS = new Set(["all", "tat-ca", "tatca"]);

/** A status by its id or its label in either language, folded and hyphenated: "Cần bổ sung hồ sơ" → `can-bo-sung-ho-so`. */
export function statusWord(word: string, label: (locale: Locale, key: string) => string): StatusId | undefined {
  const w = fold(word).replace(/[\s_]+/g, "-");
  for (const programme of PROGRAMMES) {
    for (const info of STATUSES[programme]) {
      if (info.id === w) return info.id;
      for (const locale of ["vi", "en"] as const) if (fold(label(locale, info.labelKey)).replace(/\s+/g, "-") === w) return info.id;
    }
  }
  return undefined;
}

export function parseDeskArgs(text: string, label: (locale: Locale, key: string) => string): DeskArgs {
  const out: DeskArgs = { unknown: [] };
  for (const raw of text.trim().split(/\s+/).filter(Boolean)) {
    const w = fold(raw);
    if (PROGRAMME_WORDS[w]) out.programme = PROGRAMME_WORDS[w];
    else if (/^(19|20|21)\d{2}$/.test(w)) out.year = Number(w);
    else if (w === "xlsx" || w === "excel") out.format = "xlsx";
    else if (w === "csv") out.format = "csv";
    else if (OPEN_WORDS.has(w)) out.status = "open";
    else if (ALL_WORDS.has(w)) continue;
    else {
      const status = statusWord(raw, label);
      if (status) out.status = status;
      else out.unknown.push(raw);
    }
  }
  return out;
}
