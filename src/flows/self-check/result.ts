import { commandButton } from "../../core/button-data.js";
import type { Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button, OutboundMessage } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import type { SelfCheckResult } from "../../domain/records/self-check.js";
import type { Criterion } from "../../knowledge/self-check.js";
import { renderBarChart, type BarChart } from "../../services/chart.js";
import { weakest, weighted } from "../../services/self-check.js";
import type { Ctx } from "../context.js";
import { registerButton } from "../registration/buttons.js";
import { selfCheckButton } from "./buttons.js";

const plain = (m: Markup) => toPlainText(m);

/** The support kinds advised for these criteria, each once, in the advice's order. */
export function advisedKinds(ctx: Ctx, criteria: readonly Criterion[]): string[] {
  const { data } = ctx.services.selfCheck;
  const kinds = criteria.flatMap((c) => data.advice.find((a) => a.criterion === c.id)?.supportKinds ?? []);
  return [...new Set(kinds)].filter((k) => ctx.services.supportKinds.some((s) => s.id === k));
}

const kindName = (ctx: Ctx, id: string) => ctx.services.supportKinds.find((k) => k.id === id)?.name[ctx.locale] ?? id;

/** One line per criterion: its score, and the previous result's beside it when there is one. */
function criterionLines(ctx: Ctx, criteria: readonly Criterion[], result: SelfCheckResult, previous: SelfCheckResult | null): Markup[] {
  return criteria.map((c) => {
    const now = result.scores[c.id] ?? 0;
    const before = previous?.scores[c.id];
    const name = c.name[ctx.locale];
    return before === undefined ? ctx.t("selfcheck-line", { name, score: now }) : ctx.t("selfcheck-line-compare", { name, before, score: now });
  });
}

/** The result as text (every channel, Zalo and the terminal included). */
export function resultText(ctx: Ctx, result: SelfCheckResult, previous: SelfCheckResult | null): Markup {
  const { criteria } = ctx.services.selfCheck.set(result.regime);
  const w = weighted(criteria, result.scores);
  const parts: Markup[] = [
    ctx.t("selfcheck-result-head", { date: formatDateTime(result.at, ctx.locale), rules: raw(ctx.t(result.regime === "2026" ? "selfcheck-rules-2026" : "selfcheck-rules-legacy")) }),
    ctx.t("selfcheck-not-council"),
  ];
  if (previous) parts.push(ctx.t("selfcheck-compare-head", { date: formatDateTime(previous.at, ctx.locale) }));
  parts.push(joinMarkup(criterionLines(ctx, criteria, result, previous)));
  const unweighted = criteria.filter((c) => c.points === null);
  parts.push(ctx.t("selfcheck-weighted", { points: w.points, of: w.of }));
  for (const c of unweighted) if (c.pointsNote) parts.push(ctx.t("selfcheck-unweighted", { name: c.name[ctx.locale], note: c.pointsNote[ctx.locale] }));
  const weak = weakest(criteria, result.scores);
  const advice = weak.map((c, i) => {
    const a = ctx.services.selfCheck.data.advice.find((x) => x.criterion === c.id);
    const kinds = (a?.supportKinds ?? []).map((k) => kindName(ctx, k)).join("; ");
    return ctx.t("selfcheck-weak-line", { n: i + 1, name: c.name[ctx.locale], score: result.scores[c.id] ?? 0, advice: a?.text[ctx.locale] ?? "", kinds });
  });
  parts.push(joinMarkup([ctx.t("selfcheck-weak-head"), ...advice]));
  return joinMarkup(parts, "\n\n");
}

/** The profile as a bar chart (the /thongke chart's renderer). */
export function resultChart(ctx: Ctx, result: SelfCheckResult): BarChart {
  const { criteria } = ctx.services.selfCheck.set(result.regime);
  return {
    title: plain(ctx.t("selfcheck-chart-title")),
    subtitle: plain(ctx.t("selfcheck-chart-subtitle", { date: formatDateTime(result.at, ctx.locale) })),
    labels: criteria.map((c) => c.name[ctx.locale]),
    values: criteria.map((c) => result.scores[c.id] ?? 0),
    max: 100,
  };
}

/** What can be done next: support for the weak criteria, register, talk to the unit. */
export function resultButtons(ctx: Ctx): Button[][] {
  return [
    [{ label: plain(ctx.t("selfcheck-button-support")), data: selfCheckButton.encode(["ns"]) }],
    [{ label: plain(ctx.t("selfcheck-button-register")), data: registerButton.encode(["gtclqg"]) }],
    [{ label: plain(ctx.t("selfcheck-button-contact")), data: selfCheckButton.encode(["u"]) }],
  ];
}

/** The finished self-check: the text, the chart with the buttons, and the question about attaching it. */
export async function resultTurn(ctx: Ctx, result: SelfCheckResult, previous: SelfCheckResult | null): Promise<Turn> {
  const png = await renderBarChart(resultChart(ctx, result));
  const messages: OutboundMessage[] = [
    { text: resultText(ctx, result, previous) },
    {
      text: ctx.t("selfcheck-chart-caption"),
      attachment: { kind: "bytes", name: "tu-danh-gia.png", mime: "image/png", bytes: png, asPhoto: true },
      buttons: resultButtons(ctx),
    },
  ];
  const open = await ctx.services.selfCheck.attachable(ctx.userKey);
  if (open.length) messages.push(attachOffer(ctx, open.map((s) => s.code)));
  return { messages, dialog: null };
}

/**
 * The question whether to let officials see the newest result with these award submissions —
 * asked after a result, and after an award registration by someone who has one.
 */
export function attachOffer(ctx: Ctx, codes: readonly string[]): OutboundMessage {
  return {
    text: ctx.t("selfcheck-attach-ask", { codes: codes.join(", ") }),
    buttons: [
      ...codes.slice(0, 4).map((code) => [{ label: plain(ctx.t("selfcheck-button-attach", { code })), data: selfCheckButton.encode(["at", code]) }]),
      [{ label: plain(ctx.t("selfcheck-button-no-attach")), data: selfCheckButton.encode(["na"]) }],
    ],
  };
}

/** The button other features put under their answers (after /lich, under award answers). */
export function selfCheckOfferButton(ctx: Ctx): Button {
  return { label: plain(ctx.t("selfcheck-button-offer")), data: commandButton.encode(["tudanhgia"]) };
}

/** For the officials' case view: the profile of a result the enterprise attached to that submission. */
export function attachedProfile(ctx: Ctx, result: SelfCheckResult): Markup {
  const { criteria } = ctx.services.selfCheck.set(result.regime);
  const w = weighted(criteria, result.scores);
  const items = criteria.map((c) => ctx.t("selfcheck-case-item", { name: c.name[ctx.locale], score: result.scores[c.id] ?? 0 }));
  return ctx.t("selfcheck-case", { date: formatDateTime(result.at, ctx.locale), items: raw(joinMarkup(items, " · ")), points: w.points, of: w.of });
}
