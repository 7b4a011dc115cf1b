import { buttonRoute, say, type DialogState, type FlowHandler, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button, InboundEvent } from "../../core/types.js";
import { rulesFor, awardYearFor, type RuleSet } from "../../domain/award-year.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { AUDIT_ACTIONS } from "../../domain/records/audit-entry.js";
import { weakest } from "../../services/self-check.js";
import type { Services } from "../../services/index.js";
import type { BotFeature, Ctx } from "../context.js";
import { answerQuestion } from "../faq.js";
import { registrationEngine } from "../registration/engine.js";
import { unitContact } from "../unit-contact.js";
import { selfCheckButton, type SelfCheckButton } from "./buttons.js";
import { advisedKinds, resultText, resultTurn } from "./result.js";
import { asJson, SELF_CHECK_FLOW, selfCheckStateSchema, type SelfCheckState } from "./state.js";
import { selfCheckExpiry } from "./expiry.js";

/** Someone coming back after this long is asked whether to continue or start again before an answer counts. */
const RETURN_AFTER_MS = 60 * 60 * 1000;

const plain = (m: Markup) => toPlainText(m);

/**
 * Which statements: those of the rule set of the award year a registration made now would get
 * (the province profile's cycle for that year, else from 2026 the 2026 rules) — as the
 * registration decides `rules`. Under the 2026 rules the product's quality (NĐ 37/2026, Điều 57)
 * is asked too.
 */
export function selfCheckRegime(ctx: Ctx): RuleSet {
  const { timeline } = ctx.services.province;
  return rulesFor(timeline, "gtclqg", awardYearFor(timeline, "gtclqg", ctx.now));
}

function loadState(dialog: DialogState | null): SelfCheckState | null {
  if (dialog?.flow !== SELF_CHECK_FLOW) return null;
  const parsed = selfCheckStateSchema.safeParse(dialog.data);
  return parsed.success ? parsed.data : null;
}

/** One statement with the five answers, the progress, back and stop. */
function statementMessage(ctx: Ctx, state: SelfCheckState, before?: Markup): { text: Markup; buttons: Button[][] } {
  const { statements, criteria } = ctx.services.selfCheck.set(state.regime);
  const s = statements[state.at]!;
  const criterion = criteria.find((c) => c.id === s.criterion)!;
  const scale = ctx.services.selfCheck.data.scale;
  const given = state.answers[s.id];
  const text = ctx.t("selfcheck-statement", {
    n: state.at + 1,
    total: statements.length,
    criterion: criterion.name[ctx.locale],
    statement: s.text[ctx.locale],
  });
  // Levels 1–4 first, then 0: where buttons become a numbered list (Zalo past 5 buttons, the
  // terminal), "1"–"4" pick the option of that number, which is that level, and "0" — no option —
  // arrives as text and is read as level 0 below. Each label starts with its level, so the order reads.
  const rows: Button[][] = [...scale.slice(1), scale[0]!].map((level) => [
    { label: `${given === level.level ? "✅ " : ""}${level.label[ctx.locale]}`, data: selfCheckButton.encode(["a", s.id, level.level]) },
  ]);
  const nav: Button[] = [];
  if (state.at > 0) nav.push({ label: plain(ctx.t("selfcheck-button-back")), data: selfCheckButton.encode(["b"]) });
  nav.push({ label: plain(ctx.t("selfcheck-button-stop")), data: selfCheckButton.encode(["x"]) });
  rows.push(nav);
  return { text: before ? joinMarkup([before, text], "\n\n") : text, buttons: rows };
}

function ask(ctx: Ctx, state: SelfCheckState, before?: Markup): Turn {
  return { messages: [statementMessage(ctx, state, before)], dialog: ctx.advance(asJson({ ...state, paused: false })) };
}

function begin(ctx: Ctx): Turn {
  const regime = selfCheckRegime(ctx);
  const state: SelfCheckState = { v: 1, regime, at: 0, answers: {}, paused: false };
  const { statements, criteria } = ctx.services.selfCheck.set(regime);
  const intro = ctx.t("selfcheck-intro", {
    count: statements.length,
    criteria: criteria.length,
    rules: raw(ctx.t(regime === "2026" ? "selfcheck-rules-2026" : "selfcheck-rules-legacy")),
    scale: ctx.services.selfCheck.data.scaleExplained[ctx.locale],
  });
  return { messages: [{ text: intro }, statementMessage(ctx, state)], dialog: ctx.begin(SELF_CHECK_FLOW, asJson(state)) };
}

/** Where the user stopped: continue there, or start again. */
function offerResume(ctx: Ctx, state: SelfCheckState, dialog: DialogState): Turn {
  const total = ctx.services.selfCheck.set(state.regime).statements.length;
  return {
    messages: [
      {
        text: ctx.t("selfcheck-resume", { n: state.at + 1, total, answered: Object.keys(state.answers).length, when: formatDateTime(dialog.updatedAt, ctx.locale) }),
        buttons: [
          [{ label: plain(ctx.t("selfcheck-button-continue")), data: selfCheckButton.encode(["c"]) }],
          [{ label: plain(ctx.t("selfcheck-button-restart")), data: selfCheckButton.encode(["r"]) }],
        ],
      },
    ],
    dialog: ctx.advance(asJson({ ...state, paused: true })),
  };
}

/** /tudanhgia: continue one in progress (asking first), or begin. */
function start(ctx: Ctx): Turn {
  const state = loadState(ctx.dialog);
  if (state && ctx.dialog && Object.keys(state.answers).length > 0) return offerResume(ctx, state, ctx.dialog);
  return begin(ctx);
}

/** An answer to the statement asked now (a button for an older statement, or pressed twice, is answered by asking the current one again). */
async function answer(ctx: Ctx, state: SelfCheckState, statementId: string, level: number): Promise<Turn> {
  const { statements } = ctx.services.selfCheck.set(state.regime);
  const current = statements[state.at];
  if (!current || current.id !== statementId) return ask(ctx, state, ctx.t("selfcheck-button-old"));
  const answers = { ...state.answers, [current.id]: level };
  const next = statements.findIndex((s, i) => i > state.at && answers[s.id] === undefined);
  const open = next >= 0 ? next : statements.findIndex((s) => answers[s.id] === undefined);
  if (open >= 0) return ask(ctx, { ...state, answers, at: open });
  return finish(ctx, state.regime, answers);
}

async function finish(ctx: Ctx, regime: RuleSet, answers: Record<string, number>): Promise<Turn> {
  const { result, previous } = await ctx.services.selfCheck.record(ctx.userKey, regime, answers, ctx.now);
  return resultTurn(ctx, result, previous);
}

function stop(ctx: Ctx, state: SelfCheckState): Turn {
  const total = ctx.services.selfCheck.set(state.regime).statements.length;
  return {
    messages: [{ text: ctx.t("selfcheck-stopped", { n: state.at + 1, total }), buttons: [[{ label: plain(ctx.t("selfcheck-button-continue")), data: selfCheckButton.encode(["c"]) }], ...ctx.menu()] }],
    dialog: ctx.advance(asJson({ ...state, paused: true })),
  };
}

/** A press while the self-check is being asked. */
async function onFlowButton(ctx: Ctx, state: SelfCheckState, value: SelfCheckButton): Promise<Turn> {
  switch (value[0]) {
    case "a":
      return answer(ctx, state, value[1], value[2]);
    case "b":
      return ask(ctx, { ...state, at: Math.max(0, state.at - 1) });
    case "x":
      return stop(ctx, state);
    case "c":
      return ask(ctx, state);
    case "r":
      return begin(ctx);
    default:
      return onResultButton(ctx, value);
  }
}

/** Typed answers (Zalo, the terminal): a digit 0–4 answers; anything else asks again, or, while stopped, goes to the FAQ. */
async function onText(ctx: Ctx, state: SelfCheckState, text: string): Promise<Turn> {
  const t = text.trim();
  if (/^[0-4]$/.test(t)) {
    const current = ctx.services.selfCheck.set(state.regime).statements[state.at]!;
    return answer(ctx, state, current.id, Number(t));
  }
  if (state.paused) {
    const answered = await answerQuestion(ctx, text);
    return { messages: answered.messages };
  }
  return ask(ctx, state, ctx.t("selfcheck-type-digit"));
}

/** Untouched for 30 days: the answers are gone, as the sweep would have done (services/form-expiry.ts). */
function expired(ctx: Ctx, dialog: DialogState): boolean {
  return ctx.now.getTime() - Date.parse(dialog.updatedAt) > selfCheckExpiry.afterMs;
}

function expiredTurn(ctx: Ctx, dialog: DialogState): Turn {
  return { messages: [{ text: ctx.t("selfcheck-expired", { when: formatDateTime(dialog.updatedAt, ctx.locale) }), buttons: ctx.menu() }], dialog: null };
}

const flow: FlowHandler<Services> = {
  id: SELF_CHECK_FLOW,
  buttons: [selfCheckButton],
  async onEvent(ctx, event: InboundEvent, dialog) {
    if (expired(ctx, dialog)) return expiredTurn(ctx, dialog);
    const state = loadState(dialog);
    if (!state) {
      const fresh = begin(ctx);
      return { ...fresh, messages: [{ text: ctx.t("selfcheck-state-broken") }, ...fresh.messages] };
    }
    if (event.kind === "button") {
      const pressed = selfCheckButton.decode(event.data);
      return pressed ? onFlowButton(ctx, state, pressed) : ask(ctx, state, ctx.t("selfcheck-button-old"));
    }
    // Back after a while (a restart, the next day): where to go on is asked before a digit counts.
    if (!state.paused && ctx.now.getTime() - Date.parse(dialog.updatedAt) > RETURN_AFTER_MS) return offerResume(ctx, state, dialog);
    if (event.kind === "text") return onText(ctx, state, event.text);
    return ask(ctx, state);
  },
  onCancel(ctx) {
    return { messages: [{ text: ctx.t("selfcheck-cancelled"), buttons: ctx.menu() }], dialog: null };
  },
  onReturn(ctx, dialog) {
    if (expired(ctx, dialog)) return expiredTurn(ctx, dialog);
    const state = loadState(dialog);
    return state ? offerResume(ctx, state, dialog) : begin(ctx);
  },
};

/** After a result, or pressed from an old message: nothing here needs the dialog, and each re-reads what it acts on. */
async function onResultButton(ctx: Ctx, value: SelfCheckButton): Promise<Turn> {
  const { selfCheck } = ctx.services;
  switch (value[0]) {
    case "ns": {
      const newest = (await selfCheck.results(ctx.userKey)).at(-1);
      if (!newest) return say(ctx.t("selfcheck-none"), ctx.menu());
      const { criteria } = selfCheck.set(newest.regime);
      const kinds = advisedKinds(ctx, weakest(criteria, newest.scores));
      const names = kinds.map((k) => ctx.services.supportKinds.find((s) => s.id === k)!.name[ctx.locale]).join("; ");
      return registrationEngine.api.begin(ctx, "nscl", { prefill: { kinds }, intro: ctx.t("selfcheck-support-intro", { kinds: names }) });
    }
    case "u":
      return say(unitContact(ctx), ctx.menu());
    case "at": {
      const result = await selfCheck.attach(ctx.userKey, value[1]);
      if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
      // In the case log: from now on officials see the attached result.
      await ctx.services.audit.record({ at: ctx.now.toISOString(), action: AUDIT_ACTIONS.selfCheckAttached, actor: { userKey: ctx.userKey, role: "enterprise" }, subject: value[1] });
      return say(ctx.t("selfcheck-attached", { code: value[1] }));
    }
    case "na":
      return say(ctx.t("selfcheck-not-attached"));
    case "d":
      return (await selfCheck.results(ctx.userKey)).length
        ? say(ctx.t("selfcheck-delete-confirm"), [
            [
              { label: plain(ctx.t("selfcheck-button-delete-yes")), data: selfCheckButton.encode(["dy"]) },
              { label: plain(ctx.t("selfcheck-button-delete-no")), data: selfCheckButton.encode(["dn"]) },
            ],
          ])
        : say(ctx.t("selfcheck-none"));
    case "dy":
      return say(ctx.t((await selfCheck.remove(ctx.userKey)) ? "selfcheck-deleted" : "selfcheck-none"));
    case "dn":
      return say(ctx.t("selfcheck-kept"));
    default:
      // An answer, back, stop or continue with no self-check in progress: forged or stale, nothing changes.
      return say(ctx.t("button-not-valid"), ctx.menu());
  }
}

/** The user's results under /dulieu: each one's profile, and a button to delete them. */
export async function selfCheckData(ctx: Ctx): Promise<{ parts: Markup[]; buttons: Button[][] }> {
  const results = await ctx.services.selfCheck.results(ctx.userKey);
  if (!results.length) return { parts: [], buttons: [] };
  const newest = results.at(-1)!;
  const previous = results.length > 1 ? results.at(-2)! : null;
  return {
    parts: [ctx.t("selfcheck-data", { count: results.length, attached: newest.attachedTo.join(", ") || "—" }), resultText(ctx, newest, previous)],
    buttons: [[{ label: plain(ctx.t("selfcheck-button-delete")), data: selfCheckButton.encode(["d"]) }]],
  };
}

/** /tudanhgia (/selfcheck): the readiness self-check on the award's criteria. */
export const selfCheckFeature: BotFeature = {
  name: "self-check",
  commands: [{ names: ["tudanhgia", "selfcheck"], descriptionKey: "cmd-selfcheck", audience: "everyone", run: (ctx) => start(ctx) }],
  buttons: [buttonRoute({ codec: selfCheckButton, audience: "everyone", handle: (ctx, value) => onResultButton(ctx, value) })],
  flows: [flow],
  menu: [{ labelKey: "menu-selfcheck", command: "tudanhgia", audience: "everyone" }],
};
