import { raw, type MessageArgs } from "../core/i18n.js";
import { esc, html, joinMarkup, type Markup } from "../core/markup.js";
import { unitDisplayName, type Province } from "../knowledge/province.js";

/**
 * The provincial unit and its contacts, from the province profile, in the language of `t`, to be
 * put inside a sentence: "<unit> (điện thoại: …; email: …)" with the ones it has set; while it has
 * set neither, where its public office is — never "not updated yet". A unit name not confirmed yet
 * is "the unit in charge at the provincial Department" (`unitDisplayName`).
 */
export function unitContactText(t: (key: string, args?: MessageArgs) => Markup, province: Province): Markup {
  const { phone, email } = province.unit;
  const unit = raw(unitDisplayName(province, t, "full"));
  if (phone && email) return t("unit-contact", { unit, phone, email });
  if (phone) return t("unit-contact-phone", { unit, phone });
  if (email) return t("unit-contact-email", { unit, email });
  return t("unit-contact-office", { unit });
}

/** The unit's contacts alone, on one line ("📞 0251 … · tdc@…"), where the unit is already named; null while it has set none. */
export function contactBrief(t: (key: string, args?: MessageArgs) => Markup, province: Province): Markup | null {
  const known = knownContacts(province);
  return known.length ? t("contact-line-brief", { contacts: raw(joinMarkup(known, " · ")) }) : null;
}

function knownContacts(province: Province): Markup[] {
  const { unit } = province;
  const known: Markup[] = [];
  if (unit.phone) known.push(esc(unit.phone));
  if (unit.email) known.push(esc(unit.email));
  if (unit.website && /^https?:\/\//.test(unit.website)) known.push(html`<a href="${esc(unit.website)}">${esc(unit.website.replace(/^https?:\/\//, "").replace(/\/$/, ""))}</a>`);
  return known;
}

export function contactLine(t: (key: string, args?: MessageArgs) => Markup, province: Province): Markup {
  const name = unitDisplayName(province, t, "full");
  const known = knownContacts(province);
  if (known.length === 0) return t("contact-line-office", { unit: raw(name), parent: province.unit.parent });
  return t("contact-line", { unit: raw(name), contacts: raw(joinMarkup(known, " · ")) });
}
