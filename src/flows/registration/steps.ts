import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { esc, html, type Markup } from "../../core/markup.js";
import { parseAddress, addressSchema, type Address } from "../../domain/address.js";
import { awardYearFor, rulesFor, type RuleSet } from "../../domain/award-year.js";
import { parseCount } from "../../domain/count.js";
import { formatDate, formatPartialDate, parsePastDate, partialDateSchema, type PartialDate } from "../../domain/dates.js";
import { todayInVietnam } from "../../domain/vietnam-time.js";
import { parseEmail } from "../../domain/email.js";
import { marketEligibility, operationEligibility, type Eligibility } from "../../domain/eligibility.js";
import { formatMoney, parseMoney } from "../../domain/money.js";
import { parseNeed, parseOrgName, parsePersonName, parsePosition, parseProduct, parseLabel } from "../../domain/names.js";
import { formatPhone, parsePhone } from "../../domain/phone.js";
import { PROGRAMME_INFO, type Programme } from "../../domain/programmes.js";
import { sizeClassOf, type SizeClass } from "../../domain/size-class.js";
import { CERTIFICATES, ORG_TYPES, SECTOR_GROUPS, type SectorGroup } from "../../domain/submission.js";
import { parseTaxCode } from "../../domain/tax-code.js";
import { VSIC2018_SECTIONS, sizeSectorOfVsic, vsic2018SectionOf, vsicCode } from "../../domain/vsic.js";
import type { Ctx } from "../context.js";
import type { Answers, Choice, Gate, Step } from "../forms/types.js";
import { duplicateNotice } from "./confirmation.js";
import { showAddress } from "./describe.js";

/**
 * The questions of the registration forms, each declared once and shared by the award
 * registration, the support request and the contact update. Validators live in src/domain.
 */

const text = (min: number, max: number) => z.string().min(min).max(max);

export function programmeYear(ctx: Ctx, programme: Programme): number {
  return awardYearFor(ctx.services.province.timeline, programme, ctx.now);
}

export function programmeRules(ctx: Ctx, programme: Programme): RuleSet {
  return rulesFor(ctx.services.province.timeline, programme, programmeYear(ctx, programme));
}

/** The legal basis of the award's conditions for a rule set, as said to the user. */
const ruleBasisKey = (rules: RuleSet) => (rules === "2026" ? "reg-rule-2026" : "reg-rule-legacy");

export const consentStep: Step = {
  id: "consent",
  promptKey: "reg-ask-consent",
  labelKey: "reg-field-consent",
  input: { kind: "consent" },
  value: z.iso.datetime(),
  fixed: true,
  promptArgs: (ctx) => ({ unit: ctx.services.province.unit.name, parent: ctx.services.province.unit.parent }),
};

export const orgNameStep: Step = {
  id: "orgName",
  promptKey: "reg-ask-org-name",
  labelKey: "reg-field-org-name",
  input: { kind: "text", parse: (t) => parseOrgName(t) },
  value: text(2, 300),
};

/** The tax code; a second live registration for the same programme and year is stopped here. */
export function taxCodeStep(programme: Programme): Step {
  return {
    id: "taxCode",
    promptKey: "reg-ask-tax-code",
    labelKey: "reg-field-tax-code",
    input: { kind: "text", parse: (t) => parseTaxCode(t) },
    value: z.string().regex(/^\d{10}(?:-\d{3})?$/),
    show: (v) => html`<code>${esc(String(v))}</code>`,
    async check(value, ctx): Promise<Gate | null> {
      const existing = await ctx.services.submissions.duplicateOf(String(value), programme, programmeYear(ctx, programme));
      if (!existing) return null;
      return {
        text: duplicateNotice(ctx, existing),
        actions: [{ labelKey: "reg-action-update-contact", action: "dup-contact" }],
      };
    },
  };
}

const ORG_TYPE_ALIASES: Record<(typeof ORG_TYPES)[number], string[]> = {
  enterprise: ["dn", "doanh nghiep", "cong ty", "cty", "company", "enterprise", "business"],
  cooperative: ["htx", "hop tac xa", "cooperative", "co-op"],
  "public-unit": ["don vi su nghiep", "dvsn", "public unit", "public service unit"],
  other: ["khac", "other"],
};

export const orgTypeStep: Step = {
  id: "orgType",
  promptKey: "reg-ask-org-type",
  labelKey: "reg-field-org-type",
  input: {
    kind: "choice",
    choices: () => ORG_TYPES.map((v): Choice => ({ value: v, labelKey: `reg-org-type-${v}`, aliases: ORG_TYPE_ALIASES[v] })),
  },
  value: z.enum(ORG_TYPES),
};

function eligibilityGate(ctx: Ctx, result: Eligibility, notYetKey: string, needDayKey: string, given: PartialDate, rules: RuleSet): Gate | null {
  if (result.kind === "eligible") return null;
  if (result.kind === "need-day") {
    return { text: ctx.t(needDayKey, { given: formatPartialDate(given, ctx.locale) }), actions: [] };
  }
  return {
    text: ctx.t(notYetKey, {
      given: formatPartialDate(given, ctx.locale),
      from: formatDate(result.from, ctx.locale),
      exact: result.exact ? "yes" : "no",
      rule: raw(ctx.t(ruleBasisKey(rules))),
    }),
    actions: [{ labelKey: "reg-action-switch-nscl", action: "switch-nscl" }],
  };
}

/** Founding date → at least 36 months of operation before registering. */
export const foundedStep: Step = {
  id: "founded",
  promptKey: "reg-ask-founded",
  labelKey: "reg-field-founded",
  input: { kind: "text", parse: (t, ctx) => parsePastDate(t, ctx.now) },
  value: partialDateSchema,
  show: (v, ctx) => esc(formatPartialDate(v as PartialDate, ctx.locale)),
  check(value, ctx) {
    const founded = value as PartialDate;
    const rules = programmeRules(ctx, "gtclqg");
    return eligibilityGate(ctx, operationEligibility(founded, todayInVietnam(ctx.now)), "reg-founded-not-yet", "reg-founded-need-day", founded, rules);
  },
};

/** The address as typed, with the province when the text does not name it, and "old boundaries" when so. */
export const addressStep: Step = {
  id: "address",
  promptKey: "reg-ask-address",
  labelKey: "reg-field-address",
  input: { kind: "text", parse: (t, ctx) => parseAddress(t, ctx.services.vnProvinces, ctx.services.province.name) },
  value: addressSchema,
  promptArgs: (ctx) => ({ province: ctx.services.province.name }),
  show: (v, ctx) => showAddress(ctx, v as Address),
};

const SECTOR_ALIASES: Record<SectorGroup, string[]> = {
  production: ["san xuat", "sx", "production", "manufacturing", "nong nghiep", "cong nghiep"],
  services: ["dich vu", "dv", "services", "service", "thuong mai"],
};

export const sectorStep: Step = {
  id: "sector",
  promptKey: "reg-ask-sector",
  labelKey: "reg-field-sector",
  input: { kind: "choice", choices: () => SECTOR_GROUPS.map((v): Choice => ({ value: v, labelKey: `reg-sector-${v}`, aliases: SECTOR_ALIASES[v] })) },
  value: z.enum(SECTOR_GROUPS),
};

export const vsicStep: Step = {
  id: "vsic",
  promptKey: "reg-ask-vsic",
  labelKey: "reg-field-vsic",
  input: {
    kind: "choice",
    columns: 1,
    choices: () => VSIC2018_SECTIONS.map((s): Choice => ({ value: vsicCode("vsic2018", s.code), labelKey: `vsic2018-${s.code.toLowerCase()}`, aliases: [s.code] })),
    parse: (t) => {
      const section = vsic2018SectionOf(t);
      return section ? vsicCode("vsic2018", section) : null;
    },
  },
  value: z.string().regex(/^vsic2018:[A-U]$/),
};

/** Size under NĐ 80/2021 from the answers given so far; null when it cannot be told. */
export function sizeFromAnswers(answers: Answers): SizeClass | null {
  const employees = answers.employees;
  const vsic = answers.vsic;
  if (typeof employees !== "number") return null;
  const sector = typeof vsic === "string" ? sizeSectorOfVsic(vsic) : answers.sector === "services" ? "trade-services" : "industry";
  const money = (v: JsonValue | undefined) => (typeof v === "number" ? v : null);
  return sizeClassOf({ sector, employees, revenueVnd: money(answers.revenue), capitalVnd: money(answers.capital) });
}

/** "Under NĐ 80/2021 your size is: small enterprise" — after the money questions and in the summary. */
export function sizeRemark(ctx: Ctx, answers: Answers): Markup | null {
  const size = sizeFromAnswers(answers);
  return size ? ctx.t("reg-size-class", { size: raw(ctx.t(`size-${size}`)) }) : null;
}

export function employeesStep(optional: boolean): Step {
  return {
    id: "employees",
    promptKey: "reg-ask-employees",
    labelKey: "reg-field-employees",
    input: { kind: "text", parse: (t) => parseCount(t) },
    value: z.number().int().min(0),
    optional,
  };
}

const moneyShow = (v: JsonValue, ctx: Ctx) => esc(formatMoney(Number(v), ctx.locale));

/** Revenue; for the award at least one of revenue and capital is needed for the size class. */
export function revenueStep(whenEmployeesKnown: boolean): Step {
  return {
    id: "revenue",
    promptKey: "reg-ask-revenue",
    labelKey: "reg-field-revenue",
    input: { kind: "text", parse: (t) => parseMoney(t) },
    value: z.number().int().min(0),
    optional: true,
    show: moneyShow,
    ...(whenEmployeesKnown ? { when: (a: Answers) => typeof a.employees === "number" } : {}),
  };
}

export function capitalStep(alwaysOptional: boolean): Step {
  return {
    id: "capital",
    promptKey: "reg-ask-capital",
    labelKey: "reg-field-capital",
    input: { kind: "text", parse: (t) => parseMoney(t) },
    value: z.number().int().min(0),
    // Without revenue, capital is what tells the size class.
    optional: alwaysOptional ? true : (a) => typeof a.revenue === "number",
    show: moneyShow,
    ...(alwaysOptional ? { when: (a: Answers) => typeof a.employees === "number" } : {}),
    remark: (_v, ctx, answers) => sizeRemark(ctx, answers),
  };
}

export const productStep: Step = {
  id: "product",
  promptKey: "reg-ask-product",
  labelKey: "reg-field-product",
  input: { kind: "text", parse: (t) => parseProduct(t) },
  value: text(2, 300),
};

/** When the product came to market → at least 12 months under the 2026 rules. */
export const marketSinceStep: Step = {
  id: "marketSince",
  promptKey: "reg-ask-market-since",
  labelKey: "reg-field-market-since",
  input: { kind: "text", parse: (t, ctx) => parsePastDate(t, ctx.now) },
  value: partialDateSchema,
  promptArgs: (ctx) => ({ rule: raw(ctx.t(programmeRules(ctx, "gtclqg") === "2026" ? "reg-market-rule-2026" : "reg-market-rule-legacy")) }),
  show: (v, ctx) => esc(formatPartialDate(v as PartialDate, ctx.locale)),
  check(value, ctx) {
    const since = value as PartialDate;
    const rules = programmeRules(ctx, "gtclqg");
    return eligibilityGate(ctx, marketEligibility(since, todayInVietnam(ctx.now), rules), "reg-market-not-yet", "reg-market-need-day", since, rules);
  },
};

const CERT_ALIASES: Record<(typeof CERTIFICATES)[number], string[]> = {
  iso9001: ["9001", "iso 9001", "iso9001"],
  iso14001: ["14001", "iso 14001", "iso14001"],
  "iso22000-haccp": ["22000", "iso 22000", "iso22000", "haccp"],
  iso45001: ["45001", "iso 45001", "iso45001"],
  iso50001: ["50001", "iso 50001", "iso50001"],
  "vietgap-globalgap": ["vietgap", "globalgap", "viet gap", "global gap"],
  ocop: ["ocop"],
  other: ["khac", "other"],
};

export const certificatesStep: Step = {
  id: "certs",
  promptKey: "reg-ask-certs",
  labelKey: "reg-field-certs",
  input: { kind: "multi", min: 0, choices: () => CERTIFICATES.map((v): Choice => ({ value: v, labelKey: `cert-${v}`, aliases: CERT_ALIASES[v] })) },
  value: z.array(z.enum(CERTIFICATES)),
};

export const certificatesOtherStep: Step = {
  id: "certsOther",
  promptKey: "reg-ask-certs-other",
  labelKey: "reg-field-certs-other",
  input: { kind: "text", parse: (t) => parseLabel(t, 2, 300, "ISO/IEC 17025, HALAL") },
  value: text(2, 300),
  when: (a) => Array.isArray(a.certs) && a.certs.includes("other"),
};

export const contactNameStep: Step = {
  id: "contactName",
  promptKey: "reg-ask-contact-name",
  labelKey: "reg-field-contact-name",
  input: { kind: "text", parse: (t) => parsePersonName(t) },
  value: text(2, 120),
};

export const positionStep: Step = {
  id: "position",
  promptKey: "reg-ask-position",
  labelKey: "reg-field-position",
  input: { kind: "text", parse: (t) => parsePosition(t) },
  value: text(2, 120),
};

export const phoneStep: Step = {
  id: "phone",
  promptKey: "reg-ask-phone",
  labelKey: "reg-field-phone",
  input: { kind: "text", parse: (t) => parsePhone(t) },
  value: z.string().regex(/^\+84\d{9,10}$/),
  show: (v) => esc(formatPhone(String(v))),
};

export const emailStep: Step = {
  id: "email",
  promptKey: "reg-ask-email",
  labelKey: "reg-field-email",
  input: { kind: "text", parse: (t) => parseEmail(t) },
  value: z.email(),
};

export const documentsStep: Step = {
  id: "docs",
  promptKey: "reg-ask-documents",
  labelKey: "reg-field-documents",
  input: { kind: "files", max: 20 },
  value: z.literal(true),
  optional: true,
};

export const supportKindsStep: Step = {
  id: "kinds",
  promptKey: "reg-ask-support-kinds",
  labelKey: "reg-field-support-kinds",
  input: {
    kind: "multi",
    min: 1,
    columns: 1,
    choices: (ctx) => ctx.services.supportKinds.map((k): Choice => ({ value: k.id, label: k.name })),
  },
  value: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1),
  promptArgs: (ctx) => ({ list: ctx.services.supportKinds.map((k, i) => `${i + 1}. ${k.name[ctx.locale]} (${k.examples[ctx.locale]})`).join("\n") }),
};

export const needStep: Step = {
  id: "need",
  promptKey: "reg-ask-need",
  labelKey: "reg-field-need",
  input: { kind: "text", parse: (t) => parseNeed(t) },
  value: text(10, 2000),
};
