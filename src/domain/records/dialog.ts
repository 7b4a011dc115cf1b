import { z } from "zod";
import type { DialogState, JsonValue } from "../../core/feature.js";

/**
 * What each user is in the middle of. Each flow checks its own `data` with its own schema when it
 * reads it; here only the envelope is fixed. `data` is not walked again: it comes from JSON.parse
 * or from typed code, and a deep check of 25,000 forms would cost half a second at every start (measured).
 */
export const dialogStateSchema: z.ZodType<DialogState> = z.object({
  flow: z.string().min(1).max(64),
  data: z.custom<JsonValue>((v) => v !== undefined, "data is missing"),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) as z.ZodType<DialogState>;
