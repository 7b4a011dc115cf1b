import type { Role } from "../core/feature.js";
import type { UserRef } from "../core/types.js";

export interface Roles {
  roleOf(user: UserRef): Role | null;
}

/**
 * Who may use officials' commands. The bootstrap admins come from OFFICIAL_TELEGRAM_IDS; the
 * check runs on the server for every command and button, whatever the client sent.
 */
export function createRoles(bootstrapTelegramAdmins: readonly string[]): Roles {
  const admins = new Set(bootstrapTelegramAdmins);
  return {
    roleOf(user) {
      if (user.channel === "telegram" && admins.has(user.id)) return "admin";
      return null;
    },
  };
}
