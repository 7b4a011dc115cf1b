import { PROGRAMME_INFO, PROGRAMMES, type Programme } from "./programmes.js";

/** GT-2026-0042: programme prefix, award year, a sequence per programme and year (4 digits, more when needed). */
export const TRACKING_CODE_PATTERN = /^(GT|NS)-(\d{4})-(\d{4,6})$/;

export function formatTrackingCode(programme: Programme, year: number, sequence: number): string {
  return `${PROGRAMME_INFO[programme].codePrefix}-${year}-${String(sequence).padStart(4, "0")}`;
}

/** Tolerant reading of a code someone typed: "gt-2026-42", "GT 2026 0042", "gt2026-0042". */
export function parseTrackingCode(input: string): { code: string; programme: Programme; year: number; sequence: number } | null {
  const m = /^\s*(gt|ns)[\s\-_.]*(\d{4})[\s\-_.]*(\d{1,6})\s*$/i.exec(input.normalize("NFKC"));
  if (!m) return null;
  const prefix = m[1]!.toUpperCase();
  const programme = PROGRAMMES.find((p) => PROGRAMME_INFO[p].codePrefix === prefix);
  const sequence = Number(m[3]);
  if (!programme || sequence < 1) return null;
  const year = Number(m[2]);
  return { code: formatTrackingCode(programme, year, sequence), programme, year, sequence };
}

/**
 * The start of a tracking code an official typed to list the codes that begin with it: "GT-2026"
 * (every award dossier of 2026), "gt 2026 00", "NS", "ns-202". Normalised to how codes are written
 * ("GT-2026-00"); null when it is not the start of a code (a whole code is `parseTrackingCode`'s).
 */
export function parseCodePrefix(input: string): string | null {
  const m = /^\s*(gt|ns)(?:[\s\-_.]*(\d{1,4})(?:[\s\-_.]+(\d{1,6}))?)?[\s\-_.]*$/i.exec(input.normalize("NFKC"));
  if (!m) return null;
  const [, programme, year, sequence] = m;
  if (sequence !== undefined && year!.length < 4) return null;
  return [programme!.toUpperCase(), year, sequence].filter((p) => p !== undefined).join("-");
}
