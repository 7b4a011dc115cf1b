import type { Markup } from "../core/markup.js";
import type { Locale } from "../core/types.js";

/**
 * What other flows may ask of the FAQ: answer a question when sure, otherwise say so and offer
 * the closest questions. The registration form uses it for questions typed mid-form.
 */
export type FaqLookup =
  | { matched: true; id: string; answer: Markup; score: number }
  | { matched: false; suggestions: { id: string; question: string }[] };

export interface FaqLookupOptions {
  context?: string;
}

export interface Faq {
  /** `context`: the programme the user is dealing with (a form's), read as if the question named it — unless it names one itself. */
  lookup(question: string, locale: Locale, options?: FaqLookupOptions): FaqLookup;
  /**
   * Brings learned content up to date before a lookup (another instance may have changed it);
   * cheap: the store is asked at most every few seconds. Absent when the content cannot change.
   */
  refresh?(now: Date): Promise<void>;
}
