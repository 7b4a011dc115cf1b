import { say, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import type { Markup } from "../../core/markup.js";
import type { InboxItem } from "../../domain/records/inbox-item.js";
import { unitDisplayName } from "../../knowledge/province.js";
import type { Locale } from "../../core/types.js";
import type { Ctx } from "../context.js";

/** The unit's name as it signs answers: its real name with its Sở, or "the unit in charge at the provincial Department". */
export function unitSignature(ctx: Ctx, locale: Locale = ctx.locale): Markup {
  return unitDisplayName(ctx.services.province, (key, args) => ctx.tIn(locale, key, args), "full");
}

/** When to expect the answer, in plain words (office hours and holidays). */
export function whenText(ctx: Ctx): Markup {
  const expected = ctx.services.inbox.expected(ctx.now);
  if (expected.kind === "today") return ctx.t("inbox-when-today");
  if (expected.kind === "unknown") return ctx.t("inbox-when-unknown");
  const [y, m, d] = expected.date.split("-");
  const weekday = new Date(`${expected.date}T12:00:00Z`).getUTCDay();
  return ctx.t("inbox-when-next", { weekday: weekday === 0 ? 7 : weekday, date: `${d}/${m}/${y}` });
}

/** The question went to the unit (or joined the user's open item): say so, and when to expect an answer. */
export function passedText(ctx: Ctx, item: InboxItem, created: boolean): Markup {
  // The unit's short name: the line stays short (the contact line, where there is one, names it in full).
  return ctx.t(created ? "inbox-passed" : "inbox-passed-added", { id: item.id, unit: raw(unitDisplayName(ctx.services.province, ctx.t)), when: raw(whenText(ctx)) });
}

export function passedTurn(ctx: Ctx, item: InboxItem, created: boolean): Turn {
  return say(passedText(ctx, item, created));
}
