import { buttonRoute, say, type Turn } from "../core/feature.js";
import { html, joinMarkup, toPlainText, esc } from "../core/markup.js";
import type { Button } from "../core/types.js";
import type { BotFeature, Ctx } from "./context.js";
import { buttonLabel, entryButton, kbButton, registerButtonRow, type KbButton } from "./kb-buttons.js";

/** Questions per page of a topic: enough to scan, few enough for a phone screen. */
export const QUESTIONS_PER_PAGE = 8;

const label = (ctx: Ctx, key: string, args?: Record<string, string>) => buttonLabel(toPlainText(ctx.t(key, args)));

function home(ctx: Ctx): Turn {
  const rows: Button[][] = ctx.services.kb.programmes().map((p) => [{ label: buttonLabel(`${p.icon} ${p.title[ctx.locale]}`), data: kbButton.encode(["p", p.id]) }]);
  return say(ctx.t("programmes-intro"), rows);
}

function programme(ctx: Ctx, id: string): Turn | null {
  const { kb } = ctx.services;
  const p = kb.programme(id);
  if (!p) return null;
  const rows: Button[][] = kb.topicsOf(p.id).map((t) => [{ label: buttonLabel(t.title[ctx.locale]), data: kbButton.encode(["t", t.id]) }]);
  const register = registerButtonRow(ctx, p.id);
  if (register.length) rows.unshift(register);
  rows.push([{ label: label(ctx, "programmes-back-home"), data: kbButton.encode(["home"]) }]);
  const text = joinMarkup([html`<b>${esc(`${p.icon} ${p.title[ctx.locale]}`)}</b>`, esc(p.intro[ctx.locale]), ctx.t("programmes-choose-topic")], "\n\n");
  return say(text, rows);
}

function topic(ctx: Ctx, id: string, page: number): Turn | null {
  const { kb } = ctx.services;
  const t = kb.topic(id);
  const p = t ? kb.programme(t.programme) : undefined;
  if (!t || !p) return null;
  const entries = kb.entriesOf(t.id);
  const pages = Math.max(1, Math.ceil(entries.length / QUESTIONS_PER_PAGE));
  if (page < 1 || page > pages) return null;
  const first = (page - 1) * QUESTIONS_PER_PAGE;
  const shown = entries.slice(first, first + QUESTIONS_PER_PAGE);
  const lines = shown.map((e, i) => ctx.t("programmes-question-line", { n: first + i + 1, question: kb.question(e, ctx.locale) }));
  const parts = [ctx.t("programmes-topic-heading", { topic: t.title[ctx.locale] }), joinMarkup(lines)];
  if (pages > 1) parts.push(ctx.t("programmes-page", { page, pages }));
  parts.push(ctx.t("programmes-topic-footer"));
  const rows: Button[][] = shown.map((e, i) => entryButton(ctx, e, `${first + i + 1}. `));
  const paging: Button[] = [];
  if (page > 1) paging.push({ label: label(ctx, "programmes-previous"), data: kbButton.encode(["t", t.id, page - 1]) });
  if (page < pages) paging.push({ label: label(ctx, "programmes-next"), data: kbButton.encode(["t", t.id, page + 1]) });
  if (paging.length) rows.push(paging);
  rows.push([{ label: label(ctx, "programmes-back", { title: p.title[ctx.locale] }), data: kbButton.encode(["p", p.id]) }]);
  return say(joinMarkup(parts, "\n\n"), rows);
}

/** A decoded `kb:` button: the ids are well-formed, but may name nothing we have (null). */
function browse(ctx: Ctx, value: KbButton): Turn | null {
  switch (value[0]) {
    case "home":
      return home(ctx);
    case "p":
      return programme(ctx, value[1]);
    case "t":
      return topic(ctx, value[1], value[2] ?? 1);
  }
}

/** /chuongtrinh: programmes → topics → questions → answers, with a way back at each step. */
export const programmesFeature: BotFeature = {
  name: "programmes",
  commands: [{ names: ["chuongtrinh", "programmes"], descriptionKey: "cmd-programmes", audience: "everyone", run: (ctx) => home(ctx) }],
  buttons: [
    buttonRoute({
      codec: kbButton,
      audience: "everyone",
      handle: (ctx, value) => browse(ctx, value) ?? say(ctx.t("button-not-valid"), ctx.menu()),
    }),
  ],
  menu: [{ labelKey: "menu-programmes", command: "chuongtrinh", audience: "everyone" }],
};
