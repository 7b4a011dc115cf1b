import { z } from "zod";
import { textToEvent } from "../../core/dispatcher.js";
import type { Button, InboundEvent } from "../../core/types.js";
import { defineCollection, type Collection } from "../../store/json/collection.js";
import { buttonDataOf } from "./render.js";

/**
 * The last numbered list each Zalo user was shown (more than 5 choices), so "3" presses the
 * third choice — as in the terminal chat. Kept in the store so an answer still works after a
 * restart; only users looking at such a list have a record.
 */
export const zaloChoicesSchema = z.object({
  options: z.array(z.object({ label: z.string().max(256), data: z.string().max(256) })).min(1).max(100),
  shownAt: z.iso.datetime(),
});
export type ZaloChoices = z.infer<typeof zaloChoicesSchema>;

export const zaloChoicesCollection = defineCollection({ name: "zalo-choices", version: 1, record: zaloChoicesSchema, shards: 8 });

/** A list older than this is forgotten: a bare number days later is more likely an answer to something else. */
const CHOICES_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Choices {
  /** Replies replace the list (or clear it when they show none); pushes only add one. True when something changed. */
  remember(userId: string, options: readonly Button[], now: Date, replace: boolean): boolean;
  /** What a user's text means: a button payload, a number from the last list, a command or text. */
  eventOf(userId: string, text: string, now: Date): InboundEvent;
}

export function createChoices(collection: Collection<ZaloChoices>): Choices {
  return {
    remember(userId, options, now, replace) {
      if (options.length > 0) {
        collection.set(userId, { options: options.slice(0, 100).map((o) => ({ label: o.label.slice(0, 256), data: o.data })), shownAt: now.toISOString() });
        return true;
      }
      return replace && collection.delete(userId);
    },
    eventOf(userId, text, now) {
      const data = buttonDataOf(text);
      if (data !== null) return { kind: "button", data };
      const n = /^\s*(\d{1,3})\s*\.?\s*$/.exec(text);
      if (n) {
        const list = collection.get(userId);
        const fresh = list && now.getTime() - Date.parse(list.shownAt) < CHOICES_TTL_MS;
        const chosen = fresh ? list.options[Number(n[1]) - 1] : undefined;
        if (chosen) return { kind: "button", data: chosen.data };
      }
      return textToEvent(text);
    },
  };
}
