import { say, type Turn } from "../core/feature.js";
import { raw } from "../core/i18n.js";
import { esc, joinMarkup, type Markup } from "../core/markup.js";
import type { Phase, PhaseId } from "../domain/timeline.js";
import { calendarView, type CycleView, type PhaseStatus } from "../services/award-calendar.js";
import type { BotFeature, Ctx } from "./context.js";
import { selfCheckOfferButton } from "./self-check/result.js";

const PHASES: { id: PhaseId; labelKey: string }[] = [
  { id: "launch", labelKey: "calendar-phase-launch" },
  { id: "registration", labelKey: "calendar-phase-registration" },
  { id: "training", labelKey: "calendar-phase-training" },
  { id: "dossier-deadline", labelKey: "calendar-phase-dossier-deadline" },
  { id: "desk-assessment", labelKey: "calendar-phase-desk-assessment" },
  { id: "onsite-assessment", labelKey: "calendar-phase-onsite-assessment" },
  { id: "council-selection", labelKey: "calendar-phase-council-selection" },
  { id: "national-council", labelKey: "calendar-phase-national-council" },
  { id: "ceremony", labelKey: "calendar-phase-ceremony" },
];

const phaseLabel = (ctx: Ctx, id: PhaseId): Markup => ctx.t(PHASES.find((p) => p.id === id)?.labelKey ?? "calendar-phase-launch");

/** 2026-12-04 → 04/12/2026. */
const vnDate = (iso: string) => iso.split("-").reverse().join("/");

function dates(ctx: Ctx, phase: Phase): Markup {
  const { start, end } = phase;
  if (start && end) return start === end ? esc(vnDate(end)) : ctx.t("calendar-dates-range", { start: vnDate(start), end: vnDate(end) });
  if (end) return ctx.t("calendar-dates-until", { end: vnDate(end) });
  if (start) return ctx.t("calendar-dates-from", { start: vnDate(start) });
  return ctx.t("calendar-dates-unknown");
}

function status(ctx: Ctx, s: PhaseStatus): Markup {
  switch (s.kind) {
    case "unknown":
      return ctx.t("calendar-status-unknown");
    case "ended":
      return ctx.t("calendar-status-ended");
    case "upcoming":
      return ctx.t("calendar-status-upcoming", { days: s.days });
    case "due":
      return s.days === 0 ? ctx.t("calendar-status-last-day") : ctx.t("calendar-status-due", { days: s.days });
    case "open":
      if (s.days === null) return ctx.t("calendar-status-open");
      return s.days === 0 ? ctx.t("calendar-status-last-day") : ctx.t("calendar-status-open-left", { days: s.days });
  }
}

function cycleBlock(ctx: Ctx, view: CycleView): Markup {
  const rules = ctx.t(view.cycle.rules === "legacy" ? "calendar-rules-legacy" : "calendar-rules-2026");
  const heading = ctx.t("calendar-cycle-heading", { year: String(view.cycle.year), rules: raw(rules) });
  if (view.allUnknown) return joinMarkup([heading, ctx.t("calendar-cycle-unknown")]);
  const lines = view.phases.map(({ phase, status: s }) => {
    const line = ctx.t("calendar-phase-line", { phase: raw(phaseLabel(ctx, phase.id)), dates: raw(dates(ctx, phase)), status: raw(status(ctx, s)) });
    return phase.note ? ctx.t("calendar-phase-note", { line: raw(line), note: phase.note[ctx.locale] }) : line;
  });
  return joinMarkup([heading, ...lines]);
}

/** /lich: this award year's steps with days left, in Vietnam time; the usual timing when unknown. */
export function calendarTurn(ctx: Ctx): Turn {
  const { province, kb } = ctx.services;
  const view = calendarView(province.timeline, "gtclqg", ctx.now);
  const parts: Markup[] = [ctx.t("calendar-title", { province: province.name }), ctx.t("calendar-today", { today: vnDate(view.today) })];
  if (view.cycles.length === 0) parts.push(ctx.t("calendar-no-cycle", { year: String(view.year) }));
  for (const c of view.cycles) parts.push(cycleBlock(ctx, c));
  const current = view.cycles.find((c) => c.cycle.year === view.year);
  const unknownNow = !current || current.allUnknown || current.phases.some((p) => p.status.kind === "unknown");
  if (unknownNow && view.typical.length) {
    const typical = view.typical.map((t) => ctx.t("calendar-typical-line", { phase: raw(phaseLabel(ctx, t.phase)), when: t.when[ctx.locale] }));
    parts.push(joinMarkup([ctx.t("calendar-typical-heading"), ...typical]));
  }
  parts.push(ctx.t("calendar-nscl"));
  if (unknownNow) parts.push(joinMarkup([ctx.t("calendar-ask"), kb.contact(ctx.locale)]));
  // Before investing in a dossier: how ready is the enterprise?
  return say(joinMarkup(parts, "\n\n"), [[selfCheckOfferButton(ctx)], ...ctx.menu()]);
}

export const calendarFeature: BotFeature = {
  name: "calendar",
  commands: [{ names: ["lich", "calendar"], descriptionKey: "cmd-calendar", audience: "everyone", run: (ctx) => calendarTurn(ctx) }],
  menu: [{ labelKey: "menu-calendar", command: "lich", audience: "everyone" }],
};
