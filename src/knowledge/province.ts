import path from "node:path";
import { z } from "zod";
import { timelineSchema } from "../domain/timeline.js";
import { officeHoursSchema } from "../domain/working-days.js";
import { readJsonFile } from "./json-file.js";
import { toPlainText, type Markup } from "../core/markup.js";
import type { MessageArgs } from "../core/i18n.js";

/** null = not known yet: the bot says so and points to the unit instead of inventing a value. */
const fillable = z.string().min(1).nullable();

export const provinceSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** Provinces merged into this one on 1/7/2025, if any. */
  mergedFrom: z.array(z.string()).default([]),
  unit: z.object({
    /**
     * The unit's name after the 2025 mergers, once an official has confirmed it; null = not confirmed
     * yet: users are told "the unit in charge at the provincial Department" (`unitDisplayName`), never
     * a made-up name.
     */
    name: fillable,
    parent: z.string().min(1),
    address: fillable,
    phone: fillable,
    email: fillable,
    website: fillable,
  }),
  /**
   * The HĐND resolution that sets NSCL co-funding rates in this province; null = not known (the bot
   * says so and who to ask). Rates themselves are never stored: they are not known.
   */
  coFunding: z
    .object({ resolution: z.object({ vi: z.string().min(1), en: z.string().min(1) }).nullable(), source: z.string().min(1) })
    .optional(),
  timeline: timelineSchema,
  /** The unit's office week and hours, with their source; null = not known ("the next working day", no date). */
  officeHours: officeHoursSchema.nullable().default(null),
  source: z.string().min(1),
  reviewed: z.iso.date(),
});
export type Province = z.infer<typeof provinceSchema>;

export class ProvinceError extends Error {}

/** Loads `data/provinces/<id>.json`; a missing or invalid file stops the start with its name. */
export function loadProvince(dataDir: string, id: string): Province {
  const file = path.join(dataDir, "provinces", `${id}.json`);
  const read = readJsonFile(file, provinceSchema);
  if (!read.ok) {
    if (read.problem === "missing") throw new ProvinceError(`${file} does not exist (PROVINCE=${id})`);
    throw new ProvinceError(read.problem === "not-json" ? `${file} is not valid JSON (${read.message})` : `${file}: ${read.message}`);
  }
  if (read.value.id !== id) throw new ProvinceError(`${file}: id is ${read.value.id}, expected ${id}`);
  return read.value;
}

/** A unit name nobody has filled in ("…", "TODO", "<tên đơn vị>"): `kb check` refuses it; shown, it would look real. */
export function isPlaceholderName(name: string): boolean {
  return /…|\.\.\.|<|>|\btodo\b|\bxxx\b|\btbd\b/i.test(name) || name.trim().length < 3;
}

/** The unit's name as set by an official, or null while it is not confirmed. */
export function confirmedUnitName(province: Province): string | null {
  const name = province.unit.name;
  return name === null || isPlaceholderName(name) ? null : name;
}

/**
 * The unit as users are told about it, in the language of `t`: its name (`full`: with its parent
 * Sở) once an official has set it, else "đơn vị phụ trách của Sở Khoa học và Công nghệ tỉnh …" —
 * the one place that decides, for the welcome, consent, contacts, notices, signatures and exports.
 */
export function unitDisplayName(province: Province, t: (key: string, args?: MessageArgs) => Markup, form: "short" | "full" = "short"): Markup {
  const name = confirmedUnitName(province);
  if (name === null) return t("unit-name-fallback", { province: province.name });
  return form === "full" ? t("unit-name-full", { unit: name, parent: province.unit.parent }) : t("unit-name-short", { unit: name });
}

/** The same as plain text (a file's metadata, a log line). */
export function unitDisplayText(province: Province, t: (key: string, args?: MessageArgs) => Markup, form: "short" | "full" = "short"): string {
  return toPlainText(unitDisplayName(province, t, form));
}
