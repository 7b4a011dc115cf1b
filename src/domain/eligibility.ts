import { addMonths, periodEnd, type PartialDate } from "./dates.js";
import type { RuleSet } from "./award-year.js";

/** Lawful operation in Vietnam before registering (NĐ 132/2008 legacy rules; NĐ 37/2026 Điều 59). */
export const MIN_OPERATION_MONTHS = 36;
/** The product entered must have been on the market this long — a 2026 rule (NĐ 37/2026 Điều 59). */
export const MIN_MARKET_MONTHS_2026 = 12;

export type Eligibility =
  | { kind: "eligible" }
  /** Not yet: eligible from `from` (YYYY-MM-DD); `exact` is false when only a month or year was given. */
  | { kind: "not-yet"; from: string; exact: boolean }
  /** Only a month or year was given and the answer depends on the day. */
  | { kind: "need-day" };

/** Has `months` passed since `since` by `today` (YYYY-MM-DD)? */
export function monthsElapsed(since: PartialDate, months: number, today: string): Eligibility {
  const latest = addMonths(periodEnd(since), months);
  if (latest <= today) return { kind: "eligible" };
  if (since.precision !== "day" && addMonths(since.date, months) <= today) return { kind: "need-day" };
  return { kind: "not-yet", from: latest, exact: since.precision === "day" };
}

export function operationEligibility(foundedOn: PartialDate, today: string): Eligibility {
  return monthsElapsed(foundedOn, MIN_OPERATION_MONTHS, today);
}

/** Under the legacy rules there is no minimum time on the market. */
export function marketEligibility(onMarketSince: PartialDate, today: string, rules: RuleSet): Eligibility {
  if (rules === "legacy") return { kind: "eligible" };
  return monthsElapsed(onMarketSince, MIN_MARKET_MONTHS_2026, today);
}
