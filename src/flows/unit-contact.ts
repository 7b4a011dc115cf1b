import { raw } from "../core/i18n.js";
import type { Markup } from "../core/markup.js";
import type { Ctx } from "./context.js";

/**
 * The provincial unit and its contacts, from the province profile. A contact not filled in yet is
 * said to be "not updated yet" — never guessed.
 */
export function unitContact(ctx: Ctx): Markup {
  const { unit } = ctx.services.province;
  const missing = raw(ctx.t("contact-not-updated"));
  return ctx.t("unit-contact", {
    unit: unit.name,
    parent: unit.parent,
    phone: unit.phone ?? missing,
    email: unit.email ?? missing,
    address: unit.address ?? missing,
  });
}
