import { allowed, say, type Audience, type Turn } from "../../core/feature.js";
import type { OfficialActor } from "../../services/workflow.js";
import type { Ctx } from "../context.js";

/**
 * The role of the person acting, asked of the roles service again at the moment a handler acts —
 * not taken from when a button was shown. null = not (or no longer) allowed.
 */
export async function actingAs(ctx: Ctx, audience: Exclude<Audience, "everyone"> = "official"): Promise<OfficialActor | null> {
  const role = await ctx.services.roles.roleOf(ctx.user);
  return role && allowed(audience, role) ? { userKey: ctx.userKey, role } : null;
}

/** Exactly what the dispatcher answers a command that does not exist. */
export function unknownCommand(ctx: Ctx, name: string): Turn {
  return say(ctx.t("unknown-command", { command: `/${name}` }), ctx.menu());
}

/** Exactly what the dispatcher answers button data no route takes. */
export function invalidButton(ctx: Ctx): Turn {
  return say(ctx.t("button-not-valid"), ctx.menu());
}
