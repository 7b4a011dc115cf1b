import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import { addressSchema } from "../../domain/address.js";
import { partialDateSchema } from "../../domain/dates.js";
import type { Programme } from "../../domain/programmes.js";
import { CERTIFICATES, ORG_TYPES, SECTOR_GROUPS, contactSchema, type Contact } from "../../domain/submission.js";
import type { SubmissionDraft } from "../../services/submissions.js";
import type { Ctx } from "../context.js";
import { applies } from "../forms/state.js";
import type { FormDefinition } from "../forms/types.js";
import type { FormState } from "../forms/state.js";
import { programmeRules, programmeYear, sizeFromAnswers } from "./steps.js";

/** The answers that count: those of steps that still apply (an answer to a question no longer asked is dropped). */
export function applicableAnswers(form: FormDefinition, state: FormState): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const step of form.steps) {
    const value = state.answers[step.id];
    if (value !== undefined && applies(step, state.answers)) out[step.id] = value;
  }
  return out;
}

const optionalNumber = z.number().int().min(0).nullable().catch(null);

/** Everything the form collected, read back through schemas: answers are typed only after this. */
const answersSchema = z.object({
  consent: z.iso.datetime(),
  orgName: z.string(),
  taxCode: z.string(),
  orgType: z.enum(ORG_TYPES),
  founded: partialDateSchema.nullable().default(null),
  address: addressSchema,
  sector: z.enum(SECTOR_GROUPS).nullable().default(null),
  vsic: z.string().nullable().default(null),
  employees: optionalNumber.default(null),
  revenue: optionalNumber.default(null),
  capital: optionalNumber.default(null),
  product: z.string().nullable().default(null),
  marketSince: partialDateSchema.nullable().default(null),
  certs: z.array(z.enum(CERTIFICATES)).nullable().default(null),
  certsOther: z.string().nullable().default(null),
  kinds: z.array(z.string()).nullable().default(null),
  need: z.string().nullable().default(null),
  contactName: z.string(),
  position: z.string(),
  phone: z.string(),
  email: z.string(),
});

/** The contact fields of a form, typed. */
export function contactFrom(answers: Record<string, JsonValue>): Contact {
  return contactSchema.parse({ name: answers.contactName, position: answers.position, phone: answers.phone, email: answers.email });
}

/** Turns a finished form into a submission draft (code, status and dates are the service's). */
export function buildDraft(ctx: Ctx, programme: Programme, form: FormDefinition, state: FormState): SubmissionDraft {
  const answers = applicableAnswers(form, state);
  const a = answersSchema.parse(answers);
  const awardYear = programmeYear(ctx, programme);
  const addedAt = ctx.now.toISOString();
  return {
    programme,
    awardYear,
    rules: programmeRules(ctx, programme),
    owner: { userKey: ctx.userKey, channel: ctx.user.channel, userId: ctx.user.id, locale: ctx.locale },
    consentAt: a.consent,
    organisation: {
      name: a.orgName,
      taxCode: a.taxCode,
      type: a.orgType,
      foundedOn: programme === "gtclqg" ? a.founded : null,
      address: a.address,
      sectorGroup: a.sector,
      vsic: a.vsic,
      employees: a.employees,
      revenueVnd: a.revenue,
      capitalVnd: a.capital,
      sizeClass: sizeFromAnswers(answers),
    },
    award:
      programme === "gtclqg" && a.product !== null && a.marketSince !== null
        ? { product: a.product, onMarketSince: a.marketSince, certificates: a.certs ?? [], certificatesOther: a.certsOther }
        : null,
    support: programme === "nscl" && a.kinds !== null && a.need !== null ? { kinds: a.kinds, need: a.need } : null,
    contact: contactFrom(answers),
    documents: state.files.map((file) => ({ file, addedAt })),
  };
}
