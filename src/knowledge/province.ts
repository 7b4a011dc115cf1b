import path from "node:path";
import { z } from "zod";
import { timelineSchema } from "../domain/timeline.js";
import { officeHoursSchema } from "../domain/working-days.js";
import { readJsonFile } from "./json-file.js";

/** null = not known yet: the bot says so and points to the unit instead of inventing a value. */
const fillable = z.string().min(1).nullable();

export const provinceSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** Provinces merged into this one on 1/7/2025, if any. */
  mergedFrom: z.array(z.string()).default([]),
  unit: z.object({
    name: z.string().min(1),
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
