import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import { esc, joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import { addressSchema, type Address } from "../address.js";
import { formatDate, formatPartialDate, partialDateSchema, type PartialDate } from "../dates.js";
import { formatMoney } from "../money.js";
import { formatPhone, PHONE_PATTERN } from "../phone.js";
import { sizeClassOf, type SizeClass } from "../size-class.js";
import { FIRST_AWARD_YEAR, PRIOR_AWARDS } from "../re-entry.js";
import { CERTIFICATES, ORG_TYPES, SECTOR_GROUPS, YES_NO, YES_NO_UNKNOWN } from "../submission.js";
import { TAX_CODE_PATTERN } from "../tax-code.js";
import { fold } from "../text.js";
import { formatDateTime } from "../vietnam-time.js";
import { sizeSectorOfVsic, vsicVersionOf } from "../vsic.js";
import {
  derivedField,
  excelDate,
  field,
  line,
  sharedColumn,
  sharedLines,
  type Answers,
  type SubmissionField,
  type Words,
} from "./field.js";

/**
 * Every field of the registration forms, declared once: the answer's schema, its label, where it
 * lands in the stored submission, how the owner and officials read it and its export columns.
 * The forms (src/flows/registration/forms.ts) list which fields they ask; the questions' wording
 * and parsers are there too (src/flows/registration/steps.ts). Texts: locales/*.
 */

const text = (min: number, max: number) => z.string().min(min).max(max);
const amount = z.number().int().min(0);
const shownDate = (d: PartialDate, w: Words) => esc(formatPartialDate(d, w.locale));
const shownMoney = (v: number, w: Words) => esc(formatMoney(v, w.locale));

/** An address as typed, with the province added when it is not in the text, and a mark on an old (pre-2025) address. */
export function showAddress(w: Words, a: Address): Markup {
  const parts = [esc(a.text)];
  if (a.province && !fold(a.text).includes(fold(a.province))) parts.push(w.t("reg-address-province", { province: a.province }));
  if (a.legacy) parts.push(w.t("reg-address-legacy"));
  return joinMarkup(parts, " ");
}

export const CONSENT = field({
  id: "consent",
  labelKey: "reg-field-consent",
  path: "consentAt",
  schema: z.iso.datetime(),
  show: (at, w) => w.t("form-consent-given", { at: formatDateTime(at, w.locale) }),
  // Not a column: the exports are the council's list of entries; consent is on each record.
  columns: [],
});

export const ORG_NAME = field({
  id: "orgName",
  labelKey: "reg-field-org-name",
  path: "organisation.name",
  schema: text(2, 300),
  columns: [{ key: "export-col-org" }],
});

export const TAX_CODE = field({
  id: "taxCode",
  labelKey: "reg-field-tax-code",
  path: "organisation.taxCode",
  schema: z.string().regex(TAX_CODE_PATTERN),
  columns: [{ key: "export-col-tax-code" }],
});

export const ORG_TYPE = field({
  id: "orgType",
  labelKey: "reg-field-org-type",
  path: "organisation.type",
  schema: z.enum(ORG_TYPES),
  choiceKey: (v) => `reg-org-type-${v}`,
  columns: [{ key: "export-col-org-type" }],
});

export const FOUNDED = field({
  id: "founded",
  labelKey: "reg-field-founded",
  path: "organisation.foundedOn",
  schema: partialDateSchema,
  absent: null,
  show: shownDate,
  columns: [{ key: "export-col-founded", kind: "date", cell: (d) => excelDate(d.date) }],
});

export const ADDRESS = field({
  id: "address",
  labelKey: "reg-field-address",
  path: "organisation.address",
  schema: addressSchema,
  show: (a, w) => showAddress(w, a),
  columns: [
    { key: "export-col-address", cell: (a) => a.text },
    { key: "export-col-commune", cell: (a) => a.commune },
    { key: "export-col-province", cell: (a) => a.province },
  ],
});

export const SECTOR = field({
  id: "sector",
  labelKey: "reg-field-sector",
  path: "organisation.sectorGroup",
  schema: z.enum(SECTOR_GROUPS),
  absent: null,
  choiceKey: (v) => `reg-sector-${v}`,
  columns: [{ key: "export-col-sector" }],
});

export const VSIC = field({
  id: "vsic",
  labelKey: "reg-field-vsic",
  path: "organisation.vsic",
  schema: z.string().regex(/^(?:vsic2018:[A-U]|vsic2025:[A-V])$/),
  absent: null,
  // The version is part of the code and of its label: "K" is finance in VSIC 2018 and telecom/IT in VSIC 2025.
  choiceKey: (v) => `${vsicVersionOf(v)}-${v.slice(-1).toLowerCase()}`,
  columns: [{ key: "export-col-vsic" }],
});

export const EMPLOYEES = field({
  id: "employees",
  labelKey: "reg-field-employees",
  path: "organisation.employees",
  schema: z.number().int().min(0),
  absent: null,
  columns: [{ key: "export-col-employees", kind: "number" }],
});

export const REVENUE = field({
  id: "revenue",
  labelKey: "reg-field-revenue",
  path: "organisation.revenueVnd",
  schema: amount,
  absent: null,
  show: shownMoney,
  columns: [{ key: "export-col-revenue", kind: "number" }],
});

export const CAPITAL = field({
  id: "capital",
  labelKey: "reg-field-capital",
  path: "organisation.capitalVnd",
  schema: amount,
  absent: null,
  show: shownMoney,
  columns: [{ key: "export-col-capital", kind: "number" }],
});

/** Size under NĐ 80/2021 from the answers given so far; null when it cannot be told. */
export function sizeFromAnswers(answers: Answers): SizeClass | null {
  const { employees, vsic, sector } = answers;
  if (typeof employees !== "number") return null;
  const sizeSector = typeof vsic === "string" ? sizeSectorOfVsic(vsic) : sector === "services" ? "trade-services" : "industry";
  const money = (v: JsonValue | undefined) => (typeof v === "number" ? v : null);
  return sizeClassOf({ sector: sizeSector, employees, revenueVnd: money(answers.revenue), capitalVnd: money(answers.capital) });
}

/**
 * Not asked: computed from the head count, sector and money when the form is sent. NĐ 80/2021 sizes
 * enterprises only: a cooperative, a public unit or another organisation gets no class, and a record
 * stored before that rule reads "not applicable" rather than "doanh nghiệp nhỏ/vừa".
 */
export const SIZE_CLASS = derivedField({
  labelKey: "sub-field-size",
  path: "organisation.sizeClass",
  from: (answers) => (answers.orgType === "enterprise" ? sizeFromAnswers(answers) : null),
  line: (size, s, r) => line(r, "sub-field-size", s.organisation.type === "enterprise" ? r.t(`size-${size}`) : r.t("regc-size-not-applicable")),
  columns: [{ key: "export-col-size", cell: (size, s, x) => (s.organisation.type === "enterprise" ? x.label(`size-${size}`) : x.label("regc-size-not-applicable")) }],
});

/** Type "other", award only: does the organisation have legal personality (the award's condition, domain.md §1.2)? */
export const LEGAL_ENTITY = field({
  id: "legal",
  labelKey: "regc-field-legal-entity",
  path: "organisation.legalEntity",
  schema: z.enum(YES_NO),
  absent: null,
  choiceKey: (v) => `regc-legal-${v}`,
  columns: [{ key: "regc-col-legal-entity" }],
});

export const PRODUCT = field({
  id: "product",
  labelKey: "reg-field-product",
  path: "award.product",
  schema: text(2, 300),
  columns: [{ key: "export-col-product" }],
});

export const MARKET_SINCE = field({
  id: "marketSince",
  labelKey: "reg-field-market-since",
  path: "award.onMarketSince",
  schema: partialDateSchema,
  show: shownDate,
  columns: [{ key: "export-col-market-since", kind: "date", cell: (d) => excelDate(d.date) }],
});

/** The certificates read as one list, "other" replaced by the names the user typed for it. */
const certificateNames = (s: { award: { certificates: readonly string[]; certificatesOther: string | null } | null }, label: (key: string) => string) =>
  s.award?.certificates.map((c) => (c === "other" && s.award?.certificatesOther ? s.award.certificatesOther : label(`cert-${c}`))) ?? null;

const CERTIFICATES_LINE = sharedLines((s, r) => {
  const names = certificateNames(s, (k) => toPlainText(r.t(k)));
  return [names === null ? null : line(r, "reg-field-certs", names.length ? esc(names.join(", ")) : r.t("form-none-chosen"))];
});

const CERTIFICATES_COLUMN = sharedColumn("export-col-certificates", "text", (s, x) => certificateNames(s, (k) => x.label(k))?.join("; ") ?? null);

export const CERTIFICATES_HELD = field({
  id: "certs",
  labelKey: "reg-field-certs",
  path: "award.certificates",
  schema: z.array(z.enum(CERTIFICATES)),
  absent: [],
  choiceKey: (v) => `cert-${v}`,
  line: CERTIFICATES_LINE,
  columns: [CERTIFICATES_COLUMN],
});

export const CERTIFICATES_OTHER = field({
  id: "certsOther",
  labelKey: "reg-field-certs-other",
  path: "award.certificatesOther",
  schema: text(2, 300),
  absent: null,
  line: CERTIFICATES_LINE,
  columns: [CERTIFICATES_COLUMN],
});

/** A previous National Quality Award win: none, Giải Vàng, Giải Bạc or Giải thưởng Chất lượng Quốc gia. */
export const PRIOR_AWARD = field({
  id: "prevWin",
  labelKey: "regc-field-prior-award",
  path: "award.priorAward",
  schema: z.enum(PRIOR_AWARDS),
  absent: null,
  choiceKey: (v) => `regc-prior-${v}`,
  columns: [{ key: "regc-col-prior-award" }],
});

export const PRIOR_AWARD_YEAR = field({
  id: "prevYear",
  labelKey: "regc-field-prior-year",
  path: "award.priorAwardYear",
  schema: z.number().int().min(FIRST_AWARD_YEAR).max(2100),
  absent: null,
  columns: [{ key: "regc-col-prior-year", kind: "number" }],
});

/** The self-declaration behind dossier item 7 (taxes and social insurance, last 3 years): "no" is recorded, not refused. */
export const TAX_INSURANCE = field({
  id: "taxIns",
  labelKey: "regc-field-tax-insurance",
  path: "award.taxInsuranceDeclared",
  schema: z.enum(YES_NO),
  absent: null,
  choiceKey: (v) => `regc-taxins-${v}`,
  columns: [{ key: "regc-col-tax-insurance" }],
});

/** Whether a ministry that runs its own preliminary council manages the sector (domain.md §1.6). */
export const MINISTRY_COUNCIL = field({
  id: "ministry",
  labelKey: "regc-field-ministry",
  path: "award.ministryCouncil",
  schema: z.enum(YES_NO_UNKNOWN),
  absent: null,
  choiceKey: (v) => `regc-ministry-${v}`,
  columns: [{ key: "regc-col-ministry" }],
});

export const SUPPORT_KINDS = field({
  id: "kinds",
  labelKey: "reg-field-support-kinds",
  path: "support.kinds",
  schema: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1),
  line: (kinds, _s, r) => line(r, "reg-field-support-kinds", esc(kinds.map((id) => r.supportKindName(id)).join(", "))),
  columns: [{ key: "export-col-support-kinds", cell: (kinds, _s, x) => kinds.map((id) => x.supportKindName(id)).join("; ") }],
});

export const NEED = field({
  id: "need",
  labelKey: "reg-field-need",
  path: "support.need",
  schema: text(10, 2000),
  columns: [{ key: "export-col-need" }],
});

/** The contact reads as one line (or when it was removed), then a stranger's change waiting for an official. */
const CONTACT_LINES = sharedLines((s, r) => {
  const c = s.contact;
  const value = c
    ? r.t("sub-contact-value", { name: c.name, position: c.position, phone: formatPhone(c.phone), email: c.email })
    : s.contactRemovedAt
      ? r.t("sub-contact-removed", { date: formatDate(s.contactRemovedAt.slice(0, 10), r.locale) })
      : null;
  const pending = s.pendingContact ? r.t("sub-pending-contact", { date: formatDate(s.pendingContact.at.slice(0, 10), r.locale) }) : null;
  return [line(r, "sub-field-contact", value), line(r, "sub-field-pending-contact", pending)];
});

export const CONTACT_NAME = field({
  id: "contactName",
  labelKey: "reg-field-contact-name",
  path: "contact.name",
  schema: text(2, 120),
  line: CONTACT_LINES,
  columns: [{ key: "export-col-contact-name" }],
});

export const POSITION = field({
  id: "position",
  labelKey: "reg-field-position",
  path: "contact.position",
  schema: text(2, 120),
  line: CONTACT_LINES,
  columns: [{ key: "export-col-contact-position" }],
});

export const PHONE = field({
  id: "phone",
  labelKey: "reg-field-phone",
  path: "contact.phone",
  schema: z.string().regex(PHONE_PATTERN),
  show: (v) => esc(formatPhone(v)),
  line: CONTACT_LINES,
  columns: [{ key: "export-col-contact-phone", cell: (v) => formatPhone(v) }],
});

export const EMAIL = field({
  id: "email",
  labelKey: "reg-field-email",
  path: "contact.email",
  schema: z.email(),
  line: CONTACT_LINES,
  columns: [{ key: "export-col-contact-email" }],
});

/** The files sent during the form (the step's answer only says the user is done). */
export const DOCUMENTS = derivedField({
  labelKey: "reg-field-documents",
  path: "documents",
  step: { id: "docs", schema: z.literal(true) },
  from: (_answers, facts) => facts.files.map((file) => ({ file, addedAt: facts.now.toISOString(), item: null })),
  line: (docs, _s, r) => line(r, "reg-field-documents", docs.length ? esc(docs.map((d) => d.file.name).join(", ")) : r.t("form-no-files")),
  columns: [{ key: "export-col-documents", kind: "number", cell: (docs) => docs.length }],
});

/** Every field, in the order the owner, the officials and the exports read them. */
export const SUBMISSION_FIELDS: readonly SubmissionField[] = [
  ORG_NAME,
  TAX_CODE,
  ORG_TYPE,
  LEGAL_ENTITY,
  FOUNDED,
  ADDRESS,
  SECTOR,
  VSIC,
  EMPLOYEES,
  REVENUE,
  CAPITAL,
  SIZE_CLASS,
  PRODUCT,
  MARKET_SINCE,
  CERTIFICATES_HELD,
  CERTIFICATES_OTHER,
  PRIOR_AWARD,
  PRIOR_AWARD_YEAR,
  TAX_INSURANCE,
  MINISTRY_COUNCIL,
  SUPPORT_KINDS,
  NEED,
  CONTACT_NAME,
  POSITION,
  PHONE,
  EMAIL,
  DOCUMENTS,
  CONSENT,
];
