import type { Markup } from "../core/markup.js";
import { unitContactText } from "../services/unit-contact.js";
import type { Ctx } from "./context.js";

/** The provincial unit and its contacts in the user's language (see services/unit-contact.ts). */
export function unitContact(ctx: Ctx): Markup {
  return unitContactText((key, args) => ctx.t(key, args), ctx.services.province);
}
