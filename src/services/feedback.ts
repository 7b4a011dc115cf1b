import { isoWeekOf } from "../domain/iso-week.js";
import type { CountersRepository } from "../store/repositories.js";

export type Vote = "up" | "down";

/** Counts of one ISO week, from the counters. */
export interface FaqWeek {
  week: string;
  asked: number;
  answeredByBot: number;
  up: number;
  down: number;
}

export interface Feedback {
  /** A question reached the FAQ search; `answered`: the bot was sure and answered it. */
  asked(answered: boolean, now: Date): Promise<void>;
  /** A 👍/👎 on an entry's answer; false when this user already voted on that entry (not counted twice). */
  vote(entryId: string, vote: Vote, userKey: string, now: Date): Promise<boolean>;
  week(week: string): Promise<FaqWeek>;
}

/**
 * Counters per ISO week in the store (both backends): `faq-asked:2026-W49`, `faq-bot:…`,
 * `faq-up:…`, `faq-down:…`. A vote also takes `vote:<entry>:<user key>`, only to know whether
 * that user already voted on that answer — no other personal data is kept with a vote.
 */
export function createFeedback(counters: CountersRepository): Feedback {
  return {
    async asked(answered, now) {
      const week = isoWeekOf(now);
      await counters.next(`faq-asked:${week}`, 0);
      if (answered) await counters.next(`faq-bot:${week}`, 0);
    },
    async vote(entryId, vote, userKey, now) {
      if ((await counters.next(`vote:${entryId}:${userKey}`, 0)) > 1) return false;
      await counters.next(`faq-${vote}:${isoWeekOf(now)}`, 0);
      return true;
    },
    async week(week) {
      const [asked, answeredByBot, up, down] = await Promise.all(["asked", "bot", "up", "down"].map((k) => counters.last(`faq-${k}:${week}`)));
      return { week, asked: asked!, answeredByBot: answeredByBot!, up: up!, down: down! };
    },
  };
}
