import type { Markup } from "../core/markup.js";
import type { Locale } from "../core/types.js";

/**
 * What other flows may ask of the FAQ: answer a question when sure, otherwise say so and offer
 * the closest questions. The registration form uses it for questions typed mid-form.
 */
export type FaqLookup =
  | { matched: true; id: string; answer: Markup; score: number }
  | { matched: false; suggestions: { id: string; question: string }[] };

export interface Faq {
  lookup(question: string, locale: Locale): FaqLookup;
  /**
   * Brings learned content up to date before a lookup (another instance may have changed it);
   * cheap: the store is asked at most every few seconds. Absent when the content cannot change.
   */
  refresh?(now: Date): Promise<void>;
}
