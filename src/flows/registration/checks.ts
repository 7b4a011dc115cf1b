import { z } from "zod";
import { raw } from "../../core/i18n.js";
import { unitDisplayName } from "../../knowledge/province.js";
import type { JsonValue, Turn } from "../../core/feature.js";
import { awardYearChoice } from "../../domain/award-year.js";
import type { Markup } from "../../core/markup.js";
import type { Address } from "../../domain/address.js";
import * as F from "../../domain/fields/fields.js";
import { PRIOR_AWARDS, parseAwardYear, reEntry, type PriorAward } from "../../domain/re-entry.js";
import { YES_NO, YES_NO_UNKNOWN } from "../../domain/submission.js";
import { fold } from "../../domain/text.js";
import { yearInVietnam } from "../../domain/vietnam-time.js";
import type { Ctx } from "../context.js";
import type { FormState } from "../forms/state.js";
import type { Answers, Choice, FormDefinition, FormEngineApi, Gate, Step } from "../forms/types.js";
import { addressStep, ask, programmeRegime, programmeYear, taxCodeStep } from "./steps.js";

/**
 * The registration form's checks beyond single answers (issue 14): who the provincial council
 * takes (its own province, legal entities), previous wins and the re-entry rule, the tax and
 * social-insurance self-declaration, a ministry's own council. Texts: locales/*\/registration-checks.ftl.
 */

const choicesOf = (field: { choiceKey?(v: string): string }, values: readonly string[], aliases: Readonly<Record<string, readonly string[]>>): Choice[] =>
  values.map((v) => ({ value: v, labelKey: field.choiceKey?.(v) ?? v, aliases: aliases[v] ?? [] }));

const YES_ALIASES = { yes: ["co", "có", "yes", "y", "dung", "đúng"], no: ["khong", "không", "no", "n", "chua", "chưa"], unknown: ["khong ro", "không rõ", "chua ro", "unknown", "not sure", "khong biet"] };

// ——— the province ———

/** The deployment's province takes only its own enterprises: an address elsewhere is said, with the unit to turn to. */
export function provinceGate(ctx: Ctx, address: Address): Gate | null {
  const home = ctx.services.province.name;
  if (address.province === null || fold(address.province) === fold(home)) return null;
  const other = ctx.services.vnProvinces.find((p) => p.name === address.province);
  return {
    text: ctx.t("regc-other-province", { province: address.province, kind: other?.kind ?? "tinh", home, legacy: address.legacy ? "yes" : "no" }),
    actions: [],
  };
}

/** The address question of a provincial deployment: an address in another province stays on the question. */
export const homeAddressStep: Step = { ...addressStep, check: (value, ctx) => provinceGate(ctx, value as Address) };

// ——— legal entity (the award) ———

/** The parent company's code of a branch's 13-digit code: its first ten digits (domain.md §5.1). */
const parentOf = (taxCode: string): string | null => (taxCode.includes("-") ? taxCode.slice(0, 10) : null);

/** A branch or dependent unit cannot enter the award in its own name: it registers through its parent. */
export function branchGate(ctx: Ctx, taxCode: string): Gate | null {
  const parent = parentOf(taxCode);
  if (parent === null) return null;
  return { text: ctx.t("regc-branch", { code: taxCode, parent }), actions: [{ labelKey: "regc-action-parent", action: "parent" }] };
}

/** The award's tax code question: a branch's code is explained first, then the duplicate rule on a code that passes. */
export function awardTaxCodeStep(): Step {
  const base = taxCodeStep("gtclqg");
  return { ...base, check: async (value, ctx, answers) => branchGate(ctx, String(value)) ?? (await base.check?.(value, ctx, answers)) ?? null };
}

/** Start again from the organisation's name, for the parent company (the answers after it are kept). */
export function registerParent(ctx: Ctx, form: FormDefinition, state: FormState, api: FormEngineApi): Turn {
  const { orgName: _n, taxCode: _t, orgType: _o, legal: _l, ...rest } = state.answers;
  const next: FormState = { ...state, answers: rest, at: "orgName", editing: true, held: null, tries: 0, pick: null };
  return api.reask(ctx, form, next, ctx.t("regc-parent-intro"));
}

/** Type "other", award: legal personality is the condition (domain.md §1.2); "no" is explained, with the way through the parent. */
export const legalEntityStep: Step = ask(F.LEGAL_ENTITY, {
  promptKey: "regc-ask-legal-entity",
  input: { kind: "choice", choices: () => choicesOf(F.LEGAL_ENTITY, YES_NO, YES_ALIASES) },
  when: (a) => a.orgType === "other",
  check: (value, ctx) => (value === "no" ? { text: ctx.t("regc-legal-no-gate"), actions: [{ labelKey: "regc-action-parent", action: "parent" }] } : null),
});

// ——— previous wins ———

const PRIOR_ALIASES: Record<PriorAward, string[]> = {
  none: ["chua", "chưa", "khong", "không", "none", "no", "never"],
  gold: ["vang", "vàng", "giai vang", "gold"],
  silver: ["bac", "bạc", "giai bac", "silver"],
  award: ["gtclqg", "giai thuong", "giải thưởng", "award"],
};

export const priorAwardStep: Step = ask(F.PRIOR_AWARD, {
  promptKey: "regc-ask-prior-award",
  input: { kind: "choice", columns: 1, choices: () => choicesOf(F.PRIOR_AWARD, PRIOR_AWARDS, PRIOR_ALIASES) },
});

export const priorYearStep: Step = ask(F.PRIOR_AWARD_YEAR, {
  promptKey: "regc-ask-prior-year",
  input: { kind: "text", parse: (t, ctx) => parseAwardYear(t, yearInVietnam(ctx.now)) },
  when: (a) => typeof a.prevWin === "string" && a.prevWin !== "none",
  promptArgs: (_ctx, a) => ({ tier: typeof a.prevWin === "string" ? a.prevWin : "award" }),
  remark: (value, ctx, answers) => reEntryRemark(ctx, answers.prevWin, value, answers),
});

/** The re-entry rule for the win told, under the regime of this registration's award year: only rules with a source. */
export function reEntryRemark(ctx: Ctx, tier: JsonValue | undefined, year: JsonValue | undefined, answers?: Answers): Markup | null {
  if (typeof tier !== "string" || tier === "none" || !(PRIOR_AWARDS as readonly string[]).includes(tier) || typeof year !== "number") return null;
  const awardYear = programmeYear(ctx, "gtclqg", answers);
  const regime = programmeRegime(ctx, "gtclqg", answers);
  const result = reEntry(tier as Exclude<PriorAward, "none">, year, awardYear, regime.rules);
  const args = { tier, won: String(year), year: String(awardYear), unit: raw(unitDisplayName(ctx.services.province, ctx.t)), confirmed: regime.confirmed ? "yes" : "no" };
  switch (result.kind) {
    case "may-enter":
      return ctx.t(`regc-reentry-${result.basis}`, args);
    case "not-yet":
      return ctx.t("regc-reentry-not-yet", { ...args, from: String(result.from) });
    case "borderline":
      return ctx.t("regc-reentry-borderline", args);
    case "unknown":
      return ctx.t("regc-reentry-unknown", { ...args, rules: regime.rules });
  }
}

// ——— tax and social insurance; a ministry's council ———

export const taxInsuranceStep: Step = ask(F.TAX_INSURANCE, {
  promptKey: "regc-ask-tax-insurance",
  input: { kind: "choice", columns: 1, choices: () => choicesOf(F.TAX_INSURANCE, YES_NO, YES_ALIASES) },
  remark: (value, ctx) => (value === "no" ? ctx.t("regc-taxins-no-note", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) }) : null),
});

export const ministryStep: Step = ask(F.MINISTRY_COUNCIL, {
  promptKey: "regc-ask-ministry",
  input: { kind: "choice", columns: 1, choices: () => choicesOf(F.MINISTRY_COUNCIL, YES_NO_UNKNOWN, YES_ALIASES) },
  remark: (value, ctx) =>
    value === "yes" ? ctx.t("regc-ministry-yes-note") : value === "unknown" ? ctx.t("regc-ministry-unknown-note", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) }) : null,
});

/** What the summary adds after the answers: the re-entry rule and the self-declaration, when they call for a word. */
export function checksRemarks(ctx: Ctx, answers: Answers): Markup[] {
  const out: (Markup | null)[] = [
    reEntryRemark(ctx, answers.prevWin, answers.prevYear, answers),
    answers.taxIns === "no" ? ctx.t("regc-taxins-no-note", { unit: raw(unitDisplayName(ctx.services.province, ctx.t)) }) : null,
  ];
  return out.filter((m): m is Markup => m !== null);
}

// ——— the award year ———

/** The profile decides the award year: no question then (the summary still shows it, to be changed). */
export function awardYearInitial(ctx: Ctx): Answers {
  const choice = awardYearChoice(ctx.services.province.timeline, "gtclqg", ctx.now);
  return "year" in choice ? { year: String(choice.year) } : {};
}

const RELATIVE_YEAR: readonly (readonly string[])[] = [
  ["năm nay", "nam nay", "this year"],
  ["năm sau", "nam sau", "năm tới", "nam toi", "sang năm", "sang nam", "next year"],
];

const yearOptions = (ctx: Ctx): readonly number[] => {
  const choice = awardYearChoice(ctx.services.province.timeline, "gtclqg", ctx.now);
  const year = "year" in choice ? choice.year : choice.ask[0];
  return "ask" in choice ? choice.ask : [year, year + 1];
};

/**
 * Which award year, asked only when the profile gives no dates for this year and the usual intake
 * is over (a registration in December may be meant for next year). Not a stored field of the
 * organisation: it is the submission's award year (its code GT-<year>-…).
 */
export const awardYearStep: Step = {
  id: "year",
  labelKey: "regc-field-award-year",
  promptKey: "regc-ask-award-year",
  value: z.string().regex(/^\d{4}$/),
  input: {
    kind: "choice",
    columns: 1,
    // "năm nay" / "năm sau" as people say it: the options are always this year and the next.
    choices: (ctx) => yearOptions(ctx).map((y, i): Choice => ({ value: String(y), label: { vi: String(y), en: String(y) }, aliases: [String(y), ...(RELATIVE_YEAR[i] ?? [])] })),
  },
  promptArgs: (ctx) => ({ year: String(yearOptions(ctx)[0]), unit: raw(unitDisplayName(ctx.services.province, ctx.t)) }),
};
