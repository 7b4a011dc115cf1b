import { buttonRoute, type Turn } from "../../core/feature.js";
import { fold } from "../../domain/text.js";
import type { BotFeature, Ctx } from "../context.js";
import { registerButton } from "./buttons.js";
import { registrationEngine } from "./engine.js";
import { chooser, chooserFlow } from "./chooser.js";

/** `/dangky gtclqg`, `/dangky nscl` (and the ways people type them) start a form directly. */
function formOfArgument(args: string): "gtclqg" | "nscl" | null {
  const a = fold(args).replace(/\s+/g, "");
  if (["gtclqg", "gt", "giaithuong", "giaithuongchatluongquocgia", "award", "qualityaward"].includes(a)) return "gtclqg";
  if (["nscl", "ns", "hotro", "nangsuat", "nangsuatchatluong", "support", "productivity"].includes(a)) return "nscl";
  return null;
}

function register(ctx: Ctx, args: string): Turn {
  const form = formOfArgument(args);
  if (ctx.dialog) {
    const back = registrationEngine.welcomeBack(ctx, ctx.dialog);
    // Someone in the middle of a form is offered to continue it (or start over) first.
    if (back && back.dialog !== null) return back;
    if (back) {
      // The form had expired: say so, then go on as if there had been none.
      const next = form ? registrationEngine.api.begin(ctx, form) : chooser(ctx);
      return { messages: [...back.messages, ...next.messages], dialog: next.dialog ?? null };
    }
  }
  return form ? registrationEngine.start(ctx, form) : chooser(ctx);
}

/** /dangky (/register): the award registration or a request for NSCL support, as a conversation. */
export const registrationFeature: BotFeature = {
  name: "registration",
  commands: [{ names: ["dangky", "register"], descriptionKey: "cmd-register", audience: "everyone", run: register }],
  buttons: [
    buttonRoute({ codec: registerButton, audience: "everyone", handle: (ctx, [programme]) => register(ctx, programme) }),
  ],
  flows: [...registrationEngine.flows, chooserFlow((ctx, programme) => register(ctx, programme))],
  menu: [{ labelKey: "menu-register", command: "dangky", audience: "everyone" }],
};
