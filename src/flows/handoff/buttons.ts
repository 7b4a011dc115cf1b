import { z } from "zod";
import { buttonCodec } from "../../core/button-data.js";
import { toPlainText } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { entryIdSchema } from "../../knowledge/kb.js";
import type { Ctx } from "../context.js";

/** `hoi:q` (under a refusal) or `hoi:e:<entry>` (under an answer): "🙋 Hỏi cán bộ". */
export const askPersonButton = buttonCodec(
  "hoi",
  z.union([z.tuple([z.literal("q")]), z.tuple([z.literal("e"), entryIdSchema]), /* /dulieu: delete my questions (ask, then yes) */ z.tuple([z.enum(["del", "dely"])])]),
);

/** `vote:up:<entry>` / `vote:down:<entry>`: 👍/👎 under an FAQ answer. */
export const voteButton = buttonCodec("vote", z.tuple([z.enum(["up", "down"]), entryIdSchema]));

export function askPersonRow(ctx: Ctx, entryId?: string): Button[] {
  return [{ label: toPlainText(ctx.t("inbox-button-ask-person")), data: askPersonButton.encode(entryId ? ["e", entryId] : ["q"]) }];
}

/** Under every FAQ answer: 👍 👎 and "🙋 Hỏi cán bộ" on one row. */
export function feedbackRow(ctx: Ctx, entryId: string): Button[] {
  return [
    { label: "👍", data: voteButton.encode(["up", entryId]) },
    { label: "👎", data: voteButton.encode(["down", entryId]) },
    ...askPersonRow(ctx, entryId),
  ];
}
