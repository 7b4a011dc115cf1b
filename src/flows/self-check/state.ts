import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import { levelSchema } from "../../knowledge/self-check.js";

/** The flow id of the self-check's dialog. */
export const SELF_CHECK_FLOW = "self-check";

/**
 * What the dialog keeps between messages: the rule set asked under, the answers so far and the
 * statement being asked (an index into that rule set's statements). Checked every time it is loaded.
 */
export const selfCheckStateSchema = z.object({
  v: z.literal(1),
  regime: z.enum(["legacy", "2026"]),
  at: z.number().int().min(0).max(64),
  answers: z.record(z.string().max(16), levelSchema),
  /** Stopped with the stop button: text goes to the FAQ until the user continues. */
  paused: z.boolean(),
});
export type SelfCheckState = z.infer<typeof selfCheckStateSchema>;

export function asJson(state: SelfCheckState): JsonValue {
  return state as unknown as JsonValue;
}
