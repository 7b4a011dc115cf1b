import { fold } from "./text.js";

/**
 * Sections of the Vietnamese standard industrial classification. Codes are stored with their
 * version (`vsic2018:C`) because VSIC 2025 (22 sections, from 15/11/2025) reuses letters with
 * other meanings (domain.md §4.5, §5.4). Registration papers issued before 15/11/2025 carry VSIC 2018
 * codes; the form asks which version a code comes from.
 */
export const VSIC_VERSIONS = ["vsic2018", "vsic2025"] as const;
export type VsicVersion = (typeof VSIC_VERSIONS)[number];

/** VSIC 2018 (QĐ 27/2018/QĐ-TTg) sections with their two-digit divisions (as in ISIC Rev. 4). */
export const VSIC2018_SECTIONS: readonly { code: string; divisions: readonly [number, number] }[] = [
  { code: "A", divisions: [1, 3] },
  { code: "B", divisions: [5, 9] },
  { code: "C", divisions: [10, 33] },
  { code: "D", divisions: [35, 35] },
  { code: "E", divisions: [36, 39] },
  { code: "F", divisions: [41, 43] },
  { code: "G", divisions: [45, 47] },
  { code: "H", divisions: [49, 53] },
  { code: "I", divisions: [55, 56] },
  { code: "J", divisions: [58, 63] },
  { code: "K", divisions: [64, 66] },
  { code: "L", divisions: [68, 68] },
  { code: "M", divisions: [69, 75] },
  { code: "N", divisions: [77, 82] },
  { code: "O", divisions: [84, 84] },
  { code: "P", divisions: [85, 85] },
  { code: "Q", divisions: [86, 88] },
  { code: "R", divisions: [90, 93] },
  { code: "S", divisions: [94, 96] },
  { code: "T", divisions: [97, 98] },
  { code: "U", divisions: [99, 99] },
];

/**
 * VSIC 2025 (Quyết định 36/2025/QĐ-TTg of 29/9/2025, in force 15/11/2025 — domain.md §4.5): 22 sections
 * A–V with their two-digit divisions, aligned with ISIC Rev. 5. The decision's own text is not on this
 * machine: sections and divisions are those of the third-party table domain.md cites as [S53] (a public
 * TypeScript file "VSIC 2025 — 22 ngành (A-V)", which names the decision and its date) — check against
 * Phụ lục I of the decision before relying on a division's section.
 */
export const VSIC2025_SECTIONS: readonly { code: string; divisions: readonly [number, number] }[] = [
  { code: "A", divisions: [1, 3] },
  { code: "B", divisions: [5, 9] },
  { code: "C", divisions: [10, 33] },
  { code: "D", divisions: [35, 35] },
  { code: "E", divisions: [36, 39] },
  { code: "F", divisions: [41, 43] },
  { code: "G", divisions: [45, 47] },
  { code: "H", divisions: [49, 53] },
  { code: "I", divisions: [55, 56] },
  { code: "J", divisions: [58, 60] },
  { code: "K", divisions: [61, 63] },
  { code: "L", divisions: [64, 66] },
  { code: "M", divisions: [68, 68] },
  { code: "N", divisions: [69, 75] },
  { code: "O", divisions: [77, 82] },
  { code: "P", divisions: [84, 84] },
  { code: "Q", divisions: [85, 85] },
  { code: "R", divisions: [86, 88] },
  { code: "S", divisions: [90, 93] },
  { code: "T", divisions: [94, 96] },
  { code: "U", divisions: [97, 98] },
  { code: "V", divisions: [99, 99] },
];

export const VSIC_SECTIONS: Readonly<Record<VsicVersion, readonly { code: string; divisions: readonly [number, number] }[]>> = {
  vsic2018: VSIC2018_SECTIONS,
  vsic2025: VSIC2025_SECTIONS,
};

/** The stored form: `vsic2018:C`. */
export const VSIC_PATTERN = /^vsic20(18|25):[A-V]$/;

export function vsicCode(version: VsicVersion, section: string): string {
  return `${version}:${section}`;
}

export function vsicSection(code: string): string {
  return code.slice(code.indexOf(":") + 1);
}

/**
 * A VSIC 2018 section from what people type: the letter (`C`, `ngành C`) or a code from their
 * registration papers (`10`, `1079`, `10790`), which names the section by its division.
 */
export function vsic2018SectionOf(input: string): string | null {
  return vsicSectionOf("vsic2018", input);
}

/** A section of `version` from a letter or a code of that version (the same division can be in another section in the other one). */
export function vsicSectionOf(version: VsicVersion, input: string): string | null {
  const sections = VSIC_SECTIONS[version];
  const text = fold(input).replace(/^(nganh|section|ma nganh|ma)\s*/, "").replace(/[\s.:-]/g, "");
  if (/^[a-z]$/.test(text)) return sections.some((s) => s.code === text.toUpperCase()) ? text.toUpperCase() : null;
  if (/^\d{2,5}$/.test(text)) {
    const division = Number(text.slice(0, 2));
    return sections.find((s) => division >= s.divisions[0] && division <= s.divisions[1])?.code ?? null;
  }
  return null;
}

export function vsicVersionOf(code: string): VsicVersion {
  return code.startsWith("vsic2025:") ? "vsic2025" : "vsic2018";
}

/** Sections A–F are NĐ 80/2021's "agriculture, industry and construction"; the rest trade and services (A–F mean the same in both versions). */
export function sizeSectorOfVsic(code: string): "industry" | "trade-services" {
  return "ABCDEF".includes(vsicSection(code)) ? "industry" : "trade-services";
}
