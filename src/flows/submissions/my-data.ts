import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { WITHDRAWN, isOpen } from "../../domain/statuses.js";
import { holds, type Submission } from "../../domain/submission.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";
import type { Ctx } from "../context.js";
import { fullDetails, statusLabel } from "../registration/describe.js";
import { registrationEngine } from "../registration/engine.js";
import { raw } from "../../core/i18n.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { askOwner, linkedAccounts } from "./linked-accounts.js";
import { selfCheckData } from "../self-check/feature.js";
import { inboxData } from "../handoff/feature.js";

/**
 * `sub:w|wy|rc:<code>` (withdraw?, withdraw!, remove the contact) and `sub:no`. The code is any
 * short text here: it is parsed, re-read and its owner checked on every press (`own`).
 */
export const submissionButton = buttonCodec(
  "sub",
  z.union([z.tuple([z.literal("no")]), z.tuple([z.enum(["w", "wy", "rc"]), z.string().min(1).max(32)])]),
);

const plain = (m: Markup) => toPlainText(m);

/** The user's own submission by a code from a button or a command; anyone else's is "not found". */
async function own(ctx: Ctx, typed: string): Promise<Submission | undefined> {
  const parsed = parseTrackingCode(typed);
  const found = parsed ? await ctx.services.submissions.get(parsed.code) : undefined;
  return found && holds(found, ctx.userKey) ? found : undefined;
}

/** /dulieu (/mydata): everything stored about this user, and what they can do about it. */
export async function myData(ctx: Ctx): Promise<Turn> {
  const user = await ctx.services.users.get(ctx.userKey);
  const parts: Markup[] = [ctx.t("data-intro", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) })];
  if (user) {
    parts.push(
      ctx.t("data-user", {
        channel: user.channel,
        id: user.id,
        language: raw(ctx.tIn(user.locale ?? ctx.locale, "language-name")),
        chosen: user.locale ? "yes" : "no",
        first: formatDateTime(user.firstSeen, ctx.locale),
        last: formatDateTime(user.lastSeen, ctx.locale),
      }),
    );
  }
  const inProgress = ctx.dialog ? registrationEngine.describe(ctx, ctx.dialog) : null;
  if (inProgress) parts.push(inProgress);
  const submissions = await ctx.services.submissions.byOwner(ctx.userKey);
  const linked = linkedAccounts(ctx, submissions);
  if (submissions.length) parts.push(...submissions.map((s) => fullDetails(ctx, s)), ...linked.parts);
  else parts.push(ctx.t("data-no-submissions"));
  const selfChecks = await selfCheckData(ctx);
  parts.push(...selfChecks.parts);
  const inbox = await inboxData(ctx);
  parts.push(...inbox.parts);
  parts.push(ctx.t("data-rights"));

  const buttons: Button[][] = [];
  for (const s of submissions) {
    if (isOpen(s.programme, s.status)) buttons.push([{ label: plain(ctx.t("data-button-withdraw", { code: s.code })), data: submissionButton.encode(["w", s.code]) }]);
    else if (s.status === WITHDRAWN && s.contact) buttons.push([{ label: plain(ctx.t("data-button-remove-contact", { code: s.code })), data: submissionButton.encode(["rc", s.code]) }]);
  }
  buttons.push(...linked.buttons, ...selfChecks.buttons, ...inbox.buttons);
  return say(joinMarkup(parts, "\n\n"), buttons.length ? buttons : undefined);
}

/** A linked account's withdrawal is only asked of the account that registered, so the question says so. */
function confirmWithdraw(ctx: Ctx, s: Submission): Turn {
  const key = s.owner.userKey === ctx.userKey ? "data-withdraw-confirm" : "data-withdraw-confirm-linked";
  return say(ctx.t(key, { code: s.code, org: s.organisation.name, status: raw(statusLabel(ctx, s)) }), [
    [
      { label: plain(ctx.t("data-button-withdraw-yes")), data: submissionButton.encode(["wy", s.code]) },
      { label: plain(ctx.t("data-button-keep")), data: submissionButton.encode(["no"]) },
    ],
  ]);
}

/** /rut (/withdraw) [code]: the user's open submissions; a withdrawn one is kept for the record. */
export async function withdraw(ctx: Ctx, args: string): Promise<Turn> {
  if (args.trim()) {
    const s = await own(ctx, args);
    if (!s) return say(ctx.t("sub-not-found"));
    if (!isOpen(s.programme, s.status)) return say(ctx.t("sub-withdraw-final", { code: s.code }));
    return confirmWithdraw(ctx, s);
  }
  const open = (await ctx.services.submissions.byOwner(ctx.userKey)).filter((s) => isOpen(s.programme, s.status));
  if (open.length === 0) return say(ctx.t("data-nothing-to-withdraw"));
  if (open.length === 1) return confirmWithdraw(ctx, open[0]!);
  return say(
    ctx.t("data-withdraw-which"),
    open.map((s) => [{ label: plain(ctx.t("data-button-withdraw", { code: s.code })), data: submissionButton.encode(["w", s.code]) }]),
  );
}

/**
 * Presses of `sub:` buttons; the code came from the client, so it is checked against the holders.
 * A final step pressed by a linked account only asks the account that registered (askOwner).
 */
export async function onSubmissionButton(ctx: Ctx, value: ButtonValue<typeof submissionButton>): Promise<Turn> {
  if (value[0] === "no") return say(ctx.t("data-kept"));
  const [verb, code] = value;
  const s = await own(ctx, code);
  if (!s) return say(ctx.t("sub-not-found"));
  if (verb !== "w" && s.owner.userKey !== ctx.userKey) return askOwner(ctx, s, verb === "wy" ? "withdraw" : "remove-contact");
  switch (verb) {
    case "w":
      return isOpen(s.programme, s.status) ? confirmWithdraw(ctx, s) : say(ctx.t("sub-withdraw-final", { code: s.code }));
    case "wy": {
      const result = await ctx.services.submissions.withdraw(s.code, ctx.userKey, ctx.now);
      if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
      return say(ctx.t("data-withdrawn", { code: s.code }), [
        [
          { label: plain(ctx.t("data-button-remove-contact", { code: s.code })), data: submissionButton.encode(["rc", s.code]) },
          { label: plain(ctx.t("data-button-keep-contact")), data: submissionButton.encode(["no"]) },
        ],
      ]);
    }
    case "rc": {
      const result = await ctx.services.submissions.removeContact(s.code, ctx.userKey, ctx.now);
      if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
      return say(ctx.t("data-contact-removed", { code: s.code }));
    }
  }
}
