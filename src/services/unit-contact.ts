import { raw, type MessageArgs } from "../core/i18n.js";
import { esc, html, joinMarkup, type Markup } from "../core/markup.js";
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

/**
 * The unit on one line: its name with the phone, email and website it has set ("📞 … · 0251 … ·
 * tdc@…"); while it has set none, its name and where its public office is (the Sở, the
 * province's public-service centre) — never a row of "not updated yet".
 */
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
