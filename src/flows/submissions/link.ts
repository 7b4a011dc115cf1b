import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { html } from "../../core/markup.js";
import { holds } from "../../domain/submission.js";
import type { Ctx } from "../context.js";

/** `lnk:ok|no:<token>`: the owner's answer to a link request; the token is checked against the stored request. */
export const linkButton = buttonCodec("lnk", z.tuple([z.enum(["ok", "no"]), z.string().regex(/^[A-Za-z0-9_-]{12}$/)]));

const channelName = (ctx: Ctx, channel: string) => ctx.t(`channel-${channel}`);

/**
 * /lienket <code>: the enterprise, writing from another channel, asks to follow a submission
 * here too. The owner is asked on the channel they registered from; nothing is shown until they agree.
 */
export async function requestLink(ctx: Ctx, args: string): Promise<Turn> {
  const { submissions, linkRequests } = ctx.services;
  if (!args.trim()) return say(ctx.t("link-usage"));
  const submission = await submissions.find(args);
  if (!submission) return say(ctx.t("link-not-found", { code: args.trim().slice(0, 32) }));
  if (holds(submission, ctx.userKey)) return say(ctx.t("link-already", { code: submission.code }));
  const token = await linkRequests.open(submission.code, { userKey: ctx.userKey, channel: ctx.user.channel, userId: ctx.user.id }, ctx.now);
  const owner = submission.owner;
  const ownerLocale = (await ctx.services.users.get(owner.userKey))?.locale ?? owner.locale;
  const question = {
    text: ctx.tIn(ownerLocale, "link-confirm-question", { code: submission.code, channel: ctx.tIn(ownerLocale, `channel-${ctx.user.channel}`) }),
    buttons: [
      [
        { label: ctx.tIn(ownerLocale, "link-confirm-yes"), data: linkButton.encode(["ok", token]) },
        { label: ctx.tIn(ownerLocale, "link-confirm-no"), data: linkButton.encode(["no", token]) },
      ],
    ],
  };
  return {
    messages: [],
    afterCommit: async () => {
      const outcome = await ctx.services.outbox.send(owner.channel, owner.userId, [question]);
      if (outcome.ok) return [{ text: ctx.t("link-requested", { code: submission.code, channel: channelName(ctx, owner.channel) }) }];
      // The owner cannot be asked now: say so, and forget the request.
      await linkRequests.drop(token);
      return [{ text: ctx.t("link-owner-unreachable", { unit: ctx.services.province.unit.name }) }];
    },
  };
}

/** The owner's answer. The button's token is checked against the stored request and the owner, on the server. */
export async function answerLink(ctx: Ctx, [answer, token]: ButtonValue<typeof linkButton>): Promise<Turn> {
  const { submissions, linkRequests, outbox } = ctx.services;
  const request = await linkRequests.get(token, ctx.now);
  const submission = request && (await submissions.get(request.code));
  // Anyone else pressing (or forging) the button learns nothing and spends nothing.
  if (!request || !submission || submission.owner.userKey !== ctx.userKey) return say(ctx.t("link-expired"), ctx.menu());
  await linkRequests.drop(token);
  const { requester } = request;
  const requesterLocale = (await ctx.services.users.get(requester.userKey))?.locale ?? ctx.locale;
  if (answer === "no") {
    return {
      ...say(ctx.t("link-declined", { code: submission.code })),
      afterCommit: async () => {
        await outbox.send(requester.channel, requester.userId, [{ text: ctx.tIn(requesterLocale, "link-declined-requester", { code: submission.code }) }]);
        return [];
      },
    };
  }
  const result = await submissions.link(submission.code, ctx.userKey, requester, ctx.now);
  if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
  return {
    ...say(html`${ctx.t("link-done-owner", { code: submission.code, channel: channelName(ctx, requester.channel) })}`),
    afterCommit: async () => {
      await outbox.send(requester.channel, requester.userId, [{ text: ctx.tIn(requesterLocale, "link-done-requester", { code: submission.code }) }]);
      return [];
    },
  };
}
