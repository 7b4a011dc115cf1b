import dayjs from "dayjs";
import { raw } from "../../core/i18n.js";
import { joinMarkup, type Markup } from "../../core/markup.js";
import type { InboxItem } from "../../domain/records/inbox-item.js";
import { VN_TIME_ZONE } from "../../domain/vietnam-time.js";
import type { Contact } from "../../domain/submission.js";
import type { Ctx } from "../context.js";

/** `04/12/2026 09:30`, Vietnam time. */
export function vnTime(iso: string): string {
  return dayjs(iso).tz(VN_TIME_ZONE).format("DD/MM/YYYY HH:mm");
}

/** One item as an official reads it: questions with time and why, what the bot offered, where to answer. */
export function itemText(ctx: Ctx, item: InboxItem, contact: Contact | null = null, unreachable: string | null = null): Markup {
  const { kb } = ctx.services;
  const lines: Markup[] = [
    ctx.t("inbox-item-head", { id: item.id, channel: item.channel, locale: item.locale, at: vnTime(item.createdAt), status: item.status }),
  ];
  if (item.tail.length) {
    lines.push(ctx.t("inbox-item-tail-head"));
    for (const turn of item.tail) {
      if (turn.from === "user") lines.push(ctx.t("inbox-item-tail-user", { at: vnTime(turn.at), text: turn.text }));
      else {
        const entry = turn.text.startsWith("entry:") ? kb.entry(turn.text.slice(6)) : undefined;
        lines.push(entry ? ctx.t("inbox-item-tail-answered", { entry: kb.question(entry, ctx.locale) }) : ctx.t("inbox-item-tail-refused"));
      }
    }
  }
  for (const q of item.questions) {
    lines.push(ctx.t("inbox-item-question", { at: vnTime(q.at), reason: q.reason, text: q.text || "—" }));
    const offered = q.offered.flatMap((id) => {
      const entry = kb.entry(id);
      return entry ? [kb.question(entry, ctx.locale)] : [];
    });
    if (offered.length) lines.push(ctx.t("inbox-item-offered", { entries: offered.join(" | ") }));
  }
  for (const a of item.answers) {
    lines.push(a.via === "oa-chat" ? ctx.t("inbox-item-answered-oa", { at: vnTime(a.at) }) : ctx.t("inbox-item-answer", { at: vnTime(a.at), signed: a.signedAs, text: a.text }));
  }
  if (item.undelivered) lines.push(ctx.t("inbox-item-undelivered", { at: vnTime(item.undelivered.at), reason: item.undelivered.reason }));
  // Known before answering: the channel cannot reach the user now (Zalo's 7-day window).
  else if (unreachable) lines.push(ctx.t("inbox-item-unreachable", { reason: unreachable }));
  if (item.undelivered || unreachable) lines.push(contact ? ctx.t("inbox-item-contact", { phone: contact.phone, email: contact.email }) : ctx.t("inbox-item-no-contact"));
  return joinMarkup(lines);
}

/** The answer as the user receives it, in their language, signed. */
export function answerToUser(ctx: Ctx, item: InboxItem, answer: string, signature: Markup): Markup {
  const question = item.questions[item.questions.length - 1]?.text ?? "";
  return ctx.tIn(item.locale, "inbox-answer-to-user", { question, answer, signature: raw(signature) });
}
