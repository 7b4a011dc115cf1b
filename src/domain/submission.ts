import { z } from "zod";
import { channelNameSchema, fileRefSchema } from "../core/events.js";
import { LOCALES } from "../core/types.js";
import { addressSchema } from "./address.js";
import { checkMarkSchema, dossierItemIdSchema } from "./dossier-checklist.js";
import { partialDateSchema } from "./dates.js";
import { PHONE_PATTERN } from "./phone.js";
import { FIRST_AWARD_YEAR, PRIOR_AWARDS } from "./re-entry.js";
import { PROGRAMME_INFO, PROGRAMMES } from "./programmes.js";
import { SIZE_CLASSES } from "./size-class.js";
import { isStatusOf, statusIdSchema } from "./statuses.js";
import { TAX_CODE_PATTERN } from "./tax-code.js";
import { TRACKING_CODE_PATTERN } from "./tracking-code.js";

/** Organisation types asked in the form (doanh nghiệp / hợp tác xã / đơn vị sự nghiệp / khác). */
export const ORG_TYPES = ["enterprise", "cooperative", "public-unit", "other"] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const YES_NO = ["yes", "no"] as const;
export const YES_NO_UNKNOWN = ["yes", "no", "unknown"] as const;
export const LEGAL_ENTITY_ANSWERS = YES_NO;

/** The award's Gold categories split production from services (domain.md §1.3). */
export const SECTOR_GROUPS = ["production", "services"] as const;
export type SectorGroup = (typeof SECTOR_GROUPS)[number];

export const CERTIFICATES = ["iso9001", "iso14001", "iso22000-haccp", "iso45001", "iso50001", "vietgap-globalgap", "ocop", "other"] as const;
export type Certificate = (typeof CERTIFICATES)[number];

const iso = z.iso.datetime();
const userKey = z.string().min(3).max(200);

/** A file the enterprise sent: the channel's reference (Telegram file_id …, and whether it came as a photo), never the bytes. */
export const attachmentSchema = z.object({
  file: fileRefSchema,
  addedAt: iso,
  /** The dossier item it belongs to (data/dossier-items.json); null until the enterprise says (and for records stored before). */
  item: dossierItemIdSchema.nullable().default(null),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Who changed a status: the enterprise itself (withdrawal), an official (issue 4) or the system. */
export const actorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("enterprise"), userKey }),
  z.object({ kind: z.literal("official"), userKey }),
  z.object({ kind: z.literal("system") }),
]);
export type Actor = z.infer<typeof actorSchema>;

export const statusChangeSchema = z.object({
  at: iso,
  from: statusIdSchema.nullable(),
  to: statusIdSchema,
  by: actorSchema,
  note: z.string().max(2000).nullable(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const contactSchema = z.object({
  name: z.string().min(1).max(120),
  position: z.string().min(1).max(120),
  /** E.164, +84…. */
  phone: z.string().regex(PHONE_PATTERN),
  /** Lower case. */
  email: z.email().max(254),
});
export type Contact = z.infer<typeof contactSchema>;

export const organisationSchema = z.object({
  name: z.string().min(2).max(300),
  /** `0314409058` or `0314409058-002`. */
  taxCode: z.string().regex(TAX_CODE_PATTERN),
  type: z.enum(ORG_TYPES),
  /** Asked for the award (36-month rule); null for a support request. */
  foundedOn: partialDateSchema.nullable(),
  address: addressSchema,
  sectorGroup: z.enum(SECTOR_GROUPS).nullable(),
  /** `vsic2018:C` — the section with the classification's version. */
  vsic: z.string().regex(/^(?:vsic2018:[A-U]|vsic2025:[A-V])$/).nullable(),
  /** Average employees paying social insurance (BHXH). */
  employees: z.number().int().min(0).max(10_000_000).nullable(),
  revenueVnd: z.number().int().min(0).nullable(),
  capitalVnd: z.number().int().min(0).nullable(),
  /** NĐ 80/2021, computed when the form was sent; enterprises only (a cooperative or public unit has none). */
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  /** Type "other", award: whether the organisation says it has legal personality (only "yes" passes); null when not asked. */
  legalEntity: z.enum(LEGAL_ENTITY_ANSWERS).nullable().default(null),
});
export type Organisation = z.infer<typeof organisationSchema>;

/** GTCLQG only: the product entered and the certificates held. */
export const awardEntrySchema = z.object({
  product: z.string().min(2).max(300),
  onMarketSince: partialDateSchema,
  certificates: z.array(z.enum(CERTIFICATES)).max(CERTIFICATES.length),
  certificatesOther: z.string().max(300).nullable(),
  /** A previous National Quality Award win (tier), for the re-entry rule; null for records stored before it was asked. */
  priorAward: z.enum(PRIOR_AWARDS).nullable().default(null),
  priorAwardYear: z.number().int().min(FIRST_AWARD_YEAR).max(2100).nullable().default(null),
  /** The self-declaration behind dossier item 7: taxes and social insurance paid in full for the last 3 years. */
  taxInsuranceDeclared: z.enum(YES_NO).nullable().default(null),
  /** Whether the sector is managed by a ministry that runs its own preliminary council. */
  ministryCouncil: z.enum(YES_NO_UNKNOWN).nullable().default(null),
});
export type AwardEntry = z.infer<typeof awardEntrySchema>;

/** NSCL only: the kinds of support wanted (ids of data/nscl-support-kinds.json) and the need. */
export const supportRequestSchema = z.object({
  kinds: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).min(1).max(30),
  need: z.string().min(1).max(2000),
});
export type SupportRequest = z.infer<typeof supportRequestSchema>;

export const submissionSchema = z
  .object({
    code: z.string().regex(TRACKING_CODE_PATTERN),
    programme: z.enum(PROGRAMMES),
    awardYear: z.number().int().min(2000).max(2100),
    rules: z.enum(["legacy", "2026"]),
    /** Whether the regime of the award year was confirmed by an official when the form was sent (false for records stored before). */
    rulesConfirmed: z.boolean().default(false),
    status: statusIdSchema,
    /** Every status the submission had, oldest first; the first entry is the registration. */
    statusHistory: z.array(statusChangeSchema).min(1),
    createdAt: iso,
    updatedAt: iso,
    /** Who registered, where to notify them and in which language. */
    owner: z.object({ userKey, channel: channelNameSchema, userId: z.string().min(1).max(128), locale: z.enum(LOCALES) }),
    consentAt: iso,
    organisation: organisationSchema,
    award: awardEntrySchema.nullable(),
    support: supportRequestSchema.nullable(),
    /** null once removed at the enterprise's request (after withdrawal). */
    contact: contactSchema.nullable(),
    contactRemovedAt: iso.nullable(),
    /** New contact details sent by someone other than the owner: an official checks them before they replace `contact`. */
    pendingContact: z.object({ contact: contactSchema, at: iso, by: userKey }).nullable(),
    documents: z.array(attachmentSchema).max(100),
    /** Officials' marks per dossier item (GTCLQG); an item without one shows "chưa nộp" or "đã gửi" (src/domain/dossier-checklist.ts). */
    checklist: z.record(dossierItemIdSchema, checkMarkSchema).default({}),
    /** The same enterprise on other channels, linked by tracking code with the owner's confirmation. */
    linked: z
      .array(z.object({ userKey, channel: channelNameSchema, userId: z.string().min(1).max(128), at: iso }))
      .max(10)
      .default([]),
  })
  .superRefine((s, ctx) => {
    const [, prefix, year] = TRACKING_CODE_PATTERN.exec(s.code) ?? [];
    if (prefix !== PROGRAMME_INFO[s.programme].codePrefix || Number(year) !== s.awardYear) {
      ctx.addIssue({ code: "custom", path: ["code"], message: "code does not match programme and award year" });
    }
    if (!isStatusOf(s.programme, s.status)) ctx.addIssue({ code: "custom", path: ["status"], message: `not a ${s.programme} status` });
    if (s.statusHistory[s.statusHistory.length - 1]?.to !== s.status) {
      ctx.addIssue({ code: "custom", path: ["statusHistory"], message: "last change must lead to the current status" });
    }
    if ((s.programme === "gtclqg") !== (s.award !== null)) ctx.addIssue({ code: "custom", path: ["award"], message: "award entry is for GTCLQG only" });
    if ((s.programme === "nscl") !== (s.support !== null)) ctx.addIssue({ code: "custom", path: ["support"], message: "support request is for NSCL only" });
  });
export type Submission = z.infer<typeof submissionSchema>;

/** Whether this user may see and act on the submission: its owner, or an identity the owner linked. */
export function holds(submission: Pick<Submission, "owner" | "linked">, userKey: string): boolean {
  return submission.owner.userKey === userKey || submission.linked.some((l) => l.userKey === userKey);
}

/** The NĐ 80/2021 size class to count and show: enterprises only (a record stored before may hold one for a cooperative). */
export function sizeClassOf(organisation: Pick<Organisation, "type" | "sizeClass">): Organisation["sizeClass"] {
  return organisation.type === "enterprise" ? organisation.sizeClass : null;
}
