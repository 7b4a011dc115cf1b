import { toRuns, type Markup } from "../../core/markup.js";

/**
 * Server-rendered HTML for the officials' web desk: one tagged template that escapes every
 * interpolation unless it is already `Html` made here. A company name `<script>…` arrives as text.
 */
export interface Html {
  readonly __html: string;
}

type Piece = Html | string | number | null | undefined | false | readonly Piece[];

const made = new WeakSet<object>();
const wrap = (text: string): Html => {
  const value = { __html: text };
  made.add(value);
  return value;
};
const isHtml = (v: unknown): v is Html => typeof v === "object" && v !== null && made.has(v);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function render(piece: Piece): string {
  if (piece === null || piece === undefined || piece === false) return "";
  if (Array.isArray(piece)) return piece.map(render).join("");
  if (isHtml(piece)) return piece.__html;
  return escapeHtml(String(piece));
}

/** `h\`<p>${name}</p>\``: every value escaped, `Html` values kept, arrays joined, null/false/undefined empty. */
export function h(strings: TemplateStringsArray, ...values: Piece[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return wrap(out);
}

export function htmlText(page: Html): string {
  return page.__html;
}

/** Only safe link targets become links (the bot's markup allows http(s), mailto, tel). */
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

/**
 * The bot's safe markup (locale texts, the case view) as HTML: its runs rebuilt with escaped text,
 * never its source pasted in. Line breaks are kept by the CSS (white-space: pre-line).
 */
export function fromMarkup(markup: Markup): Html {
  return wrap(
    toRuns(markup)
      .map((run) => {
        let text = escapeHtml(run.text);
        const s = run.style;
        if (s.code) text = `<code>${text}</code>`;
        if (s.b) text = `<b>${text}</b>`;
        if (s.i) text = `<i>${text}</i>`;
        if (s.u) text = `<u>${text}</u>`;
        if (s.href && SAFE_HREF.test(s.href)) text = `<a href="${escapeHtml(s.href)}" rel="noopener noreferrer">${text}</a>`;
        return text;
      })
      .join(""),
  );
}
