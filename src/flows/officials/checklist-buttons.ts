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
    // Send the enterprise the request for the items marked "cần bổ sung" again (status already "cần bổ sung hồ sơ").
    z.tuple([z.literal("r"), codeSchema]),
  ]),
);
export type ChecklistButton = ButtonValue<typeof checklistButton>;

/** The case view's buttons for the items: one per item, opening it. */
export function checklistButtons(ctx: Ctx, s: Submission): Button[][] {
  if (s.programme !== "gtclqg") return [];
  const list = checklistOf(ctx.services.dossierItems, s);
  const again: Button[][] =
    s.status === "needs-supplement" && list.rows.some((r) => r.state === "needs-more") ? [[{ label: plain(ctx.t("desk-button-request-again")), data: checklistButton.encode(["r", s.code]) }]] : [];
  return [...list.rows.map((r) => [
    { label: plain(ctx.t("desk-button-item", { name: r.item.name[ctx.locale], state: raw(ctx.t(`checklist-state-${r.state}`)) })), data: checklistButton.encode(["o", s.code, r.item.id]) },
  ]), ...again];
}

