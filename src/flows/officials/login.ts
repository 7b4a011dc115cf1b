import { say, type Turn } from "../../core/feature.js";
import { LINK_MINUTES } from "../../services/desk-auth.js";
import type { Ctx } from "../context.js";
import { actingAs, unknownCommand } from "./access.js";

/**
 * /dangnhap (/login): a link to the officials' web desk that works once, for LINK_MINUTES, for
 * this official only. To anyone else: exactly the answer of a command that does not exist.
 */
export async function loginCommand(ctx: Ctx, _args: string, name = "dangnhap"): Promise<Turn> {
  const official = await actingAs(ctx);
  if (!official) return unknownCommand(ctx, name);
  const { token } = await ctx.services.deskAuth.issueLink(official.userKey, ctx.now);
  const url = `${ctx.services.desk.publicUrl}/desk/login?t=${token}`;
  return say(ctx.t("desk-web-login-link", { url, minutes: LINK_MINUTES }));
}
