import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import type { FileRef } from "../../core/types.js";
import { fileRefSchema } from "../../core/events.js";
import type { Answers, FormDefinition, Step } from "./types.js";

/** The position marker of the summary (never a step id: those are letters only). */
export const SUMMARY = "@summary";

const stepRef = z.string().min(1).max(32);

/**
 * What is kept between messages: the answers and the position, nothing rendered. Checked with
 * zod (and each answer with its step's schema) every time it is loaded.
 */
export const formStateSchema = z.object({
  v: z.literal(1),
  /** The step being asked, or SUMMARY. */
  at: stepRef,
  /** Came here with "Sửa" from the summary: a valid answer returns there. */
  editing: z.boolean(),
  answers: z.record(stepRef, z.json()),
  /** Steps answered before this one (for "Quay lại"), and those left by going back (replayed in order). */
  back: z.array(stepRef).max(64),
  ahead: z.array(stepRef).max(64),
  /** A multi-select in progress. */
  pick: z.array(z.string().max(64)).max(64).nullable(),
  /** Wrong answers in a row at this step. */
  tries: z.number().int().min(0).max(1000),
  confirmCancel: z.boolean(),
  /** A valid answer held back by a gate (e.g. a tax code already registered), for the gate's actions. */
  held: z.json().nullable(),
  /** Files sent during the form. */
  files: z.array(fileRefSchema).max(20),
  /** The submission a contact update is for. */
  target: z.string().max(32).nullable(),
});
export type FormState = z.infer<typeof formStateSchema>;

export function freshState(form: FormDefinition, prefill: Answers = {}, target: string | null = null, files: readonly FileRef[] = []): FormState {
  const answers: Record<string, JsonValue> = {};
  for (const step of form.steps) {
    const value = prefill[step.id];
    if (value !== undefined && value !== null && step.value.safeParse(value).success) answers[step.id] = value;
  }
  const state: FormState = { v: 1, at: SUMMARY, editing: false, answers, back: [], ahead: [], pick: null, tries: 0, confirmCancel: false, held: null, files: [...files], target };
  return { ...state, at: firstOpenStep(form, state)?.id ?? SUMMARY };
}

export function stepById(form: FormDefinition, id: string): Step | undefined {
  return form.steps.find((s) => s.id === id);
}

export function applies(step: Step, answers: Answers): boolean {
  return step.when ? step.when(answers) : true;
}

export function isOptional(step: Step, answers: Answers): boolean {
  return typeof step.optional === "function" ? step.optional(answers) : step.optional === true;
}

/** Has this step an answer that still counts (a skip counts only while the step may be skipped)? */
export function isAnswered(step: Step, answers: Answers): boolean {
  if (!(step.id in answers)) return false;
  return answers[step.id] !== null || isOptional(step, answers);
}

/** The first step that applies and has no answer yet, in the form's order. */
export function firstOpenStep(form: FormDefinition, state: Pick<FormState, "answers">): Step | undefined {
  return form.steps.find((s) => applies(s, state.answers) && !isAnswered(s, state.answers));
}

/** Reads saved form data; null when it is from an older version or broken in any way. */
export function loadState(form: FormDefinition, data: unknown): FormState | null {
  const parsed = formStateSchema.safeParse(data);
  if (!parsed.success) return null;
  const state = parsed.data;
  const known = (id: string) => stepById(form, id) !== undefined;
  if (state.at !== SUMMARY && !known(state.at)) return null;
  if (![...state.back, ...state.ahead].every(known)) return null;
  for (const [id, value] of Object.entries(state.answers)) {
    const step = stepById(form, id);
    if (!step) return null;
    if (value !== null && !step.value.safeParse(value).success) return null;
  }
  return state;
}

/** The state as dialog data. Every field is plain JSON (checked by `formStateSchema`); only
 *  FileRef, an interface without an index signature, keeps TypeScript from seeing that. */
export function asJson(state: FormState): JsonValue {
  return state as unknown as JsonValue;
}
