import { raw } from "../../../core/i18n.js";
import { personName } from "../../../flows/officials/case-view.js";
import type { Role } from "../../../core/feature.js";
import { formatDateTime } from "../../../domain/vietnam-time.js";
import { parseRoleTarget } from "../../../services/roles.js";
import { fromMarkup, h, type Html } from "../html.js";
import { page, redirect, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";

/** Who holds a role (as /quyen lists them), with a revoke button each, and the grant form. */
async function rolesView(req: DeskRequest, message?: { error?: Html; ok?: Html }, typed?: { user?: string; role?: string }): Promise<DeskResult> {
  const holders = await req.app.services.roles.holders();
  // Names, never account ids (as /quyen lists them).
  const names = await req.app.services.users.names([...new Set(holders.flatMap((x) => [x.userKey, ...(x.grantedBy ? [x.grantedBy] : [])]))]);
  const roleName = (role: Role) => req.text(`export-role-${role}`);
  const rows = holders.map(
    (holder) => h`<tr><td>${personName(req.ctx, holder.userKey, holder.role, names)}</td><td>${roleName(holder.role)}</td><td>${holder.bootstrap ? req.text("dw-roles-bootstrap") : h`${holder.grantedBy ? personName(req.ctx, holder.grantedBy, "admin", names) : ""} · ${formatDateTime(holder.grantedAt ?? "", req.locale)}`}</td>
<td>${!holder.bootstrap && holder.userKey !== req.official.userKey
      ? h`<form method="post" action="/desk/roles/revoke"><input type="hidden" name="csrf" value="${req.official.csrf}"><input type="hidden" name="user" value="${holder.userKey}"><button type="submit" class="secondary">${req.text("dw-roles-revoke")}</button></form>`
      : ""}</td></tr>`,
  );
  const body = h`${message?.ok ? h`<p class="flash" role="status">${message.ok}</p>` : ""}
<table class="list"><thead><tr><th>${req.text("dw-roles-user")}</th><th>${req.text("dw-roles-role")}</th><th>${req.text("dw-roles-granted")}</th><th></th></tr></thead><tbody>${rows}</tbody></table>
<h2>${req.text("dw-roles-grant-title")}</h2>
<form method="post" action="/desk/roles/grant" class="filters">
<input type="hidden" name="csrf" value="${req.official.csrf}">
<div><label for="grant-user">${req.text("dw-roles-user-label")}</label><input type="text" id="grant-user" name="user" value="${typed?.user ?? ""}" maxlength="40" required${message?.error ? h` aria-invalid="true" aria-describedby="grant-error"` : ""}>
${message?.error ? h`<p class="field-error" id="grant-error">${message.error}</p>` : ""}</div>
<div><label for="grant-role">${req.text("dw-roles-role")}</label><select id="grant-role" name="role">
<option value="official"${typed?.role !== "admin" ? h` selected` : ""}>${roleName("official")}</option><option value="admin"${typed?.role === "admin" ? h` selected` : ""}>${roleName("admin")}</option></select></div>
<div><button type="submit">${req.text("dw-roles-grant")}</button></div>
</form>`;
  return page(req.text("dw-roles-title"), body, "roles", message?.error ? 422 : 200);
}

export const rolesPage: DeskPage = { method: "GET", path: "/roles", audience: "admin", nav: { id: "roles", labelKey: "dw-nav-roles" }, handle: (req) => rolesView(req) };

/** The same service and rules as /quyen (nobody changes their own role; the settings' admins are fixed), audited "via web". */
export const rolesActions: DeskPage = {
  method: "POST",
  path: "/roles/*",
  audience: "admin",
  async handle(req) {
    const verb = req.path.slice("/roles/".length);
    const input = (req.form.get("user") ?? "").slice(0, 60);
    const target = parseRoleTarget(input);
    if (!target.ok) return rolesView(req, { error: fromMarkup(req.t(target.error.key, target.error.args)) }, { user: input });
    const roles = req.app.services.roles;
    if (verb === "grant") {
      const role: Role = req.form.get("role") === "admin" ? "admin" : "official";
      const result = await req.app.storage.unit(() => roles.grant(target.userKey, role, req.official.userKey, req.now, "web"));
      if (!result.ok) return rolesView(req, { error: fromMarkup(req.t(result.error.key, result.error.args)) }, { user: input, role });
      return rolesView(req, { ok: fromMarkup(req.t("roles-granted", { user: target.userKey, role: raw(req.t(`export-role-${role}`)) })) });
    }
    if (verb === "revoke") {
      const result = await req.app.storage.unit(() => roles.revoke(target.userKey, req.official.userKey, req.now, "web"));
      if (!result.ok) return rolesView(req, { error: fromMarkup(req.t(result.error.key, result.error.args)) });
      return rolesView(req, { ok: fromMarkup(req.t("roles-revoked", { user: target.userKey, role: raw(req.t(`export-role-${result.holder.role}`)) })) });
    }
    return redirect("/desk/roles");
  },
};
