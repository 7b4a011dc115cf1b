import { commandButton } from "../../core/button-data.js";
import { toPlainText } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import type { Ctx } from "../context.js";

/** The button that opens /tracuu (the user's own submissions, their checklists and files): under answers about following a dossier. */
export function statusButton(ctx: Ctx): Button {
  return { label: toPlainText(ctx.t("menu-status")), data: commandButton.encode(["tracuu"]) };
}

/** The button that opens /dulieu (what the bot keeps about the user, with ways to delete it): under answers about personal data. */
export function myDataButton(ctx: Ctx): Button {
  return { label: toPlainText(ctx.t("usage-button-my-data")), data: commandButton.encode(["dulieu"]) };
}
