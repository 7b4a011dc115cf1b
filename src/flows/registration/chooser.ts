import type { FlowHandler, Turn } from "../../core/feature.js";
import { toPlainText } from "../../core/markup.js";
import type { Programme } from "../../domain/programmes.js";
import { fold } from "../../domain/text.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { answerQuestion } from "../faq.js";
import { looksLikeQuestion } from "../forms/words.js";
import { programmeNamed } from "../intents/read.js";
import { registerButton } from "./buttons.js";

/** The dialog of `/dangky`'s "which programme?": a typed "2" or "hỗ trợ năng suất" answers it like its button. */
export const CHOOSER_FLOW = "register-choose";

const ORDER: readonly Programme[] = ["gtclqg", "nscl"];
const labelKey = (p: Programme) => (p === "gtclqg" ? "reg-choose-gtclqg" : "reg-choose-nscl");

/** The choice; its dialog only when no other is active (a paused self-check is never dropped for it). */
export function chooser(ctx: Ctx): Turn {
  return {
    messages: [{
      text: ctx.t("reg-choose"),
      buttons: ORDER.map((p) => [{ label: toPlainText(ctx.t(labelKey(p))), data: registerButton.encode([p]) }]),
    }],
    ...(ctx.dialog && ctx.dialog.flow !== CHOOSER_FLOW ? {} : { dialog: ctx.begin(CHOOSER_FLOW, {}) }),
  };
}

/** The programme a typed answer names: its number, its button's words, or words of one programme. */
export function programmeTyped(ctx: Ctx, text: string): Programme | null {
  const f = fold(text).replace(/[.!)]+$/, "").trim();
  if (/^\d$/.test(f)) return ORDER[Number(f) - 1] ?? null;
  const label = ORDER.find((p) => ["vi", "en"].some((l) => fold(toPlainText(ctx.tIn(l === "vi" ? "vi" : "en", labelKey(p)))).replace(/^[^\p{L}\p{N}]+/u, "") === f));
  // "giải thưởng chất lượng quốc gia là gì" names a programme but asks about it.
  return label ?? (looksLikeQuestion(text) ? null : programmeNamed(text));
}

export function chooserFlow(start: (ctx: Ctx, programme: Programme) => Turn): FlowHandler<Services> {
  return {
    id: CHOOSER_FLOW,
    async onEvent(ctx, event) {
      if (event.kind === "text") {
        const programme = programmeTyped(ctx, event.text);
        if (programme) return start(ctx, programme);
        // Not an answer to the choice: the question it is, with the choice put away.
        const turn = await answerQuestion(ctx, event.text);
        return { ...turn, dialog: turn.dialog === undefined ? null : turn.dialog };
      }
      return { messages: [{ text: ctx.t("file-without-context"), buttons: ctx.menu() }], dialog: null };
    },
  };
}
