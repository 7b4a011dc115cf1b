import type { DialogState, FlowHandler, JsonValue, Turn } from "../../core/feature.js";
import { raw, type MessageRef } from "../../core/i18n.js";
import { esc, joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button, FileRef, InboundEvent, OutboundMessage } from "../../core/types.js";
import { checkDossierFile } from "../../domain/dossier-file.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { fold } from "../../domain/text.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { unitContact } from "../unit-contact.js";
import {
  SUMMARY,
  applies,
  asJson,
  firstOpenStep,
  freshState,
  isOptional,
  loadState,
  stepById,
  type FormState,
} from "./state.js";
import { formButton, type FormButton } from "./buttons.js";
import type { Answers, Choice, FormDefinition, FormEngineApi, Gate, Step } from "./types.js";
import { BACK, DONE, NO, NONE, RESTART, SKIP, SUBMIT, YES, is, looksLikeQuestion } from "./words.js";

/** A form untouched this long is dropped (with a notice) — its answers are personal data. */
export const FORM_EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;
/** A user who writes after this long is first asked whether to continue where they left off. */
export const RETURN_AFTER_MS = 60 * 60 * 1000;
/** Wrong answers in a row before help (the unit's contact) is offered. */
export const TRIES_BEFORE_HELP = 3;

export interface FormEngine {
  flows: FlowHandler<Services>[];
  api: FormEngineApi;
  /** Starts `formId`, or offers to continue a form the user is already in. */
  start(ctx: Ctx, formId: string): Turn;
  /** The "continue or start over" offer for an active form dialog, if it is one. */
  welcomeBack(ctx: Ctx, dialog: DialogState): Turn | null;
  formOf(flowId: string): FormDefinition | undefined;
  /** The answers given so far in an active form (for "what do you store about me"); null if none. */
  describe(ctx: Ctx, dialog: DialogState): Markup | null;
}

const plain = (m: Markup) => toPlainText(m);

export function choiceLabel(ctx: Ctx, choice: Choice): string {
  if (choice.label) return choice.label[ctx.locale];
  return plain(ctx.t(choice.labelKey ?? choice.value));
}

function rows<T>(items: readonly T[], columns: number): T[][] {
  const out: T[][] = [];
  items.forEach((item, i) => {
    if (i % columns === 0) out.push([]);
    out[out.length - 1]!.push(item);
  });
  return out;
}

/** Matches typed text to one option: its number, label (either language), value or an alias. */
export function matchChoice(ctx: Ctx, text: string, choices: readonly Choice[]): Choice | undefined {
  const f = fold(text).replace(/[.!]+$/, "");
  if (/^\d{1,2}$/.test(f)) return choices[Number(f) - 1];
  return choices.find((c) => {
    const names = [c.value, ...(c.aliases ?? []), choiceLabel(ctx, c), ...(c.label ? Object.values(c.label) : [])];
    if (c.labelKey) names.push(plain(ctx.tIn("vi", c.labelKey)), plain(ctx.tIn("en", c.labelKey)));
    return names.some((n) => fold(n).replace(/^[^\p{L}\p{N}]+/u, "") === f);
  });
}

export function createFormEngine(forms: readonly FormDefinition[]): FormEngine {
  const byId = new Map(forms.map((f) => [f.id, f]));
  const byFlow = new Map(forms.map((f) => [f.flowId, f]));

  // ——— rendering ———

  const progress = (ctx: Ctx, form: FormDefinition, state: FormState, step: Step): Markup => {
    const list = form.steps.filter((s) => applies(s, state.answers));
    return ctx.t("form-progress", { n: list.indexOf(step) + 1, total: list.length });
  };

  const showAnswer = (ctx: Ctx, form: FormDefinition, state: FormState, step: Step): Markup => {
    const value = state.answers[step.id];
    if (step.input.kind === "files") {
      return state.files.length ? esc(state.files.map((f) => f.name).join(", ")) : ctx.t("form-no-files");
    }
    if (value === undefined) return ctx.t("form-not-answered");
    if (value === null) return ctx.t("form-skipped");
    if (step.show) return step.show(value, ctx, state.answers);
    const input = step.input;
    if (input.kind === "choice") {
      const c = input.choices(ctx).find((x) => x.value === value);
      return esc(c ? choiceLabel(ctx, c) : String(value));
    }
    if (input.kind === "multi" && Array.isArray(value)) {
      if (value.length === 0) return ctx.t("form-none-chosen");
      const choices = input.choices(ctx);
      return esc(value.map((v) => choices.find((c) => c.value === v)).map((c, i) => (c ? choiceLabel(ctx, c) : String(value[i]))).join(", "));
    }
    if (input.kind === "consent" && typeof value === "string") return ctx.t("form-consent-given", { at: formatDateTime(value, ctx.locale) });
    return esc(typeof value === "string" ? value : JSON.stringify(value));
  };

  const navRow = (ctx: Ctx, state: FormState, step: Step): Button[] => {
    const row: Button[] = [];
    if (state.editing) row.push({ label: plain(ctx.t("form-button-to-summary")), data: formButton.encode(["back"]) });
    else if (state.back.length > 0) row.push({ label: plain(ctx.t("form-button-back")), data: formButton.encode(["back"]) });
    if (isOptional(step, state.answers) && step.input.kind !== "files") row.push({ label: plain(ctx.t("form-button-skip")), data: formButton.encode(["skip", step.id]) });
    if (step.id in state.answers && state.answers[step.id] !== null && step.input.kind !== "multi" && step.input.kind !== "files") {
      row.push({ label: plain(ctx.t("form-button-keep")), data: formButton.encode(["keep", step.id]) });
    }
    return row;
  };

  const stepButtons = (ctx: Ctx, state: FormState, step: Step): Button[][] => {
    const input = step.input;
    const current = state.answers[step.id];
    let body: Button[][] = [];
    if (input.kind === "choice") {
      body = rows(
        input.choices(ctx).map((c) => ({ label: `${c.value === current ? "✓ " : ""}${choiceLabel(ctx, c)}`, data: formButton.encode(["c", step.id, c.value]) })),
        input.columns ?? 2,
      );
    } else if (input.kind === "multi") {
      const picked = new Set(state.pick ?? (Array.isArray(current) ? current.map(String) : []));
      body = rows(
        input.choices(ctx).map((c) => ({ label: `${picked.has(c.value) ? "✅ " : ""}${choiceLabel(ctx, c)}`, data: formButton.encode(["t", step.id, c.value]) })),
        input.columns ?? 2,
      );
      body.push([{ label: plain(ctx.t("form-button-done", { count: picked.size })), data: formButton.encode(["ok", step.id]) }]);
    } else if (input.kind === "files") {
      body = [[{ label: plain(ctx.t(state.files.length ? "form-button-files-done" : "form-button-no-files")), data: formButton.encode(["ok", step.id]) }]];
    } else if (input.kind === "consent") {
      body = [[
        { label: plain(ctx.t("form-button-consent-yes")), data: formButton.encode(["c", step.id, "yes"]) },
        { label: plain(ctx.t("form-button-consent-no")), data: formButton.encode(["c", step.id, "no"]) },
      ]];
    }
    const nav = navRow(ctx, state, step);
    return nav.length ? [...body, nav] : body;
  };

  const questionText = (ctx: Ctx, form: FormDefinition, state: FormState, step: Step): Markup => {
    const parts = [progress(ctx, form, state, step), ctx.t(step.promptKey, step.promptArgs?.(ctx, state.answers))];
    const input = step.input;
    if (input.kind === "multi") {
      const picked = state.pick ?? (Array.isArray(state.answers[step.id]) ? (state.answers[step.id] as JsonValue[]).map(String) : []);
      const choices = input.choices(ctx);
      const names = picked.map((v) => choices.find((c) => c.value === v)).filter((c): c is Choice => !!c).map((c) => choiceLabel(ctx, c));
      parts.push(names.length ? ctx.t("form-picked", { list: names.join(", ") }) : ctx.t("form-picked-none"));
    } else if (input.kind === "files") {
      if (state.files.length) parts.push(ctx.t("form-files-so-far", { count: state.files.length, list: state.files.map((f) => f.name).join(", ") }));
    } else if (step.id in state.answers && state.answers[step.id] !== null) {
      parts.push(ctx.t("form-current-answer", { answer: raw(showAnswer(ctx, form, state, step)) }));
    }
    return joinMarkup(parts, "\n\n");
  };

  const summaryLines = (ctx: Ctx, form: FormDefinition, state: FormState, answeredOnly = false): Markup =>
    joinMarkup(
      form.steps
        .filter((s) => applies(s, state.answers) && (!answeredOnly || s.id in state.answers))
        .map((s) => ctx.t("form-summary-line", { label: raw(ctx.t(s.labelKey)), value: raw(showAnswer(ctx, form, state, s)) })),
    );

  const summaryMessage = (ctx: Ctx, form: FormDefinition, state: FormState): OutboundMessage => {
    const edit = form.steps
      .filter((s) => applies(s, state.answers) && !s.fixed)
      .map((s) => ({ label: plain(ctx.t("form-button-edit", { field: raw(ctx.t(s.labelKey)) })), data: formButton.encode(["edit", s.id]) }));
    const derived = form.derived?.(ctx, state.answers) ?? [];
    const text = joinMarkup([ctx.t(form.summaryTitleKey), joinMarkup([summaryLines(ctx, form, state), ...derived]), ctx.t("form-summary-hint")], "\n\n");
    return {
      text,
      buttons: [
        ...rows(edit, 2),
        [
          { label: plain(ctx.t(form.submitLabelKey)), data: formButton.encode(["submit"]) },
          { label: plain(ctx.t("form-button-cancel")), data: formButton.encode(["cancel"]) },
        ],
      ],
    };
  };

  /** The message that asks where the state stands: a question or the summary. */
  const prompt = (ctx: Ctx, form: FormDefinition, state: FormState, before?: Markup): OutboundMessage => {
    const step = state.at === SUMMARY ? undefined : stepById(form, state.at);
    const message = step ? { text: questionText(ctx, form, state, step), buttons: stepButtons(ctx, state, step) } : summaryMessage(ctx, form, state);
    return before ? { ...message, text: joinMarkup([before, message.text], "\n\n") } : message;
  };

  const stay = (ctx: Ctx, form: FormDefinition, state: FormState, before?: Markup): Turn => ({
    messages: [prompt(ctx, form, state, before)],
    dialog: ctx.advance(asJson(state)),
  });

  // ——— moving ———

  /** Where to go after an answer at `state.at`. */
  const moveOn = (form: FormDefinition, state: FormState): FormState => {
    const from = state.at;
    const base = { ...state, tries: 0, pick: null, held: null, confirmCancel: false };
    if (state.editing || from === SUMMARY) {
      const open = firstOpenStep(form, base);
      return open ? { ...base, at: open.id } : { ...base, at: SUMMARY, editing: false, back: [...state.back], ahead: [] };
    }
    const back = [...state.back, from];
    const ahead = [...state.ahead];
    while (ahead.length) {
      const next = stepById(form, ahead.pop()!);
      if (next && applies(next, base.answers)) return { ...base, at: next.id, back, ahead };
    }
    const open = firstOpenStep(form, base);
    return { ...base, at: open?.id ?? SUMMARY, back, ahead: [] };
  };

  const goBack = (ctx: Ctx, form: FormDefinition, state: FormState): Turn => {
    const base = { ...state, tries: 0, pick: null, held: null, confirmCancel: false };
    if (state.editing) return stay(ctx, form, { ...base, at: SUMMARY, editing: false });
    const back = [...state.back];
    const ahead = state.at === SUMMARY ? [] : [...state.ahead, state.at];
    while (back.length) {
      const previous = stepById(form, back.pop()!);
      if (previous && applies(previous, base.answers)) return stay(ctx, form, { ...base, at: previous.id, back, ahead });
    }
    return stay(ctx, form, base, ctx.t("form-back-at-start"));
  };

  const accept = async (ctx: Ctx, form: FormDefinition, state: FormState, step: Step, value: JsonValue, note?: Markup): Promise<Turn> => {
    const gate: Gate | null = value === null ? null : ((await step.check?.(value, ctx, state.answers)) ?? null);
    if (gate) {
      const held = { ...state, tries: 0, pick: null, held: value };
      const actions = gate.actions.map((a) => ({ label: plain(ctx.t(a.labelKey)), data: formButton.encode(["a", a.action]) }));
      const nav = navRow(ctx, held, step);
      return {
        messages: [{ text: gate.text, buttons: [...rows(actions, 1), ...(nav.length ? [nav] : [])] }],
        dialog: ctx.advance(asJson(held)),
      };
    }
    const answers = { ...state.answers, [step.id]: value };
    const remark = step.remark?.(value, ctx, answers) ?? null;
    const next = moveOn(form, { ...state, answers });
    const before = [note, remark].filter((m): m is Markup => !!m);
    return stay(ctx, form, next, before.length ? joinMarkup(before, "\n") : undefined);
  };

  const wrong = (ctx: Ctx, form: FormDefinition, state: FormState, error: Markup, typed: string | null): Turn => {
    if (typed !== null && looksLikeQuestion(typed)) {
      // A question in the middle of the form: answer it from the knowledge base, then ask again.
      const found = ctx.services.faq.lookup(typed, ctx.locale);
      const answer = found?.matched ? found.answer : ctx.t("form-question-not-found", { contact: raw(unitContact(ctx)) });
      return { messages: [{ text: answer }, prompt(ctx, form, state, ctx.t("form-question-continue"))], dialog: ctx.advance(asJson(state)) };
    }
    const tries = state.tries + 1;
    const next = { ...state, tries };
    const parts = [error];
    if (tries >= TRIES_BEFORE_HELP) parts.push(ctx.t("form-help-offer", { contact: raw(unitContact(ctx)) }));
    const message = prompt(ctx, form, next, joinMarkup(parts, "\n\n"));
    if (tries >= TRIES_BEFORE_HELP) {
      message.buttons = [...(message.buttons ?? []), [{ label: plain(ctx.t("form-button-cancel")), data: formButton.encode(["cancel"]) }]];
    }
    return { messages: [message], dialog: ctx.advance(asJson(next)) };
  };

  const errorText = (ctx: Ctx, ref: MessageRef): Markup => ctx.t(ref.key, ref.args);

  // ——— input by kind ———

  const onTextAtStep = async (ctx: Ctx, form: FormDefinition, state: FormState, step: Step, text: string): Promise<Turn> => {
    const input = step.input;
    switch (input.kind) {
      case "text": {
        const parsed = input.parse(text, ctx, state.answers);
        if (!parsed.ok) return wrong(ctx, form, state, errorText(ctx, parsed.error), text);
        return accept(ctx, form, state, step, parsed.value, parsed.note ? errorText(ctx, parsed.note) : undefined);
      }
      case "choice": {
        const choices = input.choices(ctx);
        // The step's own reading first: "10" at the VSIC question is a division code, not option 10.
        const value = input.parse?.(text, ctx) ?? matchChoice(ctx, text, choices)?.value ?? null;
        if (value === null) return wrong(ctx, form, state, ctx.t("form-err-choice"), text);
        return accept(ctx, form, state, step, value);
      }
      case "multi": {
        if (is(DONE, text)) return finishMulti(ctx, form, state, step);
        if (input.min === 0 && is(NONE, text)) return accept(ctx, form, state, step, []);
        const choices = input.choices(ctx);
        const pieces = text.split(/\s*(?:[,;\n+]|\s(?:va|và|and)\s)\s*/).filter((p) => p.trim() !== "");
        const found = pieces.map((p) => matchChoice(ctx, p, choices));
        if (!pieces.length || found.some((c) => !c)) return wrong(ctx, form, state, ctx.t("form-err-multi"), text);
        const values = [...new Set(found.map((c) => c!.value))];
        if (values.length < input.min) return wrong(ctx, form, state, ctx.t("form-err-multi-min", { min: input.min }), text);
        return accept(ctx, form, state, step, values);
      }
      case "files":
        if (is(DONE, text) || is(NO, text)) return accept(ctx, form, state, step, state.files.length ? true : null);
        return wrong(ctx, form, state, ctx.t("form-err-files"), text);
      case "consent":
        if (is(YES, text)) return accept(ctx, form, state, step, ctx.now.toISOString());
        if (is(NO, text)) return declined(ctx);
        return wrong(ctx, form, state, ctx.t("form-err-consent"), text);
    }
  };

  const finishMulti = async (ctx: Ctx, form: FormDefinition, state: FormState, step: Step): Promise<Turn> => {
    if (step.input.kind !== "multi") return stay(ctx, form, state);
    const current = state.answers[step.id];
    const picked = state.pick ?? (Array.isArray(current) ? current.map(String) : []);
    if (picked.length < step.input.min) return wrong(ctx, form, state, ctx.t("form-err-multi-min", { min: step.input.min }), null);
    return accept(ctx, form, state, step, picked);
  };

  const declined = (ctx: Ctx): Turn => ({ messages: [{ text: ctx.t("form-consent-declined"), buttons: ctx.menu() }], dialog: null });

  const cancelled = (ctx: Ctx): Turn => ({ messages: [{ text: ctx.t("form-cancelled"), buttons: ctx.menu() }], dialog: null });

  const askCancel = (ctx: Ctx, state: FormState): Turn => ({
    messages: [{
      text: ctx.t("form-cancel-confirm"),
      buttons: [[
        { label: plain(ctx.t("form-button-cancel-yes")), data: formButton.encode(["cancel", "yes"]) },
        { label: plain(ctx.t("form-button-cancel-no")), data: formButton.encode(["cancel", "no"]) },
      ]],
    }],
    dialog: ctx.advance(asJson({ ...state, confirmCancel: true })),
  });

  const addFile = (ctx: Ctx, form: FormDefinition, state: FormState, sent: FileRef): Turn => {
    const filesStep = form.filesStep ? stepById(form, form.filesStep) : undefined;
    if (!filesStep || filesStep.input.kind !== "files") return stay(ctx, form, state, ctx.t("form-file-not-here"));
    // The dossier file rule (size, type), stated in the step's question; a refused file is not kept.
    const checked = checkDossierFile(sent);
    if (!checked.ok) return stay(ctx, form, state, joinMarkup([ctx.t(checked.error.key, checked.error.args), ctx.t("file-not-kept", { name: sent.name })]));
    const file: FileRef = { ...sent, name: checked.value.name };
    if (state.files.some((f) => f.ref === file.ref)) return stay(ctx, form, state, ctx.t("form-file-again", { name: file.name }));
    if (state.files.length >= filesStep.input.max) return stay(ctx, form, state, ctx.t("form-file-too-many", { max: filesStep.input.max }));
    const next = { ...state, files: [...state.files, file] };
    return stay(ctx, form, next, ctx.t("form-file-received", { name: file.name, count: next.files.length }));
  };

  // ——— buttons ———

  const onButton = async (ctx: Ctx, form: FormDefinition, state: FormState, pressed: FormButton): Promise<Turn> => {
    const [verb, stepId = "", value = ""] = pressed;
    const current = state.at === SUMMARY ? undefined : stepById(form, state.at);
    const stale = () => stay(ctx, form, state, ctx.t("form-button-old"));
    if (verb === "cancel") {
      if (stepId === "yes") return cancelled(ctx);
      if (stepId === "no") return stay(ctx, form, { ...state, confirmCancel: false });
      return askCancel(ctx, state);
    }
    if (verb === "restart") return api.begin(ctx, form.id, { target: state.target });
    if (verb === "continue") return stay(ctx, form, { ...state, confirmCancel: false });
    if (verb === "back") return goBack(ctx, form, state);
    if (verb === "a") {
      // Button data is untrusted: only the form's own actions (never "constructor" or "__proto__").
      const action = form.actions && Object.hasOwn(form.actions, stepId) ? form.actions[stepId] : undefined;
      return typeof action === "function" && state.held !== null ? action(ctx, state, api) : stale();
    }
    if (verb === "submit") {
      if (state.at !== SUMMARY) return stale();
      const open = firstOpenStep(form, state);
      if (open) return stay(ctx, form, { ...state, at: open.id, editing: true });
      return form.submit(ctx, state, api);
    }
    if (verb === "edit") {
      const step = stepById(form, stepId);
      if (state.at !== SUMMARY || !step || step.fixed || !applies(step, state.answers)) return stale();
      return stay(ctx, form, { ...state, at: step.id, editing: true, tries: 0, pick: null, held: null });
    }
    // The rest act on the current question only: a button of an earlier question is refused.
    if (!current || current.id !== stepId) return stale();
    const input = current.input;
    switch (verb) {
      case "skip":
        return isOptional(current, state.answers) ? accept(ctx, form, state, current, null) : stay(ctx, form, state);
      case "keep":
        return current.id in state.answers && state.answers[current.id] !== null ? stay(ctx, form, moveOn(form, state)) : stay(ctx, form, state);
      case "c": {
        if (input.kind === "consent") return value === "yes" ? accept(ctx, form, state, current, ctx.now.toISOString()) : declined(ctx);
        if (input.kind !== "choice") return stale();
        const choice = input.choices(ctx).find((c) => c.value === value);
        return choice ? accept(ctx, form, state, current, choice.value) : stale();
      }
      case "t": {
        if (input.kind !== "multi" || !input.choices(ctx).some((c) => c.value === value)) return stale();
        const existing = state.answers[current.id];
        const picked = new Set(state.pick ?? (Array.isArray(existing) ? existing.map(String) : []));
        const choices = input.choices(ctx);
        const order = choices.map((c) => c.value);
        const added = !picked.has(value);
        if (added) picked.add(value);
        else picked.delete(value);
        const next = { ...state, pick: order.filter((v) => picked.has(v)) };
        // The question is re-drawn in place where the channel can; elsewhere only the change is said.
        const item = choiceLabel(ctx, choices.find((c) => c.value === value)!);
        const change = ctx.t(added ? "form-multi-picked" : "form-multi-unpicked", { item, count: picked.size });
        return { messages: [{ ...prompt(ctx, form, next), edit: { change } }], dialog: ctx.advance(asJson(next)) };
      }
      case "ok":
        if (input.kind === "multi") return finishMulti(ctx, form, state, current);
        if (input.kind === "files") return accept(ctx, form, state, current, state.files.length ? true : null);
        return stale();
      default:
        return stale();
    }
  };

  // ——— text ———

  const onText = async (ctx: Ctx, form: FormDefinition, state: FormState, text: string): Promise<Turn> => {
    if (state.confirmCancel) {
      if (is(YES, text)) return cancelled(ctx);
      state = { ...state, confirmCancel: false };
      if (is(NO, text)) return stay(ctx, form, state);
    }
    if (is(BACK, text)) return goBack(ctx, form, state);
    if (is(RESTART, text)) return api.begin(ctx, form.id, { target: state.target });
    if (state.at === SUMMARY) {
      if (is(SUBMIT, text)) return onButton(ctx, form, state, ["submit"]);
      if (looksLikeQuestion(text)) return wrong(ctx, form, state, ctx.t("form-summary-hint"), text);
      return stay(ctx, form, state, ctx.t("form-summary-typed"));
    }
    const step = stepById(form, state.at)!;
    if (is(SKIP, text)) {
      if (isOptional(step, state.answers)) return accept(ctx, form, state, step, null);
      return stay(ctx, form, state, ctx.t("form-cannot-skip"));
    }
    return onTextAtStep(ctx, form, state, step, text);
  };

  // ——— entry points ———

  const welcomeBackTurn = (ctx: Ctx, form: FormDefinition, state: FormState, dialog: DialogState): Turn => {
    const message = prompt(
      ctx,
      form,
      { ...state, confirmCancel: false },
      ctx.t("form-welcome-back", {
        form: raw(ctx.t(form.titleKey)),
        count: Object.keys(state.answers).length,
        when: formatDateTime(dialog.updatedAt, ctx.locale),
      }),
    );
    message.buttons = [
      ...(message.buttons ?? []),
      [
        { label: plain(ctx.t("form-button-restart")), data: formButton.encode(["restart"]) },
        { label: plain(ctx.t("form-button-cancel")), data: formButton.encode(["cancel"]) },
      ],
    ];
    return { messages: [message], dialog: ctx.advance(asJson({ ...state, confirmCancel: false, tries: 0 })) };
  };

  const expired = (ctx: Ctx, form: FormDefinition, dialog: DialogState): Turn => ({
    messages: [{ text: ctx.t("form-expired", { form: raw(ctx.t(form.titleKey)), when: formatDateTime(dialog.updatedAt, ctx.locale) }), buttons: ctx.menu() }],
    dialog: null,
  });

  const broken = (ctx: Ctx, form: FormDefinition): Turn => {
    const fresh = api.begin(ctx, form.id);
    return { ...fresh, messages: [{ text: ctx.t("form-state-broken") }, ...fresh.messages] };
  };

  const isExpired = (ctx: Ctx, dialog: DialogState) => ctx.now.getTime() - Date.parse(dialog.updatedAt) > FORM_EXPIRY_MS;

  const api: FormEngineApi = {
    begin(ctx, formId, options = {}) {
      const form = byId.get(formId);
      if (!form) throw new Error(`unknown form ${formId}`);
      const state = freshState(form, options.prefill, options.target ?? null, options.files);
      return { messages: [prompt(ctx, form, state, options.intro)], dialog: ctx.begin(form.flowId, asJson(state)) };
    },
    reask(ctx, form, state, text) {
      return stay(ctx, form, state, text);
    },
  };

  const flows = forms.map((form): FlowHandler<Services> => ({
    id: form.flowId,
    buttons: [formButton],
    onEvent(ctx, event: InboundEvent, dialog) {
      const state = loadState(form, dialog.data);
      if (!state) return broken(ctx, form);
      if (isExpired(ctx, dialog)) return expired(ctx, form, dialog);
      if (event.kind === "file") return addFile(ctx, form, state, event.file);
      if (event.kind === "button") {
        // The dispatcher hands a flow only its own buttons; data that does not decode is stale.
        const pressed = formButton.decode(event.data);
        return pressed ? onButton(ctx, form, state, pressed) : stay(ctx, form, state, ctx.t("form-button-old"));
      }
      // Someone coming back after a while is asked where to go on before any text is read as an answer.
      if (ctx.now.getTime() - Date.parse(dialog.updatedAt) > RETURN_AFTER_MS) return welcomeBackTurn(ctx, form, state, dialog);
      if (event.kind === "text") return onText(ctx, form, state, event.text);
      return stay(ctx, form, state);
    },
    onCancel(ctx, dialog) {
      const state = loadState(form, dialog.data);
      if (!state) return cancelled(ctx);
      return askCancel(ctx, state);
    },
    onReturn(ctx, dialog) {
      const state = loadState(form, dialog.data);
      if (!state) return broken(ctx, form);
      if (isExpired(ctx, dialog)) return expired(ctx, form, dialog);
      return welcomeBackTurn(ctx, form, state, dialog);
    },
  }));

  return {
    flows,
    api,
    start(ctx, formId) {
      if (ctx.dialog) {
        const active = byFlow.get(ctx.dialog.flow);
        if (active) {
          const state = loadState(active, ctx.dialog.data);
          if (state && !isExpired(ctx, ctx.dialog)) return welcomeBackTurn(ctx, active, state, ctx.dialog);
        }
      }
      return api.begin(ctx, formId);
    },
    welcomeBack(ctx, dialog) {
      const form = byFlow.get(dialog.flow);
      if (!form) return null;
      const state = loadState(form, dialog.data);
      if (!state) return broken(ctx, form);
      if (isExpired(ctx, dialog)) return expired(ctx, form, dialog);
      return welcomeBackTurn(ctx, form, state, dialog);
    },
    formOf: (flowId) => byFlow.get(flowId),
    describe(ctx, dialog) {
      const form = byFlow.get(dialog.flow);
      const state = form ? loadState(form, dialog.data) : null;
      if (!form || !state) return null;
      return joinMarkup([ctx.t("form-in-progress", { form: raw(ctx.t(form.titleKey)), when: formatDateTime(dialog.updatedAt, ctx.locale) }), summaryLines(ctx, form, state, true)]);
    },
  };
}
