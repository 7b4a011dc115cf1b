import { raw, type MessageArgs } from "../core/i18n.js";
import type { Markup } from "../core/markup.js";
import { unitDisplayName, type Province } from "../knowledge/province.js";

/**
 * The provincial unit and its contacts, from the province profile, in the language of `t`. A
 * contact not filled in yet is said to be "not updated yet" — never guessed; a unit name not
 * confirmed yet is "the unit in charge at the provincial Department" (`unitDisplayName`).
 */
export function unitContactText(t: (key: string, args?: MessageArgs) => Markup, province: Province): Markup {
  const { unit } = province;
  const missing = raw(t("contact-not-updated"));
  return t("unit-contact", {
    unit: raw(unitDisplayName(province, t, "full")),
    phone: unit.phone ?? missing,
    email: unit.email ?? missing,
    address: unit.address ?? missing,
  });
}
