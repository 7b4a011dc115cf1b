import { z } from "zod";
import { buttonCodec } from "../core/button-data.js";
import { buttonRoute, say, type Turn } from "../core/feature.js";
import { LOCALES, type Button, type Locale, type OutboundMessage } from "../core/types.js";
import type { BotFeature, Ctx } from "./context.js";

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** `lang:<locale>`: switch to that language. */
export const languageButton = buttonCodec("lang", z.tuple([z.enum(LOCALES)]));

/** One button per language, the current one ticked: under /ngonngu and under answers about changing language. */
export function languageRow(ctx: Ctx): Button[] {
  return LOCALES.map((l) => ({ label: `${l === ctx.locale ? "✓ " : ""}${ctx.tIn(l, "language-name")}`, data: languageButton.encode([l]) }));
}

/**
 * The one-time offer to a user who chose no language but writes in another than the default:
 * keep answering in it? Each language named in itself, the guessed one first; a tap stores the
 * choice (a tap on the default language too, so they are not asked again). Null once they chose.
 */
export async function languageOffer(ctx: Ctx): Promise<OutboundMessage | null> {
  const user = await ctx.services.users.get(ctx.userKey);
  if (!user || user.locale !== null) return null;
  const order = [ctx.locale, ...LOCALES.filter((l) => l !== ctx.locale)];
  return { text: ctx.t("language-offer"), buttons: [order.map((l) => ({ label: ctx.tIn(l, "language-name"), data: languageButton.encode([l]) }))] };
}

function choose(ctx: Ctx): Turn {
  return say(ctx.t("language-choose"), [languageRow(ctx)]);
}

async function switchTo(ctx: Ctx, locale: Locale): Promise<Turn> {
  await ctx.services.users.setLocale(ctx.userKey, locale);
  return say(ctx.tIn(locale, "language-changed"));
}

/** /ngonngu: Vietnamese ⇄ English, remembered per user. */
export const languageFeature: BotFeature = {
  name: "language",
  commands: [
    {
      names: ["ngonngu", "language"],
      descriptionKey: "cmd-language",
      audience: "everyone",
      run(ctx, args) {
        const wanted = args.trim().toLowerCase();
        if (isLocale(wanted)) return switchTo(ctx, wanted);
        return choose(ctx);
      },
    },
  ],
  buttons: [buttonRoute({ codec: languageButton, audience: "everyone", handle: (ctx, [locale]) => switchTo(ctx, locale) })],
};
