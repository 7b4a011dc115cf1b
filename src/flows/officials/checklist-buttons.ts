import { z } from "zod";
import { buttonCodec, type ButtonValue } from "../../core/button-data.js";
import { raw } from "../../core/i18n.js";
import { toPlainText } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { checklistOf, dossierItemIdSchema } from "../../domain/dossier-checklist.js";
import type { Submission } from "../../domain/submission.js";
import { TRACKING_CODE_PATTERN } from "../../domain/tracking-code.js";
import type { Ctx } from "../context.js";

const codeSchema = z.string().regex(TRACKING_CODE_PATTERN);
const plain = toPlainText;

/**
 * Officials mark the items of an award dossier in /hoso: `ck:o:<code>:<item>` opens an item (its
 * state, files, the note), `ck:m:<code>:<item>:ok|more|none` marks it "đạt", asks for the note of
 * "cần bổ sung" (the next message), or clears the mark. Typed, routed for officials only, and the
 * role is asked again before anything changes.
 */
export const checklistButton = buttonCodec(
  "ck",
  z.union([
    z.tuple([z.literal("o"), codeSchema, dossierItemIdSchema]),
    z.tuple([z.literal("m"), codeSchema, dossierItemIdSchema, z.enum(["ok", "more", "none"])]),
  ]),
);
export type ChecklistButton = ButtonValue<typeof checklistButton>;

/** The case view's buttons for the items: one per item, opening it. */
export function checklistButtons(ctx: Ctx, s: Submission): Button[][] {
  if (s.programme !== "gtclqg") return [];
  return checklistOf(ctx.services.dossierItems, s).rows.map((r) => [
    { label: plain(ctx.t("desk-button-item", { name: r.item.name[ctx.locale], state: raw(ctx.t(`checklist-state-${r.state}`)) })), data: checklistButton.encode(["o", s.code, r.item.id]) },
  ]);
}

