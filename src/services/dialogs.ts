import { z } from "zod";
import type { DialogStore } from "../core/conversation.js";
import type { DialogState, JsonValue } from "../core/feature.js";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

/**
 * Each flow checks its own `data` with its own schema when it reads it; here only the envelope is
 * fixed. `data` is not walked again: it comes from JSON.parse or from typed code, and a deep
 * check of 25,000 forms would cost half a second at every start (measured).
 */
export const dialogStateSchema: z.ZodType<DialogState> = z.object({
  flow: z.string().min(1).max(64),
  data: z.custom<JsonValue>((v) => v !== undefined, "data is missing"),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) as z.ZodType<DialogState>;

/** Only users in the middle of something have a record, so this stays small. */
export const dialogsCollection = defineCollection({ name: "dialogs", version: 1, record: dialogStateSchema, shards: 64 });

export function dialogStore(collection: Collection<DialogState>): DialogStore {
  return {
    get: (key) => collection.get(key),
    set: (key, dialog) => void collection.set(key, dialog),
    delete: (key) => void collection.delete(key),
  };
}
