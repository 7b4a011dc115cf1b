import { createHash } from "node:crypto";
import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { say, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button, Locale } from "../../core/types.js";
import type { Submission } from "../../domain/submission.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import type { Ctx } from "../context.js";
import { unitContact } from "../unit-contact.js";
import { channelLabel, tell, type Account } from "./tell.js";

/**
 * A linked account in button data: a digest of its key (a key is too long for a button, and a web
 * chat's session id is its only secret). Only ever compared with the submission's own list.
 */
export const accountRef = (userKey: string) => createHash("sha256").update(userKey).digest("base64url").slice(0, 10);

/**
 * `acc:<verb>:<code>:<ref>`, pressed by the account that registered: `ul` unlinks that account;
 * `ow` / `orc` confirm the withdrawal / the contact's removal it asked for, `od` declines.
 * Everything is re-read and the presser checked to be the registering owner on every press.
 */
export const accountButton = buttonCodec(
  "acc",
  z.tuple([z.enum(["ul", "ow", "orc", "od"]), z.string().min(1).max(32), z.string().regex(/^[A-Za-z0-9_-]{10}$/)]),
);

/** What a linked account may ask the owner to confirm: withdraw, or remove the contact. */
export type FinalAction = "withdraw" | "remove-contact";

/** For /dulieu: the accounts linked to each submission this account registered, with an unlink button each. */
export function linkedAccounts(ctx: Ctx, submissions: readonly Submission[]): { parts: Markup[]; buttons: Button[][] } {
  const parts: Markup[] = [];
  const buttons: Button[][] = [];
  for (const s of submissions) {
    if (s.owner.userKey !== ctx.userKey || s.linked.length === 0) continue;
    const lines = s.linked.map((l) => ctx.t("data-linked-account", { channel: raw(channelLabel(ctx, ctx.locale, l.channel)), date: formatDateTime(l.at, ctx.locale) }));
    parts.push(ctx.t("data-linked", { code: s.code, accounts: raw(joinMarkup(lines, "\n")) }));
    for (const l of s.linked) {
      const label = ctx.t("data-button-unlink", { code: s.code, channel: raw(channelLabel(ctx, ctx.locale, l.channel)), date: formatDateTime(l.at, ctx.locale) });
      buttons.push([{ label: toPlainText(label), data: accountButton.encode(["ul", s.code, accountRef(l.userKey)]) }]);
    }
  }
  return { parts, buttons };
}

/**
 * A linked account pressed withdraw or remove-contact: nothing changes; the registering account
 * is asked on its own channel, and this one is told it waits.
 */
export function askOwner(ctx: Ctx, s: Submission, action: FinalAction): Turn {
  const owner = s.owner;
  const ref = accountRef(ctx.userKey);
  const args = (locale: Locale) => ({ code: s.code, org: s.organisation.name, channel: raw(channelLabel(ctx, locale, ctx.user.channel)), when: formatDateTime(ctx.now.toISOString(), locale) });
  const buttons = (locale: Locale) => [
    [
      { label: toPlainText(ctx.tIn(locale, "final-button-confirm")), data: accountButton.encode([action === "withdraw" ? "ow" : "orc", s.code, ref]) },
      { label: toPlainText(ctx.tIn(locale, "final-button-decline")), data: accountButton.encode(["od", s.code, ref]) },
    ],
  ];
  return {
    messages: [],
    afterCommit: async () => {
      const asked = await tell(ctx, owner, owner.locale, action === "withdraw" ? "final-ask-withdraw" : "final-ask-remove-contact", args, buttons);
      const key = asked ? "final-asked" : "final-owner-unreachable";
      return [{ text: ctx.t(key, { code: s.code, channel: raw(channelLabel(ctx, ctx.locale, owner.channel)), contact: raw(unitContact(ctx)) }) }];
    },
  };
}

/** The submission if the presser registered it; a linked account or anyone else gets nothing. */
async function registeredBy(ctx: Ctx, typed: string): Promise<Submission | undefined> {
  const parsed = parseTrackingCode(typed);
  const found = parsed ? await ctx.services.submissions.get(parsed.code) : undefined;
  return found && found.owner.userKey === ctx.userKey ? found : undefined;
}

/** Tells a linked account (after the commit) the outcome of what concerns it. */
const telling = (ctx: Ctx, account: Account | undefined, key: string, code: string) => async () => {
  if (account) await tell(ctx, account, ctx.locale, key, { code });
  return [];
};

/** Presses of `acc:` buttons: only the registering owner's change anything. */
export async function onAccountButton(ctx: Ctx, [verb, typed, ref]: ButtonValue<typeof accountButton>): Promise<Turn> {
  const { submissions } = ctx.services;
  const s = await registeredBy(ctx, typed);
  if (!s) return say(ctx.t("sub-not-found"));
  const account = s.linked.find((l) => accountRef(l.userKey) === ref);
  const { code } = s;
  switch (verb) {
    case "ul": {
      if (!account) return say(ctx.t("link-not-linked", { code }));
      const result = await submissions.unlink(code, ctx.userKey, account.userKey, ctx.now);
      if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
      return { ...say(ctx.t("data-unlinked", { code, channel: raw(channelLabel(ctx, ctx.locale, account.channel)) })), afterCommit: telling(ctx, account, "data-unlinked-account", code) };
    }
    case "od":
      return { ...say(ctx.t("final-declined", { code })), afterCommit: telling(ctx, account, "final-declined-requester", code) };
    case "ow":
    case "orc": {
      // The owner's own decision: the same checks as when the owner presses withdraw or remove-contact.
      const result = verb === "ow" ? await submissions.withdraw(code, ctx.userKey, ctx.now) : await submissions.removeContact(code, ctx.userKey, ctx.now);
      if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
      const done = verb === "ow" ? "data-withdrawn-confirmed" : "data-contact-removed";
      return { ...say(ctx.t(done, { code })), afterCommit: telling(ctx, account, verb === "ow" ? "final-withdrawn-requester" : "final-contact-removed-requester", code) };
    }
  }
}
