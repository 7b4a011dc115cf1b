import { textToEvent } from "../../core/dispatcher.js";
import type { Button, InboundEvent } from "../../core/types.js";
import type { Transactions } from "../../store/port.js";
import type { KeyedRecords } from "../../store/repositories.js";
import type { ZaloChoices } from "./records.js";
import { buttonDataOf } from "./render.js";

/**
 * The last numbered list each Zalo user was shown (more than 5 choices), so "3" presses the
 * third choice — as in the terminal chat. Kept in the store so an answer still works after a
 * restart and on another instance; only users looking at such a list have a record.
 */
/** A list older than this is forgotten: a bare number days later is more likely an answer to something else. */
const CHOICES_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Choices {
  /** Replies replace the list (or clear it when they show none); pushes only add one. True when something changed. */
  remember(userId: string, options: readonly Button[], now: Date, replace: boolean): Promise<boolean>;
  /** What a user's text means: a button payload, a number from the last list, a command or text. */
  eventOf(userId: string, text: string, now: Date): Promise<InboundEvent>;
}

export function createChoices(repo: KeyedRecords<ZaloChoices>, tx: Pick<Transactions, "unit">): Choices {
  return {
    async remember(userId, options, now, replace) {
      if (options.length > 0) {
        const record = { options: options.slice(0, 100).map((o) => ({ label: o.label.slice(0, 256), data: o.data })), shownAt: now.toISOString() };
        await tx.unit(() => repo.put(userId, record));
        return true;
      }
      return replace && (await repo.get(userId)) !== undefined && (await tx.unit(() => repo.delete(userId)));
    },
    async eventOf(userId, text, now) {
      const data = buttonDataOf(text);
      if (data !== null) return { kind: "button", data };
      const n = /^\s*(\d{1,3})\s*\.?\s*$/.exec(text);
      if (n) {
        const list = await repo.get(userId);
        const fresh = list && now.getTime() - Date.parse(list.shownAt) < CHOICES_TTL_MS;
        const chosen = fresh ? list.options[Number(n[1]) - 1] : undefined;
        if (chosen) return { kind: "button", data: chosen.data };
      }
      return textToEvent(text);
    },
  };
}
