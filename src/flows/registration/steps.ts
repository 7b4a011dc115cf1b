import { DOSSIER_FILE_MAX_MB, DOSSIER_FILE_TYPE_LIST } from "../../domain/dossier-file.js";
import { raw } from "../../core/i18n.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { esc, html, type Markup } from "../../core/markup.js";
import { parseAddress } from "../../domain/address.js";
import { awardYearFor, regimeFor, type Regime, type RuleSet } from "../../domain/award-year.js";
import { parseCount } from "../../domain/count.js";
import { formatDate, formatPartialDate, parsePastDate, partialDateSchema, type PartialDate } from "../../domain/dates.js";
import type { JsonValue } from "../../core/feature.js";
import { todayInVietnam } from "../../domain/vietnam-time.js";
import { parseEmail } from "../../domain/email.js";
import { marketEligibility, operationEligibility, type Eligibility } from "../../domain/eligibility.js";
import type { AnsweredField } from "../../domain/fields/field.js";
import * as F from "../../domain/fields/fields.js";
import { parseMoney } from "../../domain/money.js";
import { parseNeed, parseOrgName, parsePersonName, parsePosition, parseProduct, parseLabel } from "../../domain/names.js";
import { parsePhone } from "../../domain/phone.js";
import type { Programme } from "../../domain/programmes.js";
import { CERTIFICATES, ORG_TYPES, SECTOR_GROUPS, type SectorGroup } from "../../domain/submission.js";
import { parseTaxCode } from "../../domain/tax-code.js";
import { VSIC_SECTIONS, VSIC_VERSIONS, vsicCode, vsicSectionOf, type VsicVersion } from "../../domain/vsic.js";
import { z } from "zod";
import type { Ctx } from "../context.js";
import type { Answers, Choice, Gate, Step } from "../forms/types.js";
import { duplicateNotice } from "./confirmation.js";

/**
 * The questions of the registration forms, shared by the award registration, the support request
 * and the contact update. What a field is (schema, label, where it is stored, how it reads) is
 * declared in src/domain/fields/fields.ts; here is how it is asked. Validators live in src/domain.
 */

/** The question for a declared field: its id, label, schema and how an answer reads come from the declaration. */
export function ask(field: AnsweredField, step: Omit<Step, "id" | "labelKey" | "value">): Step {
  const show = field.show;
  return { id: field.answer.id, labelKey: field.labelKey, value: field.answer.schema, ...(show ? { show: (v, ctx) => show(v, ctx) } : {}), ...step };
}

/** The options of a choice, labelled as the field declares. */
function options<V extends string>(field: AnsweredField, values: readonly V[], aliases: Readonly<Record<V, readonly string[]>>): Choice[] {
  return values.map((v) => ({ value: v, labelKey: field.choiceKey?.(v) ?? v, aliases: aliases[v] }));
}

/** The award year: the one the user chose when the profile could not tell (`year` answer), else the profile's. */
export function programmeYear(ctx: Ctx, programme: Programme, answers?: Answers): number {
  const chosen = answers?.year;
  if (programme === "gtclqg" && typeof chosen === "string" && /^\d{4}$/.test(chosen)) return Number(chosen);
  return awardYearFor(ctx.services.province.timeline, programme, ctx.now);
}

export function programmeRules(ctx: Ctx, programme: Programme, answers?: Answers): RuleSet {
  return programmeRegime(ctx, programme, answers).rules;
}

/** The regime of the award year a registration made now belongs to, and whether an official confirmed it. */
export function programmeRegime(ctx: Ctx, programme: Programme, answers?: Answers): Regime {
  return regimeFor(ctx.services.province.timeline, programme, programmeYear(ctx, programme, answers));
}

/** The legal basis of the award's conditions for a rule set, as said to the user. */
const ruleBasisKey = (rules: RuleSet) => (rules === "2026" ? "reg-rule-2026" : "reg-rule-legacy");

/** The 36 months are in both regimes (domain.md §1.2, §2): while the award year's regime is unconfirmed, both are named. */
const operationBasisKey = (regime: Regime) => (regime.rules === "2026" && !regime.confirmed ? "regc-rule-36-both" : ruleBasisKey(regime.rules));

export const consentStep: Step = ask(F.CONSENT, {
  promptKey: "reg-ask-consent",
  input: { kind: "consent" },
  fixed: true,
  promptArgs: (ctx) => ({ unit: raw(unitDisplayName(ctx.services.province, ctx.t, "full")) }),
});

export const orgNameStep: Step = ask(F.ORG_NAME, {
  promptKey: "reg-ask-org-name",
  input: { kind: "text", parse: (t) => parseOrgName(t) },
});

/** The tax code; a second live registration for the same programme and year is stopped here. */
export function taxCodeStep(programme: Programme): Step {
  return ask(F.TAX_CODE, {
    promptKey: "reg-ask-tax-code",
    input: { kind: "text", parse: (t) => parseTaxCode(t) },
    // In the summary as code, to be checked digit by digit.
    show: (v) => html`<code>${esc(String(v))}</code>`,
    async check(value, ctx, answers): Promise<Gate | null> {
      const existing = await ctx.services.submissions.duplicateOf(String(value), programme, programmeYear(ctx, programme, answers));
      if (!existing) return null;
      return {
        text: duplicateNotice(ctx, existing),
        actions: [{ labelKey: "reg-action-update-contact", action: "dup-contact" }],
      };
    },
  });
}

const ORG_TYPE_ALIASES: Record<(typeof ORG_TYPES)[number], string[]> = {
  enterprise: ["dn", "doanh nghiep", "cong ty", "cty", "company", "enterprise", "business"],
  cooperative: ["htx", "hop tac xa", "cooperative", "co-op"],
  "public-unit": ["don vi su nghiep", "dvsn", "public unit", "public service unit"],
  other: ["khac", "other"],
};

export const orgTypeStep: Step = ask(F.ORG_TYPE, {
  promptKey: "reg-ask-org-type",
  input: { kind: "choice", choices: () => options(F.ORG_TYPE, ORG_TYPES, ORG_TYPE_ALIASES) },
});

function eligibilityGate(ctx: Ctx, result: Eligibility, notYetKey: string, needDayKey: string, given: PartialDate, rules: RuleSet, basisKey = ruleBasisKey(rules)): Gate | null {
  if (result.kind === "eligible") return null;
  if (result.kind === "need-day") {
    return { text: ctx.t(needDayKey, { given: formatPartialDate(given, ctx.locale) }), actions: [] };
  }
  return {
    text: ctx.t(notYetKey, {
      given: formatPartialDate(given, ctx.locale),
      from: formatDate(result.from, ctx.locale),
      exact: result.exact ? "yes" : "no",
      rule: raw(ctx.t(basisKey)),
    }),
    actions: [{ labelKey: "reg-action-switch-nscl", action: "switch-nscl" }],
  };
}

/** Founding date → at least 36 months of operation before registering. */
export const foundedStep: Step = ask(F.FOUNDED, {
  promptKey: "reg-ask-founded",
  input: { kind: "text", parse: (t, ctx) => parsePastDate(t, ctx.now) },
  check(value, ctx, answers) {
    const founded = value as PartialDate;
    const regime = programmeRegime(ctx, "gtclqg", answers);
    return eligibilityGate(ctx, operationEligibility(founded, todayInVietnam(ctx.now)), "reg-founded-not-yet", "reg-founded-need-day", founded, regime.rules, operationBasisKey(regime));
  },
});

/** The address as typed, with the province when the text does not name it, and "old boundaries" when so. */
export const addressStep: Step = ask(F.ADDRESS, {
  promptKey: "reg-ask-address",
  input: { kind: "text", parse: (t, ctx) => parseAddress(t, ctx.services.vnProvinces, ctx.services.province.name) },
  promptArgs: (ctx) => ({ province: ctx.services.province.name }),
});

const SECTOR_ALIASES: Record<SectorGroup, string[]> = {
  production: ["san xuat", "sx", "production", "manufacturing", "nong nghiep", "cong nghiep", "che bien", "che tao", "processing"],
  services: ["dich vu", "dv", "services", "service", "thuong mai"],
};

export const sectorStep: Step = ask(F.SECTOR, {
  promptKey: "reg-ask-sector",
  input: { kind: "choice", choices: () => options(F.SECTOR, SECTOR_GROUPS, SECTOR_ALIASES) },
});

/** Which version of the classification the code comes from: asked before the code, stored inside it (`vsic2025:K`). */
const versionOf = (answers: Answers): VsicVersion => (answers.vsicVer === "vsic2025" ? "vsic2025" : "vsic2018");

export const vsicVersionStep: Step = {
  id: "vsicVer",
  labelKey: "regc-field-vsic-version",
  promptKey: "regc-ask-vsic-version",
  value: z.enum(VSIC_VERSIONS),
  input: {
    kind: "choice",
    columns: 1,
    choices: () => VSIC_VERSIONS.map((v): Choice => ({ value: v, labelKey: `regc-${v}`, aliases: [v.slice(4), v] })),
  },
};

const vsicSectionChoice = (version: VsicVersion, code: string): Choice => {
  const value = vsicCode(version, code);
  return { value, labelKey: F.VSIC.choiceKey?.(value) ?? value, aliases: [code] };
};

export const vsicStep: Step = ask(F.VSIC, {
  promptKey: "reg-ask-vsic",
  promptArgs: (_ctx, answers) => ({ version: versionOf(answers) }),
  input: {
    kind: "choice",
    columns: 1,
    choices: (_ctx, answers) => VSIC_SECTIONS[versionOf(answers)].map((s) => vsicSectionChoice(versionOf(answers), s.code)),
    parse: (t, _ctx, answers) => {
      const section = vsicSectionOf(versionOf(answers), t);
      return section ? vsicCode(versionOf(answers), section) : null;
    },
  },
});

/** "Under NĐ 80/2021 your size is: small enterprise" — after the money questions and in the summary. */
export function sizeRemark(ctx: Ctx, answers: Answers): Markup | null {
  // NĐ 80/2021 classifies enterprises: a cooperative or a public unit is never called "doanh nghiệp nhỏ/vừa".
  if (answers.orgType !== "enterprise") return null;
  const size = F.sizeFromAnswers(answers);
  return size ? ctx.t("reg-size-class", { size: raw(ctx.t(`size-${size}`)) }) : null;
}

export function employeesStep(optional: boolean): Step {
  return ask(F.EMPLOYEES, {
    promptKey: "reg-ask-employees",
    input: { kind: "text", parse: (t) => parseCount(t) },
    optional,
  });
}

/** Revenue; for the award at least one of revenue and capital is needed for the size class. */
export function revenueStep(whenEmployeesKnown: boolean): Step {
  return ask(F.REVENUE, {
    promptKey: "reg-ask-revenue",
    input: { kind: "text", parse: (t) => parseMoney(t) },
    optional: true,
    ...(whenEmployeesKnown ? { when: (a: Answers) => typeof a.employees === "number" } : {}),
  });
}

export function capitalStep(alwaysOptional: boolean): Step {
  return ask(F.CAPITAL, {
    promptKey: "reg-ask-capital",
    input: { kind: "text", parse: (t) => parseMoney(t) },
    // Without revenue, capital is what tells the size class.
    optional: alwaysOptional ? true : (a) => typeof a.revenue === "number",
    ...(alwaysOptional ? { when: (a: Answers) => typeof a.employees === "number" } : {}),
    remark: (_v, ctx, answers) => sizeRemark(ctx, answers),
  });
}

export const productStep: Step = ask(F.PRODUCT, {
  promptKey: "reg-ask-product",
  input: { kind: "text", parse: (t) => parseProduct(t) },
});

/**
 * When the product came to market → at least 12 months under the 2026 rules (NĐ 37/2026 Điều 59).
 * A block only once an official confirmed the 2026 rules for the award year; until then a warning.
 */
export const marketSinceStep: Step = ask(F.MARKET_SINCE, {
  promptKey: "reg-ask-market-since",
  input: { kind: "text", parse: (t, ctx) => parsePastDate(t, ctx.now) },
  promptArgs: (ctx, answers) => ({ rule: raw(ctx.t(marketRuleKey(programmeRegime(ctx, "gtclqg", answers)))) }),
  check(value, ctx, answers) {
    const since = value as PartialDate;
    const regime = programmeRegime(ctx, "gtclqg", answers);
    if (!regime.confirmed) return null;
    return eligibilityGate(ctx, marketEligibility(since, todayInVietnam(ctx.now), regime.rules), "reg-market-not-yet", "reg-market-need-day", since, regime.rules);
  },
  remark: (value, ctx, answers) => marketWarning(ctx, value, answers),
});

function marketRuleKey(regime: Regime): string {
  if (regime.rules === "legacy") return "reg-market-rule-legacy";
  return regime.confirmed ? "reg-market-rule-2026" : "regc-market-rule-unconfirmed";
}

/** The 12-month rule of NĐ 37/2026 not met while its application to the award year is unconfirmed: said, not enforced. */
export function marketWarning(ctx: Ctx, value: JsonValue | undefined, answers?: Answers): Markup | null {
  const since = partialDateSchema.safeParse(value);
  const regime = programmeRegime(ctx, "gtclqg", answers);
  if (!since.success || regime.confirmed || regime.rules !== "2026") return null;
  const result = marketEligibility(since.data, todayInVietnam(ctx.now), "2026");
  if (result.kind === "eligible") return null;
  return ctx.t("regc-market-warning", {
    given: formatPartialDate(since.data, ctx.locale),
    from: result.kind === "not-yet" ? formatDate(result.from, ctx.locale) : "",
    known: result.kind === "not-yet" ? "yes" : "no",
    year: String(programmeYear(ctx, "gtclqg", answers)),
    unit: raw(unitDisplayName(ctx.services.province, ctx.t)),
  });
}

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

export const certificatesStep: Step = ask(F.CERTIFICATES_HELD, {
  promptKey: "reg-ask-certs",
  input: { kind: "multi", min: 0, choices: () => options(F.CERTIFICATES_HELD, CERTIFICATES, CERT_ALIASES) },
});

export const certificatesOtherStep: Step = ask(F.CERTIFICATES_OTHER, {
  promptKey: "reg-ask-certs-other",
  input: { kind: "text", parse: (t) => parseLabel(t, 2, 300, "ISO/IEC 17025, HALAL") },
  when: (a) => Array.isArray(a.certs) && a.certs.includes("other"),
});

export const contactNameStep: Step = ask(F.CONTACT_NAME, {
  promptKey: "reg-ask-contact-name",
  input: { kind: "text", parse: (t) => parsePersonName(t) },
});

export const positionStep: Step = ask(F.POSITION, {
  promptKey: "reg-ask-position",
  input: { kind: "text", parse: (t) => parsePosition(t) },
});

export const phoneStep: Step = ask(F.PHONE, {
  promptKey: "reg-ask-phone",
  // A foreign-invested company may give its manager's number abroad (+82 …): kept in E.164.
  input: { kind: "text", parse: (t) => parsePhone(t, { foreign: true }) },
});

export const emailStep: Step = ask(F.EMAIL, {
  promptKey: "reg-ask-email",
  input: { kind: "text", parse: (t) => parseEmail(t) },
});

export const documentsStep: Step = ask(F.DOCUMENTS, {
  promptKey: "reg-ask-documents",
  input: { kind: "files", max: 20 },
  // The file rule, stated before a file is sent.
  promptArgs: () => ({ types: DOSSIER_FILE_TYPE_LIST, max: DOSSIER_FILE_MAX_MB }),
  optional: true,
});

export const supportKindsStep: Step = ask(F.SUPPORT_KINDS, {
  promptKey: "reg-ask-support-kinds",
  input: {
    kind: "multi",
    min: 1,
    columns: 1,
    choices: (ctx) => ctx.services.supportKinds.map((k): Choice => ({ value: k.id, label: k.name })),
  },
  promptArgs: (ctx) => ({ list: ctx.services.supportKinds.map((k, i) => `${i + 1}. ${k.name[ctx.locale]} (${k.examples[ctx.locale]})`).join("\n") }),
});

export const needStep: Step = ask(F.NEED, {
  promptKey: "reg-ask-need",
  input: { kind: "text", parse: (t) => parseNeed(t) },
});
