import type { JsonValue } from "../../core/feature.js";
import { partFrom, storedParts } from "../../domain/fields/derive.js";
import type { Programme } from "../../domain/programmes.js";
import type { Contact } from "../../domain/submission.js";
import type { SubmissionDraft } from "../../services/submissions.js";
import type { Ctx } from "../context.js";
import { applies } from "../forms/state.js";
import type { FormDefinition } from "../forms/types.js";
import type { FormState } from "../forms/state.js";
import { programmeRegime, programmeRules, programmeYear } from "./steps.js";

/** The answers that count: those of steps that still apply (an answer to a question no longer asked is dropped). */
export function applicableAnswers(form: FormDefinition, state: FormState): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const step of form.steps) {
    const value = state.answers[step.id];
    if (value !== undefined && applies(step, state.answers)) out[step.id] = value;
  }
  return out;
}

/** The contact fields of a form, typed. */
export function contactFrom(answers: Record<string, JsonValue>): Contact {
  return partFrom("contact", answers);
}

/** Turns a finished form into a submission draft (code, status and dates are the service's); each field lands where it is declared. */
export function buildDraft(ctx: Ctx, programme: Programme, form: FormDefinition, state: FormState): SubmissionDraft {
  return {
    programme,
    awardYear: programmeYear(ctx, programme, state.answers),
    rules: programmeRules(ctx, programme, state.answers),
    rulesConfirmed: programmeRegime(ctx, programme, state.answers).confirmed,
    owner: { userKey: ctx.userKey, channel: ctx.user.channel, userId: ctx.user.id, locale: ctx.locale },
    ...storedParts(programme, applicableAnswers(form, state), { files: state.files, now: ctx.now }),
  };
}
