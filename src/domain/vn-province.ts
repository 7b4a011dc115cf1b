import { z } from "zod";

/** One of the 34 provinces and cities since 1/7/2025, with the ones merged into it (for old addresses). */
export const vnProvinceSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(["tinh", "thanh-pho"]),
  mergedFrom: z.array(z.string().min(1)),
  aliases: z.array(z.string().min(1)),
});
export type VnProvince = z.infer<typeof vnProvinceSchema>;
