import { afterAttach } from "../submissions/dossier-item.js";
import type { JsonValue, Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { toPlainText, type Markup } from "../../core/markup.js";
import type { Programme } from "../../domain/programmes.js";
import { answersFrom } from "../../domain/fields/derive.js";
import { holds } from "../../domain/submission.js";
import type { Ctx } from "../context.js";
import { formButton } from "../forms/buttons.js";
import { asJson, type FormState } from "../forms/state.js";
import type { FormDefinition, FormEngineApi } from "../forms/types.js";
import { applicableAnswers, buildDraft, contactFrom } from "./draft.js";
import { attachOffer } from "../self-check/result.js";
import { confirmation, duplicateNotice } from "./confirmation.js";
import {
  awardYearInitial,
  awardYearStep,
  awardTaxCodeStep,
  checksRemarks,
  homeAddressStep,
  legalEntityStep,
  ministryStep,
  priorAwardStep,
  priorYearStep,
  registerParent,
  taxInsuranceStep,
} from "./checks.js";
import {
  capitalStep,
  certificatesOtherStep,
  certificatesStep,
  consentStep,
  contactNameStep,
  documentsStep,
  emailStep,
  employeesStep,
  foundedStep,
  marketSinceStep,
  marketWarning,
  needStep,
  orgNameStep,
  orgTypeStep,
  phoneStep,
  positionStep,
  productStep,
  programmeYear,
  revenueStep,
  sectorStep,
  sizeRemark,
  supportKindsStep,
  taxCodeStep,
  vsicStep,
  vsicVersionStep,
} from "./steps.js";

/** The answers `to` also asks (a field means the same in every form); the files go with the state's files. */
function carry(state: FormState, to: FormDefinition): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const step of to.steps) if (step.id !== to.filesStep && state.answers[step.id] !== undefined) out[step.id] = state.answers[step.id]!;
  return out;
}

/** The user is not yet eligible for the award: the support request, with what they already told us. */
function switchToSupport(ctx: Ctx, state: FormState, api: FormEngineApi): Turn {
  return api.begin(ctx, "nscl", { prefill: carry(state, nsclForm), files: state.files, intro: ctx.t("reg-switched-to-nscl") });
}

/** The tax code is registered already: update that submission's contact instead. */
function updateContactOf(programme: Programme) {
  return async (ctx: Ctx, state: FormState, api: FormEngineApi): Promise<Turn> => {
    const taxCode = typeof state.held === "string" ? state.held : typeof state.answers.taxCode === "string" ? state.answers.taxCode : "";
    const existing = await ctx.services.submissions.duplicateOf(taxCode, programme, programmeYear(ctx, programme, state.answers));
    if (!existing) return api.reask(ctx, form(programme), { ...state, held: null }, ctx.t("reg-duplicate-gone"));
    const owner = holds(existing, ctx.userKey);
    // Only the owner sees the contact on record; anyone else starts blank and an official checks the change.
    const prefill: Record<string, JsonValue> = { consent: state.answers.consent ?? null, ...(owner ? answersFrom("contact", existing) : {}) };
    return api.begin(ctx, "contact", {
      prefill,
      target: existing.code,
      intro: ctx.t(owner ? "reg-contact-update-owner" : "reg-contact-update-other", { code: existing.code }),
    });
  };
}

function submitRegistration(programme: Programme) {
  return async (ctx: Ctx, state: FormState): Promise<Turn> => {
    const draft = buildDraft(ctx, programme, form(programme), state);
    const result = await ctx.services.submissions.create(draft, ctx.now);
    // Already registered by this very user: a retry after "could not save" or an error; the first one counts.
    if (!result.ok && holds(result.existing, ctx.userKey)) return { messages: confirmation(ctx, result.existing), dialog: null };
    if (!result.ok) {
      // Registered meanwhile by someone else: show it and offer the contact update.
      const held = { ...state, held: draft.organisation.taxCode };
      return {
        messages: [{ text: duplicateNotice(ctx, result.existing), buttons: [[{ label: toPlainText(ctx.t("reg-action-update-contact")), data: formButton.encode(["a", "dup-contact"]) }]] }],
        dialog: ctx.advance(asJson(held)),
      };
    }
    // Files sent during the form go to the dossier's items: asked right after (GTCLQG).
    const next = afterAttach(ctx, result.submission, result.submission.documents.map((d) => d.file.ref));
    // Someone who took the self-check is asked whether officials may see it with this registration.
    const offer = programme === "gtclqg" && (await ctx.services.selfCheck.results(ctx.userKey)).length > 0 ? [attachOffer(ctx, [result.submission.code])] : [];
    return { messages: [...confirmation(ctx, result.submission), ...offer, ...(next?.messages ?? [])], dialog: next?.dialog ?? null };
  };
}

export const gtclqgForm: FormDefinition = {
  id: "gtclqg",
  flowId: "register-gtclqg",
  titleKey: "reg-title-gtclqg",
  faqContext: "gtclqg",
  summaryTitleKey: "reg-summary-title-gtclqg",
  submitLabelKey: "reg-button-submit",
  filesStep: "docs",
  steps: [
    consentStep,
    orgNameStep,
    awardTaxCodeStep(),
    orgTypeStep,
    legalEntityStep,
    foundedStep,
    homeAddressStep,
    sectorStep,
    vsicVersionStep,
    vsicStep,
    employeesStep(false),
    revenueStep(false),
    capitalStep(false),
    productStep,
    marketSinceStep,
    certificatesStep,
    certificatesOtherStep,
    priorAwardStep,
    priorYearStep,
    taxInsuranceStep,
    ministryStep,
    awardYearStep,
    contactNameStep,
    positionStep,
    phoneStep,
    emailStep,
    documentsStep,
  ],
  initial: (ctx) => awardYearInitial(ctx),
  actions: { "switch-nscl": switchToSupport, "dup-contact": updateContactOf("gtclqg"), parent: (ctx, state, api) => registerParent(ctx, gtclqgForm, state, api) },
  derived: (ctx, answers) => [sizeRemark(ctx, answers), marketWarning(ctx, answers.marketSince, answers), ...checksRemarks(ctx, answers)].filter((m): m is Markup => m !== null),
  submit: submitRegistration("gtclqg"),
};

export const nsclForm: FormDefinition = {
  id: "nscl",
  flowId: "register-nscl",
  titleKey: "reg-title-nscl",
  faqContext: "nscl",
  summaryTitleKey: "reg-summary-title-nscl",
  submitLabelKey: "reg-button-submit",
  filesStep: "docs",
  steps: [
    consentStep,
    supportKindsStep,
    needStep,
    orgNameStep,
    taxCodeStep("nscl"),
    orgTypeStep,
    homeAddressStep,
    vsicVersionStep,
    vsicStep,
    employeesStep(true),
    revenueStep(true),
    capitalStep(true),
    contactNameStep,
    positionStep,
    phoneStep,
    emailStep,
    documentsStep,
  ],
  actions: { "dup-contact": updateContactOf("nscl") },
  derived: (ctx, answers) => [sizeRemark(ctx, answers)].filter((m): m is Markup => m !== null),
  submit: submitRegistration("nscl"),
};

/** New contact details for a submission already registered (the duplicate rule's way out). */
export const contactForm: FormDefinition = {
  id: "contact",
  flowId: "register-contact",
  titleKey: "reg-title-contact",
  summaryTitleKey: "reg-summary-title-contact",
  submitLabelKey: "reg-button-save-contact",
  steps: [consentStep, contactNameStep, positionStep, phoneStep, emailStep],
  async submit(ctx, state) {
    const code = state.target ?? "";
    const contact = contactFrom(applicableAnswers(contactForm, state));
    const result = await ctx.services.submissions.updateContact(code, contact, ctx.userKey, ctx.now);
    if (!result.ok) return { messages: [{ text: ctx.t(result.error.key, result.error.args), buttons: ctx.menu() }], dialog: null };
    const key = result.applied ? "reg-contact-updated" : "reg-contact-proposed";
    return { messages: [{ text: ctx.t(key, { code, contact: raw(ctx.t("reg-contact-line", { name: contact.name, position: contact.position })) }), buttons: ctx.menu() }], dialog: null };
  },
};

export const registrationForms: readonly FormDefinition[] = [gtclqgForm, nsclForm, contactForm];

function form(programme: Programme): FormDefinition {
  return programme === "gtclqg" ? gtclqgForm : nsclForm;
}
