import { z } from "zod";
import type { Role } from "../../core/feature.js";

export const ROLES = ["official", "admin"] as const satisfies readonly Role[];

/** A role given in the bot (`/quyen`): who gave it and when. Revoking deletes it; the audit log keeps both. */
export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  grantedBy: z.string().min(3).max(200),
  grantedAt: z.iso.datetime(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;
