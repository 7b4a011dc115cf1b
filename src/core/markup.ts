/**
 * The neutral text format the core speaks: plain text with a tiny, safe subset of HTML
 * (<b>, <i>, <u>, <code>, <a href="…">) and the entities &amp; &lt; &gt; &quot;.
 * Locale strings may use the tags; anything a user typed enters only through `esc`,
 * so it can never inject formatting. Each channel renders this: Telegram sends it as
 * parse_mode HTML, the web page builds DOM nodes from `toRuns`, Zalo and the terminal
 * get `toPlainText`.
 */
export type Markup = string & { readonly __markup: unique symbol };

export interface RunStyle {
  b?: true;
  i?: true;
  u?: true;
  code?: true;
  href?: string;
}
export interface Run {
  text: string;
  style: RunStyle;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes arbitrary text so it shows exactly as typed. */
export function esc(text: string): Markup {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c) as Markup;
}

/** Declares a literal as markup; only for strings written by us, never user input. */
export function trusted(text: string): Markup {
  return text as Markup;
}

export function joinMarkup(parts: readonly Markup[], separator = "\n"): Markup {
  return parts.join(esc(separator)) as Markup;
}

/** `html\`<b>${esc(name)}</b>\`` — every interpolated value must already be markup. */
export function html(strings: TemplateStringsArray, ...values: Markup[]): Markup {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += v + (strings[i + 1] ?? "");
  });
  return out as Markup;
}

const TOKEN = /<(\/?)(b|i|u|code|a)((?:\s+href="[^"<>]*")?)\s*>|&(amp|lt|gt|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };

export class MarkupError extends Error {}

function decodeEntity(name: string): string {
  if (name.startsWith("#x")) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith("#")) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return NAMED[name] ?? "";
}

function unescapeAttr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_m, n: string) => decodeEntity(n));
}

/**
 * Splits markup into styled runs. `strict` rejects anything but the allowed tags and
 * balanced nesting (used by the locale tests); lenient mode shows stray characters as text.
 */
export function toRuns(markup: Markup | string, strict = false): Run[] {
  const runs: Run[] = [];
  const open: { tag: string; href?: string }[] = [];
  let last = 0;
  const style = (): RunStyle => {
    const s: RunStyle = {};
    for (const o of open) {
      if (o.tag === "a") s.href = o.href ?? "";
      else s[o.tag as "b" | "i" | "u" | "code"] = true;
    }
    return s;
  };
  const pushText = (text: string, literal = true) => {
    if (!text) return;
    if (strict && literal && /[<>]/.test(text)) throw new MarkupError(`unescaped < or > in ${JSON.stringify(text)}`);
    if (strict && literal && /&/.test(text)) throw new MarkupError(`unescaped & in ${JSON.stringify(text)}`);
    const s = style();
    const prev = runs[runs.length - 1];
    if (prev && sameStyle(prev.style, s)) prev.text += text;
    else runs.push({ text, style: s });
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(markup); m; m = TOKEN.exec(markup)) {
    pushText(markup.slice(last, m.index));
    last = TOKEN.lastIndex;
    const [, closing, tag, attr, entity] = m;
    if (entity) {
      pushText(decodeEntity(entity), false);
      continue;
    }
    if (closing) {
      const top = open[open.length - 1];
      if (!top || top.tag !== tag) {
        if (strict) throw new MarkupError(`unbalanced </${tag}>`);
        continue;
      }
      open.pop();
    } else {
      if (tag === "a") {
        const href = /href="([^"]*)"/.exec(attr ?? "")?.[1];
        if (href === undefined && strict) throw new MarkupError("<a> without href");
        open.push({ tag, href: unescapeAttr(href ?? "") });
      } else {
        if (attr && strict) throw new MarkupError(`<${tag}> takes no attributes`);
        open.push({ tag: tag! });
      }
    }
  }
  pushText(markup.slice(last));
  if (strict && open.length) throw new MarkupError(`unclosed <${open[open.length - 1]!.tag}>`);
  return runs;
}

function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return a.b === b.b && a.i === b.i && a.u === b.u && a.code === b.code && a.href === b.href;
}

/** Renders runs back to balanced markup. */
export function fromRuns(runs: readonly Run[]): Markup {
  let out = "";
  for (const { text, style } of runs) {
    let open = "";
    let close = "";
    if (style.href !== undefined) {
      open += `<a href="${esc(style.href)}">`;
      close = "</a>" + close;
    }
    for (const tag of ["b", "i", "u", "code"] as const) {
      if (style[tag]) {
        open += `<${tag}>`;
        close = `</${tag}>` + close;
      }
    }
    out += open + esc(text) + close;
  }
  return out as Markup;
}

/** What a person sees, without formatting; links keep their address after the text. */
export function toPlainText(markup: Markup | string): string {
  return toRuns(markup)
    .map((r) => (r.style.href && r.style.href !== r.text ? `${r.text} (${r.style.href})` : r.text))
    .join("");
}

/** Length as Telegram counts it: UTF-16 code units of the visible text. */
export function visibleLength(markup: Markup | string): number {
  return toRuns(markup).reduce((n, r) => n + r.text.length, 0);
}

/** Where to cut `text` so the first part is at most `max` code units, preferring natural boundaries. */
function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 3);
  const candidates: RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…;:](?=\s)/g, /\s/g];
  for (const re of candidates) {
    let best = -1;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const end = re.source.startsWith("[") ? m.index + m[0].length : m.index;
      if (end <= max) best = end;
    }
    if (best >= floor) return best;
  }
  // No boundary: hard cut, never inside a surrogate pair.
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/**
 * Splits markup into chunks whose visible length is at most `max`, cutting at paragraph,
 * line, sentence or word boundaries; formatting stays balanced in every chunk.
 */
export function splitMarkup(markup: Markup, max: number): Markup[] {
  const runs = toRuns(markup);
  const plain = runs.map((r) => r.text).join("");
  if (plain.length <= max) return [markup];
  const chunks: Markup[] = [];
  let offset = 0;
  while (offset < plain.length) {
    // Drop whitespace left at the start of a chunk by the previous cut.
    while (offset < plain.length && /\s/.test(plain[offset]!)) offset++;
    if (offset >= plain.length) break;
    const cut = cutPoint(plain.slice(offset), max);
    chunks.push(fromRuns(sliceRuns(runs, offset, offset + cut)));
    offset += cut;
  }
  return chunks.map((c) => trimMarkupEnd(c));
}

function sliceRuns(runs: readonly Run[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let pos = 0;
  for (const run of runs) {
    const start = pos;
    const end = pos + run.text.length;
    pos = end;
    if (end <= from || start >= to) continue;
    out.push({ text: run.text.slice(Math.max(0, from - start), Math.min(run.text.length, to - start)), style: run.style });
  }
  return out;
}

function trimMarkupEnd(chunk: Markup): Markup {
  const runs = toRuns(chunk);
  while (runs.length) {
    const last = runs[runs.length - 1]!;
    last.text = last.text.replace(/\s+$/, "");
    if (last.text) break;
    runs.pop();
  }
  return fromRuns(runs);
}
