import type { RuleSet } from "./award-year.js";
import { fail, ok, type Parsed } from "./result.js";

/**
 * Previous National Quality Award wins and whether a winner may enter again. Only rules with a
 * source in domain.md are applied; anything else is "unknown" and the user is told so.
 */
export const PRIOR_AWARDS = ["none", "gold", "silver", "award"] as const;
export type PriorAward = (typeof PRIOR_AWARDS)[number];

/** The award started in 1996 as Giải thưởng Chất lượng Việt Nam, renamed in 2009 (domain.md §1.1). */
export const FIRST_AWARD_YEAR = 1996;

/** Legacy rules (NĐ 132/2008 as amended by NĐ 74/2018): a Giải Vàng winner may enter again only after 2 years (domain.md §1.2). */
export const GOLD_WAIT_YEARS_LEGACY = 2;

export type ReEntry =
  /** No limit known to apply, or the wait is over in any reading of the rule. */
  | { kind: "may-enter"; basis: "gold-legacy" | "silver-2026" }
  /** The winner must wait; `from` is the first award year that is after the wait in any reading. */
  | { kind: "not-yet"; from: number }
  /** "After 2 years" read as calendar or award years gives different answers for this year: the unit decides. */
  | { kind: "borderline" }
  /** No rule with a source covers this tier under these rules. */
  | { kind: "unknown" };

/**
 * The re-entry rule for a winner of `tier` in `wonIn`, registering for `awardYear` under `rules`:
 * - legacy, Giải Vàng: after 2 years — two or more years between wins is clearly allowed only from the
 *   third award year on; exactly two is read both ways, so the unit is asked (domain.md §1.2);
 * - 2026 rules, Giải Bạc: "không hạn chế số lần và thời gian tham dự" (NĐ 37/2026 Điều 59, excerpt, domain.md §2);
 * - everything else: not known from the sources at hand.
 */
export function reEntry(tier: Exclude<PriorAward, "none">, wonIn: number, awardYear: number, rules: RuleSet): ReEntry {
  if (rules === "2026" && tier === "silver") return { kind: "may-enter", basis: "silver-2026" };
  if (rules === "legacy" && tier === "gold") {
    const gap = awardYear - wonIn;
    if (gap > GOLD_WAIT_YEARS_LEGACY) return { kind: "may-enter", basis: "gold-legacy" };
    if (gap === GOLD_WAIT_YEARS_LEGACY) return { kind: "borderline" };
    return { kind: "not-yet", from: wonIn + GOLD_WAIT_YEARS_LEGACY + 1 };
  }
  return { kind: "unknown" };
}

/** The award year of a previous win: a four-digit year from 1996 to `latest` (this year). */
export function parseAwardYear(input: string, latest: number): Parsed<number> {
  const match = /^\D*((?:19|20)\d\d)\D*$/.exec(input.normalize("NFKC").trim());
  const year = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(year) || year < FIRST_AWARD_YEAR || year > latest) return fail("regc-val-prior-year", { first: String(FIRST_AWARD_YEAR), last: String(latest) });
  return ok(year);
}
