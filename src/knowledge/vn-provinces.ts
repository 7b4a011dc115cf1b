import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/** The 34 provinces and cities since 1/7/2025, with the ones merged into each (for old addresses). */
export const vnProvinceSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(["tinh", "thanh-pho"]),
  mergedFrom: z.array(z.string().min(1)),
  aliases: z.array(z.string().min(1)),
});
export type VnProvince = z.infer<typeof vnProvinceSchema>;

export const vnProvincesFileSchema = z.object({
  version: z.literal(1),
  source: z.string().min(1),
  reviewed: z.iso.date(),
  provinces: z.array(vnProvinceSchema).length(34),
});

export class VnProvincesError extends Error {}

export function loadVnProvinces(dataDir: string): VnProvince[] {
  const file = path.join(dataDir, "vn-provinces.json");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new VnProvincesError(`${file}: ${(error as Error).message}`);
  }
  const parsed = vnProvincesFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VnProvincesError(`${file}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data.provinces;
}
