import { z } from "zod";
import type { DialogStore } from "../core/conversation.js";
import type { DialogState } from "../core/feature.js";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

/** Each flow checks its own `data` with its own schema; here only the envelope is fixed. */
export const dialogStateSchema: z.ZodType<DialogState> = z.object({
  flow: z.string().min(1).max(64),
  data: z.json(),
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
