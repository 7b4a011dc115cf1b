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
import { BACK, DONE, NO, NONE, RESTART, SKIP, SUBMIT, is, isYes, looksLikeQuestion } from "./words.js";
import { isUnderstood } from "../../domain/in-sentence.js";

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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * May this step still be asked, given the answers? Its condition is probed for the answers it
 * reads: decided by answers given (true or false), or open while one it reads is missing — then it
 * counts, so "Câu 9/16" never turns into "Câu 10/17": the total can only shrink as answers decide.
 */
export function mayBeAsked(step: Step, answers: Answers): boolean {
  if (!step.when) return true;
  const read = new Set<string>();
  const probe = new Proxy(answers, {
    get(target, key) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      if (typeof key === "string") read.add(key);
      return Reflect.has(target, key);
    },
  });
  if (step.when(probe)) return true;
  return [...read].some((key) => !(key in answers));
}

/** "haccp và iso 22000", "có HACCP với ISO 22000", "1, 3" → the items, without the "có"/"we have" before them. */
export function listPieces(text: string): string[] {
  return text
    .replace(/^\s*(?:(?:công ty|cty|bên|chúng|em|tôi|mình|ta|đã|đang|có|co|da|we|have|has|got|already|hold|both)\s+)+/iu, "")
    .split(/\s*(?:[,;\n+&/]|\s(?:va|và|voi|với|cung|cùng|and|with|plus)\s)\s*/iu)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** Significant words of a label or a message (folded; one-letter words and joiners left out). */
const JOINERS = new Set(["va", "and", "the", "of", "cac", "nhung", "cho", "khac", "other", "la", "co", "toi", "em", "cua"]);
const wordsOf = (text: string): string[] =>
  fold(text)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 && !JOINERS.has(w));

/**
 * The options a message names by words: those with a name (label in either language, or alias)
 * whose every word is in the message ("chế biến thực phẩm" names "chế biến"); failing that, those
 * sharing the most words with it, at least two ("chế biến" in "C – Công nghiệp chế biến, chế tạo").
 */
export function choicesNamedIn(ctx: Ctx, text: string, choices: readonly Choice[]): Choice[] {
  const said = ` ${wordsOf(text).join(" ")} `;
  const saidSet = new Set(wordsOf(text));
  if (saidSet.size === 0) return [];
  const names = (c: Choice) => {
    const list = [...(c.aliases ?? []), choiceLabel(ctx, c), ...(c.label ? Object.values(c.label) : [])];
    if (c.labelKey) list.push(plain(ctx.tIn("vi", c.labelKey)), plain(ctx.tIn("en", c.labelKey)));
    return list.map(wordsOf).filter((w) => w.length > 0);
  };
  const whole = choices.filter((c) => names(c).some((n) => said.includes(` ${n.join(" ")} `)));
  if (whole.length) return whole;
  // Every word typed is in one name: "vietgap" names "VietGAP, GlobalGAP, sản xuất hữu cơ…".
  const within = choices.filter((c) => names(c).some((n) => [...saidSet].every((w) => n.includes(w))));
  if (within.length) return within;
  const shared = choices.map((c) => ({ c, n: Math.max(0, ...names(c).map((n) => n.filter((w) => saidSet.has(w)).length)) }));
  const best = Math.max(0, ...shared.map((s) => s.n));
  return best >= 2 ? shared.filter((s) => s.n === best).map((s) => s.c) : [];
}

function uniqueNamed(ctx: Ctx, text: string, choices: readonly Choice[]): Choice | undefined {
  const named = choicesNamedIn(ctx, text, choices);
  return named.length === 1 ? named[0] : undefined;
}

export function createFormEngine(forms: readonly FormDefinition[]): FormEngine {
  const byId = new Map(forms.map((f) => [f.id, f]));
  const byFlow = new Map(forms.map((f) => [f.flowId, f]));

  // ——— rendering ———

  const progress = (ctx: Ctx, form: FormDefinition, state: FormState, step: Step): Markup => {
    const list = form.steps.filter((s) => s === step || mayBeAsked(s, state.answers));
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
      const c = input.choices(ctx, state.answers).find((x) => x.value === value);
      return esc(c ? choiceLabel(ctx, c) : String(value));
    }
    if (input.kind === "multi" && Array.isArray(value)) {
      if (value.length === 0) return ctx.t("form-none-chosen");
      const choices = input.choices(ctx, state.answers);
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
        input.choices(ctx, state.answers).map((c) => ({ label: `${c.value === current ? "✓ " : ""}${choiceLabel(ctx, c)}`, data: formButton.encode(["c", step.id, c.value]) })),
        input.columns ?? 2,
      );
    } else if (input.kind === "multi") {
      const picked = new Set(state.pick ?? (Array.isArray(current) ? current.map(String) : []));
      body = rows(
        input.choices(ctx, state.answers).map((c) => ({ label: `${picked.has(c.value) ? "✅ " : ""}${choiceLabel(ctx, c)}`, data: formButton.encode(["t", step.id, c.value]) })),
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
      const choices = input.choices(ctx, state.answers);
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

  /** A question in the middle of the form: answered from the knowledge base — about the form's programme unless it names another — then the question again. */
  const midFormQuestion = (ctx: Ctx, form: FormDefinition, state: FormState, typed: string): Turn => {
    const found = ctx.services.faq.lookup(typed, ctx.locale, form.faqContext ? { context: form.faqContext } : undefined);
    const answer = found?.matched ? found.answer : ctx.t("form-question-not-found", { contact: raw(unitContact(ctx)) });
    return { messages: [{ text: answer }, prompt(ctx, form, state, ctx.t("form-question-continue"))], dialog: ctx.advance(asJson(state)) };
  };

  const wrong = (ctx: Ctx, form: FormDefinition, state: FormState, error: Markup, typed: string | null): Turn => {
    if (typed !== null && looksLikeQuestion(typed)) return midFormQuestion(ctx, form, state, typed);
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

  /** "Trợ lý hiểu: Năm thành lập: 2019" — said when a value was found inside a sentence or named by words. */
  const understoodLine = (ctx: Ctx, form: FormDefinition, state: FormState, step: Step, value: JsonValue): Markup =>
    ctx.t("understand-understood", { label: raw(ctx.t(step.labelKey)), value: raw(showAnswer(ctx, form, { ...state, answers: { ...state.answers, [step.id]: value } }, step)) });

  /** Several options fit the words: which one? Only those as buttons (pressing one answers the question). */
  const whichOne = (ctx: Ctx, form: FormDefinition, state: FormState, step: Step, named: readonly Choice[]): Turn => {
    const buttons = named.slice(0, 8).map((c) => [{ label: choiceLabel(ctx, c), data: formButton.encode(["c", step.id, c.value]) }]);
    const nav = navRow(ctx, state, step);
    return {
      messages: [{ text: ctx.t("understand-which-one", { list: named.map((c) => choiceLabel(ctx, c)).join("; ") }), buttons: [...buttons, ...(nav.length ? [nav] : [])] }],
      dialog: ctx.advance(asJson(state)),
    };
  };

  // ——— input by kind ———

  const onTextAtStep = async (ctx: Ctx, form: FormDefinition, state: FormState, step: Step, text: string): Promise<Turn> => {
    const input = step.input;
    switch (input.kind) {
      case "text": {
        const parsed = input.parse(text, ctx, state.answers);
        if (!parsed.ok) return wrong(ctx, form, state, errorText(ctx, parsed.error), text);
        // A value found inside a question ("doanh thu 10 tỷ có được không?") is the question's, not an answer;
        // so is free text that ends with "?", or reads as a question the knowledge base answers ("hồ sơ gồm những gì").
        if (looksLikeQuestion(text)) {
          if (isUnderstood(parsed.note) || /[?？]\s*$/.test(text)) return midFormQuestion(ctx, form, state, text);
          const found = ctx.services.faq.lookup(text, ctx.locale, form.faqContext ? { context: form.faqContext } : undefined);
          if (found.matched) return midFormQuestion(ctx, form, state, text);
        }
        const note = isUnderstood(parsed.note) ? understoodLine(ctx, form, state, step, parsed.value) : parsed.note ? errorText(ctx, parsed.note) : undefined;
        return accept(ctx, form, state, step, parsed.value, note);
      }
      case "choice": {
        const choices = input.choices(ctx, state.answers);
        // The step's own reading first: "10" at the VSIC question is a division code, not option 10.
        const value = input.parse?.(text, ctx, state.answers) ?? matchChoice(ctx, text, choices)?.value ?? null;
        if (value !== null) return accept(ctx, form, state, step, value);
        if (looksLikeQuestion(text)) return midFormQuestion(ctx, form, state, text);
        // Named by words: "chế biến thực phẩm" → the options whose names it shares; several → which one?
        const named = choicesNamedIn(ctx, text, choices);
        if (named.length === 1) return accept(ctx, form, state, step, named[0]!.value, understoodLine(ctx, form, state, step, named[0]!.value));
        if (named.length > 1) return whichOne(ctx, form, state, step, named);
        return wrong(ctx, form, state, ctx.t("form-err-choice"), text);
      }
      case "multi": {
        if (is(DONE, text)) return finishMulti(ctx, form, state, step);
        if (input.min === 0 && is(NONE, text)) return accept(ctx, form, state, step, []);
        const choices = input.choices(ctx, state.answers);
        const pieces = listPieces(text);
        const found = pieces.map((p) => matchChoice(ctx, p, choices) ?? uniqueNamed(ctx, p, choices));
        const known = found.filter((c): c is Choice => c !== undefined);
        if (!known.length) return wrong(ctx, form, state, ctx.t("form-err-multi"), text);
        // Ticked like buttons, and the question stays open until "Xong": one item typed never closes it.
        const existing = state.answers[step.id];
        const picked = new Set(state.pick ?? (Array.isArray(existing) ? existing.map(String) : []));
        for (const c of known) picked.add(c.value);
        const order = choices.map((c) => c.value);
        const said = [ctx.t("understand-multi-added", { list: known.map((c) => choiceLabel(ctx, c)).filter((v, i, a) => a.indexOf(v) === i).join(", ") })];
        pieces.forEach((piece, i) => {
          if (found[i]) return;
          // "hệ thống quản lý" names two kinds: say which, the buttons below tick the right one.
          const named = choicesNamedIn(ctx, piece, choices);
          if (named.length > 1) said.push(ctx.t("understand-multi-which", { typed: piece, list: named.map((c) => choiceLabel(ctx, c)).join("; ") }));
          else said.push(ctx.t("understand-multi-unknown", { list: piece }));
        });
        return stay(ctx, form, { ...state, pick: order.filter((v) => picked.has(v)), tries: 0 }, joinMarkup(said, "\n"));
      }
      case "files":
        if (is(DONE, text) || is(NO, text)) return accept(ctx, form, state, step, state.files.length ? true : null);
        return wrong(ctx, form, state, ctx.t("form-err-files"), text);
      case "consent":
        // The buttons are "1. Đồng ý" and "2. Không đồng ý" where a channel numbers them.
        if (isYes(text) || fold(text) === "1") return accept(ctx, form, state, step, ctx.now.toISOString());
        if (is(NO, text) || fold(text) === "2") return declined(ctx);
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
      // Those who only want to stop for now are told the answers wait for them (the expiry rule).
      text: ctx.t("form-cancel-confirm", { days: Math.round(FORM_EXPIRY_MS / DAY_MS) }),
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
        const choice = input.choices(ctx, state.answers).find((c) => c.value === value);
        return choice ? accept(ctx, form, state, current, choice.value) : stale();
      }
      case "t": {
        if (input.kind !== "multi" || !input.choices(ctx, state.answers).some((c) => c.value === value)) return stale();
        const existing = state.answers[current.id];
        const picked = new Set(state.pick ?? (Array.isArray(existing) ? existing.map(String) : []));
        const choices = input.choices(ctx, state.answers);
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
      if (isYes(text)) return cancelled(ctx);
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
      const state = freshState(form, { ...form.initial?.(ctx), ...options.prefill }, options.target ?? null, options.files);
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
      // Asked already: "hủy" again is the answer.
      if (!state || state.confirmCancel) return cancelled(ctx);
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
