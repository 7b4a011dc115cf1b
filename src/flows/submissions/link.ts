import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { raw, type MessageArgs } from "../../core/i18n.js";
import { html, toPlainText } from "../../core/markup.js";
import type { Locale } from "../../core/types.js";
import { holds } from "../../domain/submission.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import type { Ctx } from "../context.js";
import { unitContact } from "../unit-contact.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { channelLabel, tell } from "./tell.js";

/** `lnk:ok|no:<token>`: the owner's answer to a link request; the token is checked against the stored request. */
export const linkButton = buttonCodec("lnk", z.tuple([z.enum(["ok", "no"]), z.string().regex(/^[A-Za-z0-9_-]{12}$/)]));

/**
 * Who asks, as far as the bot knows: the contact and organisation of a submission this account
 * registered itself. The user record holds no name, so an account without one is "not known".
 */
async function requesterName(ctx: Ctx): Promise<{ name: string; org: string } | null> {
  const own = (await ctx.services.submissions.byOwner(ctx.userKey)).find((s) => s.owner.userKey === ctx.userKey && s.contact);
  return own?.contact ? { name: own.contact.name, org: own.organisation.name } : null;
}

/**
 * /lienket <code>: the enterprise, writing from another channel, asks to follow a submission
 * here too. The owner is asked on the channel they registered from, told who asks and what they
 * would be able to do; nothing is shown until they agree. Requests are rate-limited (link-requests.ts).
 */
export async function requestLink(ctx: Ctx, args: string): Promise<Turn> {
  const { submissions, linkRequests } = ctx.services;
  if (!args.trim()) return say(ctx.t("link-usage"));
  const submission = await submissions.find(args);
  if (!submission) return say(ctx.t("link-not-found", { code: args.trim().slice(0, 32) }));
  if (holds(submission, ctx.userKey)) return say(ctx.t("link-already", { code: submission.code }));
  const opened = await linkRequests.open(submission.code, { userKey: ctx.userKey, channel: ctx.user.channel, userId: ctx.user.id }, ctx.now);
  if (!opened.ok) return say(ctx.t(opened.key, { time: formatDateTime(opened.retryAt, ctx.locale), contact: raw(unitContact(ctx)) }));
  const { token } = opened;
  const owner = submission.owner;
  const known = await requesterName(ctx);
  const questionArgs = (locale: Locale): MessageArgs => ({
    code: submission.code,
    channel: raw(channelLabel(ctx, locale, ctx.user.channel)),
    who: raw(known ? ctx.tIn(locale, "link-who-named", known) : ctx.tIn(locale, "link-who-unknown")),
    when: formatDateTime(ctx.now.toISOString(), locale),
  });
  const buttons = (locale: Locale) => [
    [
      { label: toPlainText(ctx.tIn(locale, "link-confirm-yes")), data: linkButton.encode(["ok", token]) },
      { label: toPlainText(ctx.tIn(locale, "link-confirm-no")), data: linkButton.encode(["no", token]) },
    ],
  ];
  return {
    messages: [],
    afterCommit: async () => {
      if (await tell(ctx, owner, owner.locale, "link-confirm-question", questionArgs, buttons)) {
        return [{ text: ctx.t("link-requested", { code: submission.code, channel: raw(channelLabel(ctx, ctx.locale, owner.channel)) }) }];
      }
      // The owner cannot be asked now: say so, and close the request (it still counts against the limits).
      await linkRequests.close(token, "undelivered");
      return [{ text: ctx.t("link-owner-unreachable", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) }) }];
    },
  };
}

/** The owner's answer. The button's token is checked against the stored request and the owner, on the server. */
export async function answerLink(ctx: Ctx, [answer, token]: ButtonValue<typeof linkButton>): Promise<Turn> {
  const { submissions, linkRequests } = ctx.services;
  const request = await linkRequests.get(token, ctx.now);
  const submission = request && (await submissions.get(request.code));
  // Anyone else pressing (or forging) the button learns nothing and spends nothing.
  if (!request || !submission || submission.owner.userKey !== ctx.userKey) return say(ctx.t("link-expired"), ctx.menu());
  await linkRequests.close(token, answer === "ok" ? "accepted" : "declined");
  const { requester } = request;
  const { code } = submission;
  if (answer === "no") {
    return {
      ...say(ctx.t("link-declined", { code })),
      afterCommit: async () => (await tell(ctx, requester, ctx.locale, "link-declined-requester", { code }), []),
    };
  }
  const result = await submissions.link(code, ctx.userKey, requester, ctx.now);
  if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
  return {
    ...say(html`${ctx.t("link-done-owner", { code, channel: raw(channelLabel(ctx, ctx.locale, requester.channel)) })}`),
    afterCommit: async () => (await tell(ctx, requester, ctx.locale, "link-done-requester", { code }), []),
  };
}
