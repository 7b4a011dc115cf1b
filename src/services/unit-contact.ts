import { raw, type MessageArgs } from "../core/i18n.js";
import type { Markup } from "../core/markup.js";
import type { Province } from "../knowledge/province.js";

/**
 * The provincial unit and its contacts, from the province profile, in the language of `t`. A
 * contact not filled in yet is said to be "not updated yet" — never guessed.
 */
export function unitContactText(t: (key: string, args?: MessageArgs) => Markup, unit: Province["unit"]): Markup {
  const missing = raw(t("contact-not-updated"));
  return t("unit-contact", {
    unit: unit.name,
    parent: unit.parent,
    phone: unit.phone ?? missing,
    email: unit.email ?? missing,
    address: unit.address ?? missing,
  });
}
