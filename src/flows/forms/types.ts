import type { z } from "zod";
import type { JsonValue, Turn } from "../../core/feature.js";
import type { MessageArgs } from "../../core/i18n.js";
import type { Markup } from "../../core/markup.js";
import type { FileRef, Locale } from "../../core/types.js";
import type { Parsed } from "../../domain/result.js";
import type { Ctx } from "../context.js";
import type { FormState } from "./state.js";

/** Answers by step id; null = skipped. */
export type Answers = Readonly<Record<string, JsonValue>>;

/** One option of a choice: a label from the locales or given per language (data files). */
export interface Choice {
  value: string;
  labelKey?: string;
  label?: Readonly<Record<Locale, string>>;
  /** Other words people type for it (folded before comparing). */
  aliases?: readonly string[];
}

export type StepInput =
  /** Free text read by a parser (validators in src/domain). */
  | { kind: "text"; parse(text: string, ctx: Ctx, answers: Answers): Parsed<JsonValue> }
  /** One of a few options, as buttons; typed text matches a label, alias or number, then `parse`. */
  | { kind: "choice"; choices(ctx: Ctx, answers: Answers): readonly Choice[]; parse?(text: string, ctx: Ctx, answers: Answers): string | null; columns?: number }
  /** Several options toggled with buttons and confirmed with "Xong"; or typed as a list. */
  | { kind: "multi"; choices(ctx: Ctx, answers: Answers): readonly Choice[]; min: number; columns?: number }
  /** Files sent in the chat; "Xong" ends the step. The files themselves live in the state's `files`. */
  | { kind: "files"; max: number }
  /** Agreement to the processing of personal data; the answer is the time of consent. */
  | { kind: "consent" };

/** A valid answer the form cannot take (e.g. not yet eligible): said plainly, with ways on. */
export interface Gate {
  text: Markup;
  /** Extra buttons: form actions (`FormDefinition.actions`) by name. */
  actions: readonly { labelKey: string; action: string }[];
}

export interface Step {
  /** Short id (letters), also in button data: keep it under 12 characters. */
  id: string;
  promptKey: string;
  /** Shown in the summary and on its "Sửa" button. */
  labelKey: string;
  input: StepInput;
  /** The stored (non-null) answer's shape, checked again when a saved form is loaded. */
  value: z.ZodType<JsonValue>;
  /** May be skipped ("Bỏ qua"); the answer is then null. */
  optional?: boolean | ((answers: Answers) => boolean);
  /** Asked only when this holds; answers of steps that no longer apply are dropped on submit. */
  when?(answers: Answers): boolean;
  promptArgs?(ctx: Ctx, answers: Answers): MessageArgs;
  /** How the answer reads in the summary (default: the text, or the choice labels). */
  show?(value: JsonValue, ctx: Ctx, answers: Answers): Markup;
  /** After a valid answer: a gate keeps the user on this step. */
  check?(value: JsonValue, ctx: Ctx, answers: Answers): Gate | null | Promise<Gate | null>;
  /** After an answer (null = skipped): a remark shown before the next question (e.g. the size class). */
  remark?(value: JsonValue, ctx: Ctx, answers: Answers): Markup | null;
  /** Not offered for editing in the summary (consent). */
  fixed?: boolean;
}

export interface BeginOptions {
  prefill?: Answers;
  files?: readonly FileRef[];
  /** The submission a contact update is for. */
  target?: string | null;
  intro?: Markup;
}

/** What a form's actions and submit may ask of the engine. */
export interface FormEngineApi {
  /** Starts a form (possibly another one), with some answers already given and a line said first. */
  begin(ctx: Ctx, formId: string, options?: BeginOptions): Turn;
  /** Says `text`, then asks the current question of `state` again. */
  reask(ctx: Ctx, form: FormDefinition, state: FormState, text?: Markup): Turn;
}

export interface FormDefinition {
  /** Short id: gtclqg, nscl, contact. */
  id: string;
  /** The dialog's flow id. */
  flowId: string;
  titleKey: string;
  /** A word the FAQ reads as the subject of a question typed in this form (its programme: `gtclqg`, `nscl`). */
  faqContext?: string;
  steps: readonly Step[];
  /** The step that collects files; files sent at any step are kept for it. */
  filesStep?: string;
  /** Named actions behind gate buttons (`rg:a:<name>`). */
  actions?: Readonly<Record<string, (ctx: Ctx, state: FormState, api: FormEngineApi) => Turn | Promise<Turn>>>;
  summaryTitleKey: string;
  submitLabelKey: string;
  /** Answers known before the form starts (e.g. the award year when the profile decides it); a prefill given to `begin` wins. */
  initial?(ctx: Ctx): Answers;
  /** Lines the summary adds after the answers: what follows from them (the size class). */
  derived?(ctx: Ctx, answers: Answers): Markup[];
  /** Every applicable step is answered; store and answer (the dialog normally ends). */
  submit(ctx: Ctx, state: FormState, api: FormEngineApi): Turn | Promise<Turn>;
}
