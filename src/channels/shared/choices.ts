import { clip } from "../../domain/text.js";
import { textToEvent } from "../../core/dispatcher.js";
import type { Button, InboundEvent } from "../../core/types.js";
import type { ChannelStorage } from "./storage.js";

/**
 * Numbered choices, for a channel that cannot show (enough) buttons: the choices go out as lines
 * "1. …" and the user answers "3" to press the third — as in the terminal chat. The last list each
 * user was shown is kept in the store, so an answer still works after a restart and on another
 * instance; only users looking at such a list have a record.
 */

/** A list older than this is forgotten: a bare number days later is more likely an answer to something else. */
const CHOICES_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Lines for `buttons`, numbered on after those already in `options` (which they join): "1" is options[0] across a reply's messages. */
export function numberChoices(buttons: readonly Button[], options: Button[]): string[] {
  return buttons.map((button) => {
    options.push(button);
    return `${options.length}. ${button.label}`;
  });
}

export interface Choices {
  /** Replies replace the list (or clear it when they show none); pushes only add one. True when something changed. */
  remember(userId: string, options: readonly Button[], now: Date, replace: boolean): Promise<boolean>;
  /** What a user's text means: a number from the last list, otherwise a command or text. */
  eventOf(userId: string, text: string, now: Date): Promise<InboundEvent>;
}

/** `scope`: the channel's keys in the shared records (`scopeOf(channel)`). */
export function createChoices(storage: ChannelStorage, scope: string): Choices {
  const repo = storage.repos.channels.choices;
  return {
    async remember(userId, options, now, replace) {
      const key = scope + userId;
      if (options.length > 0) {
        const record = { options: options.slice(0, 100).map((o) => ({ label: clip(o.label, 256), data: o.data })), shownAt: now.toISOString() };
        await storage.unit(() => repo.put(key, record));
        return true;
      }
      return replace && (await repo.get(key)) !== undefined && (await storage.unit(() => repo.delete(key)));
    },
    async eventOf(userId, text, now) {
      const n = /^\s*(\d{1,3})\s*\.?\s*$/.exec(text);
      if (n) {
        const list = await repo.get(scope + userId);
        const fresh = list && now.getTime() - Date.parse(list.shownAt) < CHOICES_TTL_MS;
        const chosen = fresh ? list.options[Number(n[1]) - 1] : undefined;
        if (chosen) return { kind: "button", data: chosen.data };
      }
      return textToEvent(text);
    },
  };
}
