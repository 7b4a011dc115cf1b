import { AUDIT_ACTIONS } from "../../domain/records/audit-entry.js";
import type { Ctx } from "../context.js";

type BroadcastAction = "broadcastCreated" | "broadcastPaused" | "broadcastResumed" | "broadcastCancelled";

/** What an official did to an announcement, in the audit trail beside dossier changes (in the turn's unit of work). */
export async function auditBroadcast(ctx: Ctx, action: BroadcastAction, jobId: string, detail: string | null = null): Promise<void> {
  const role = await ctx.services.roles.roleOf(ctx.user);
  await ctx.services.audit.record({
    at: ctx.now.toISOString(),
    action: AUDIT_ACTIONS[action],
    actor: { userKey: ctx.userKey, role: role ?? "official" },
    subject: jobId,
    detail: detail?.slice(0, 500) ?? null,
  });
}
