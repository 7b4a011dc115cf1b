import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { raw } from "../../core/i18n.js";
import { buttonRoute, say, type ButtonRoute, type Turn } from "../../core/feature.js";
import type { Role } from "../../core/feature.js";
import { joinMarkup } from "../../core/markup.js";
import type { Button, OutboundMessage } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { fold } from "../../domain/text.js";
import { parseRoleTarget, type RoleHolder } from "../../services/roles.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { actingAs, invalidButton, unknownCommand } from "./access.js";
import { personName, plain } from "./case-view.js";

/**
 * `rq:r:<user key>` asks to confirm a revocation, `rq:ry:<user key>` does it, `rq:no` keeps it.
 * A user key has a colon (`telegram:777`), so it is the last field, whole; `parseRoleTarget` checks it.
 */
export const rolesButton = buttonCodec("rq", z.union([z.tuple([z.literal("no")]), z.tuple([z.enum(["r", "ry"]), z.string().min(1)])]), { maxFields: 2 });

const GRANT_WORDS = new Set(["cap", "grant", "them", "add"]);
const REVOKE_WORDS = new Set(["thu", "revoke", "xoa", "remove"]);
const ROLE_WORDS: Record<string, Role> = { canbo: "official", "can-bo": "official", official: "official", quantri: "admin", "quan-tri": "admin", admin: "admin" };

/** A person of this list by name (never their account id), the role wording the fallback. */
async function nameOf(ctx: Ctx, userKey: string, role: Role | "official" = "official"): Promise<string> {
  return personName(ctx, userKey, role, await ctx.services.users.names([userKey]));
}

function holderLine(ctx: Ctx, h: RoleHolder, seen: boolean, names: ReadonlyMap<string, string>): ReturnType<Ctx["t"]> {
  const role = raw(ctx.t(`export-role-${h.role}`));
  const user = personName(ctx, h.userKey, h.role, names);
  if (h.bootstrap) return ctx.t("roles-line-bootstrap", { user, role });
  const by = h.grantedBy ? personName(ctx, h.grantedBy, "admin", names) : "";
  return ctx.t(seen ? "roles-line" : "roles-line-unseen", { user, role, by, at: formatDateTime(h.grantedAt ?? "", ctx.locale) });
}

async function list(ctx: Ctx, lead?: ReturnType<Ctx["t"]>): Promise<Turn> {
  const holders = await ctx.services.roles.holders();
  const seen = await Promise.all(holders.map(async (h) => (await ctx.services.users.get(h.userKey)) !== undefined));
  const names = await ctx.services.users.names(holders.flatMap((h) => [h.userKey, ...(h.grantedBy ? [h.grantedBy] : [])]));
  const buttons: Button[][] = holders
    .filter((h) => !h.bootstrap && h.userKey !== ctx.userKey)
    .slice(0, 20)
    .map((h) => [{ label: plain(ctx.t("roles-button-revoke", { user: personName(ctx, h.userKey, h.role, names) })), data: rolesButton.encode(["r", h.userKey]) }]);
  const text = joinMarkup([...(lead ? [lead] : []), ctx.t("roles-head", { count: holders.length }), ...holders.map((h, i) => holderLine(ctx, h, seen[i]!, names)), ctx.t("roles-usage")], "\n");
  return say(text, buttons.length ? buttons : undefined);
}

/** /quyen (/roles): who holds a role; `/quyen cap <id> [canbo|quantri]`, `/quyen thu <id>`. Admins only. */
export async function rolesCommand(ctx: Ctx, args: string): Promise<Turn> {
  const admin = await actingAs(ctx, "admin");
  if (!admin) return unknownCommand(ctx, "quyen");
  const words = args.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return list(ctx);
  const verb = fold(words[0]!);
  const target = words[1] ? parseRoleTarget(words[1]) : null;
  if (!target || (!GRANT_WORDS.has(verb) && !REVOKE_WORDS.has(verb)) || words.length > 3) return say(ctx.t("roles-usage"));
  if (!target.ok) return say(ctx.t(target.error.key, target.error.args));
  if (REVOKE_WORDS.has(verb)) {
    if (words.length > 2) return say(ctx.t("roles-usage"));
    return revoke(ctx, target.userKey);
  }
  const role = words[2] ? ROLE_WORDS[fold(words[2]).replace(/\s+/g, "-")] : "official";
  if (!role) return say(ctx.t("roles-usage"));
  const result = await ctx.services.roles.grant(target.userKey, role, admin.userKey, ctx.now);
  if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
  const seen = (await ctx.services.users.get(target.userKey)) !== undefined;
  // Never written to the bot: the id as the administrator typed it, to check it (it names nobody yet).
  const user = seen ? await nameOf(ctx, target.userKey, role) : words[1]!;
  return withNotice(ctx, target.userKey, role, await list(ctx, ctx.t(seen ? "roles-granted" : "roles-granted-unseen", { user, role: raw(ctx.t(`export-role-${role}`)) })));
}

/**
 * The person whose role changed is told on their own channel, in their language, once the change
 * is written: what they can do now (their commands, short) or that the officials' commands are
 * gone. The administrator then hears whether it reached them.
 */
async function roleNotice(ctx: Ctx, userKey: string, role: Role | null): Promise<OutboundMessage> {
  const locale = (await ctx.services.users.get(userKey))?.locale ?? ctx.locale;
  const t = (key: string, args?: Parameters<Ctx["t"]>[1]) => ctx.tIn(locale, key, args);
  // In the person's own language: the display name is built with their translator.
  const unit = raw(unitDisplayName(ctx.services.province, t, "short"));
  if (role === null) return { text: t("role-notice-revoked", { unit }) };
  // The commands that role opens, from the features themselves (the administrator granting holds them all).
  const opened = ctx.commands().filter((c) => c.audience === "official" || (role === "admin" && c.audience === "admin"));
  const lines = opened.map((c) => t("help-command-line", { commands: `/${locale === "en" ? c.names[c.names.length - 1] : c.names[0]}`, description: raw(t(c.descriptionKey)) }));
  return { text: joinMarkup([t("role-notice-granted", { role: raw(t(`officials-role-${role}`)), unit }), joinMarkup(lines), t("role-notice-footer")], "\n\n") };
}

async function withNotice(ctx: Ctx, userKey: string, role: Role | null, turn: Turn): Promise<Turn> {
  const notice = await roleNotice(ctx, userKey, role);
  const sep = userKey.indexOf(":");
  const [channel, id] = [userKey.slice(0, sep), userKey.slice(sep + 1)];
  return {
    ...turn,
    afterCommit: async () => {
      const outcome = await ctx.services.outbox.send(channel, id, [notice]);
      return [{ text: outcome.ok ? ctx.t("role-notice-sent") : ctx.t("role-notice-failed", { reason: outcome.reason }) }];
    },
  };
}

async function revoke(ctx: Ctx, userKey: string): Promise<Turn> {
  const admin = await actingAs(ctx, "admin");
  if (!admin) return invalidButton(ctx);
  const result = await ctx.services.roles.revoke(userKey, admin.userKey, ctx.now);
  if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
  return withNotice(ctx, userKey, null, await list(ctx, ctx.t("roles-revoked", { user: await nameOf(ctx, userKey, result.holder.role), role: raw(ctx.t(`export-role-${result.holder.role}`)) })));
}

async function onRolesButton(ctx: Ctx, value: ButtonValue<typeof rolesButton>): Promise<Turn> {
  if (!(await actingAs(ctx, "admin"))) return invalidButton(ctx);
  if (value[0] === "no") return say(ctx.t("roles-kept"));
  const [verb, key] = value;
  const target = parseRoleTarget(key);
  if (!target.ok) return invalidButton(ctx);
  if (verb === "ry") return revoke(ctx, target.userKey);
  const role = await ctx.services.roles.roleOfKey(target.userKey);
  if (!role) return say(ctx.t("roles-none", { user: await nameOf(ctx, target.userKey) }));
  return say(ctx.t("roles-confirm-revoke", { user: await nameOf(ctx, target.userKey, role), role: raw(ctx.t(`export-role-${role}`)) }), [
    [
      { label: plain(ctx.t("roles-button-revoke-yes")), data: rolesButton.encode(["ry", target.userKey]) },
      { label: plain(ctx.t("roles-button-keep")), data: rolesButton.encode(["no"]) },
    ],
  ]);
}

export const rolesRoute: ButtonRoute<Services> = buttonRoute({ codec: rolesButton, audience: "admin", handle: onRolesButton });
