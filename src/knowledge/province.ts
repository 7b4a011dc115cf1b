import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { timelineSchema } from "./timeline.js";

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
  source: z.string().min(1),
  reviewed: z.iso.date(),
});
export type Province = z.infer<typeof provinceSchema>;

export class ProvinceError extends Error {}

/** Loads `data/provinces/<id>.json`; a missing or invalid file stops the start with its name. */
export function loadProvince(dataDir: string, id: string): Province {
  const file = path.join(dataDir, "provinces", `${id}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProvinceError(code === "ENOENT" ? `${file} does not exist (PROVINCE=${id})` : `${file} is not valid JSON (${(error as Error).message})`);
  }
  const parsed = provinceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ProvinceError(`${file}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`);
  }
  if (parsed.data.id !== id) throw new ProvinceError(`${file}: id is ${parsed.data.id}, expected ${id}`);
  return parsed.data;
}
