import { commandButton } from "../core/button-data.js";
import { toPlainText } from "../core/markup.js";
import type { Button } from "../core/types.js";
import type { KbAction } from "../knowledge/kb.js";
import { subscriptionRow } from "./broadcast/subscription.js";
import { buttonLabel } from "./button-label.js";
import type { Ctx } from "./context.js";
import { askPersonRow } from "./handoff/buttons.js";
import { languageRow } from "./language.js";
import { registerButton } from "./registration/buttons.js";
import { selfCheckOfferButton } from "./self-check/result.js";
import { myDataButton, statusButton } from "./submissions/start-buttons.js";

/** The button that starts the registration form of a programme (the registration feature's codec). */
export function registerButtonRow(ctx: Ctx, programme: string): Button[] {
  if (programme !== "gtclqg" && programme !== "nscl") return [];
  return [{ label: buttonLabel(toPlainText(ctx.t(`programmes-register-${programme}`))), data: registerButton.encode([programme]) }];
}

/** A command of the bot as a button (the core's `cmd:` codec), labelled with a locale key. */
const commandRow = (ctx: Ctx, command: string, labelKey: string): Button[] => [{ label: buttonLabel(toPlainText(ctx.t(labelKey))), data: commandButton.encode([command]) }];

/**
 * The buttons an answer about using the bot ends with (its entry's `action`): each is the button
 * of the feature that does it, so pressing it reaches that feature's flow, checked like any press.
 */
export function actionRows(ctx: Ctx, action: KbAction): Button[][] {
  switch (action) {
    case "register":
      return [registerButtonRow(ctx, "gtclqg"), registerButtonRow(ctx, "nscl")];
    case "register-gtclqg":
      return [registerButtonRow(ctx, "gtclqg")];
    case "register-nscl":
      return [registerButtonRow(ctx, "nscl")];
    case "status":
    case "documents":
      return [[statusButton(ctx)]];
    case "link":
      return [commandRow(ctx, "lienket", "usage-button-link")];
    case "announcements":
      return [subscriptionRow(ctx)];
    case "language":
      return [languageRow(ctx)];
    case "ask-person":
      return [askPersonRow(ctx)];
    case "self-check":
      return [[selfCheckOfferButton(ctx)]];
    case "my-data":
      return [[myDataButton(ctx)]];
    case "calendar":
      return [commandRow(ctx, "lich", "menu-calendar")];
    case "browse":
      return [commandRow(ctx, "chuongtrinh", "menu-programmes")];
    case "help":
      return [commandRow(ctx, "trogiup", "usage-button-help")];
  }
}
