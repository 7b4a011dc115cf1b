import path from "node:path";
import { z } from "zod";
import { vnProvinceSchema, type VnProvince } from "../domain/vn-province.js";
import { loadJsonFile } from "./json-file.js";

/** data/vn-provinces.json: the 34 provinces and cities since 1/7/2025. */
export const vnProvincesFileSchema = z.object({
  version: z.literal(1),
  source: z.string().min(1),
  reviewed: z.iso.date(),
  provinces: z.array(vnProvinceSchema).length(34),
});

export class VnProvincesError extends Error {}

export function loadVnProvinces(dataDir: string): VnProvince[] {
  return loadJsonFile(path.join(dataDir, "vn-provinces.json"), vnProvincesFileSchema, (m) => new VnProvincesError(m)).provinces;
}
