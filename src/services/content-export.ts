import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentDocument } from "../domain/records/content.js";
import type { ExportFile } from "./kb-export.js";

/** Where officials' new entries go in the export (a file of its own under data/kb/entries/). */
export const OFFICIALS_ENTRIES_FILE = "kb/entries/officials.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (x: unknown): x is Record<string, Json> => typeof x === "object" && x !== null && !Array.isArray(x);

/** `value` with its object keys in the order `like` has them (then its own), so a diff shows changed values only. */
export function orderLike(value: Json, like: Json | undefined): Json {
  if (Array.isArray(value)) return value.map((v, i) => orderLike(v, Array.isArray(like) ? like[i] : undefined));
  if (!isObject(value)) return value;
  const template = isObject(like) ? like : {};
  const keys = [...Object.keys(template).filter((k) => k in value), ...Object.keys(value).filter((k) => !(k in template))];
  return Object.fromEntries(keys.map((k) => [k, orderLike(value[k]!, template[k])]));
}

/** Members the file did not write and the schema fills in (`core: false`, `related: []`) stay unwritten. */
function withoutDefaults(value: Json, original: Json | undefined): Json {
  if (!isObject(value) || !isObject(original)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => k in original || !(v === false || (Array.isArray(v) && v.length === 0))));
}

/** One line, with spaces as the registry writes it: `{ "key": "seed 000", "title": { "vi": "…", "en": "…" } }`. */
function inline(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (isObject(value)) return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }`;
  return JSON.stringify(value);
}

/** An entry as data/kb/entries/*.json write them: objects opened up, question lists on one line, answer lines one per line. */
function entryText(value: Json, indent: string, key = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const opened = value.some((v) => typeof v === "object" && v !== null) || key === "answer";
    return opened ? `[\n${value.map((v) => `${inner}${entryText(v, inner, key)}`).join(",\n")}\n${indent}]` : inline(value);
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${entryText(v, inner, key === "answer" ? key : k)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Start and end offsets of each object in the array that is the value of `key` in a JSON file's top object. */
function arrayElements(text: string, key: string): { open: number; close: number; elements: { start: number; end: number }[] } | null {
  const stack: string[] = [];
  let inString = false;
  let stringStart = -1;
  let lastString = "";
  let target = -1;
  let open = -1;
  const elements: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') {
        inString = false;
        lastString = text.slice(stringStart, i + 1);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      stringStart = i;
    } else if (c === "{" || c === "[") {
      if (c === "[" && stack.length === 1 && lastString === JSON.stringify(key)) {
        target = stack.length + 1;
        open = i;
      } else if (open >= 0 && stack.length === target) elements.push({ start: i, end: -1 });
      stack.push(c);
    } else if (c === "}" || c === "]") {
      stack.pop();
      if (open >= 0 && stack.length === target && elements.length) elements[elements.length - 1]!.end = i + 1;
      if (open >= 0 && stack.length === target - 1 && c === "]") return { open, close: i, elements };
    }
  }
  return null;
}

/**
 * The edited content in the data/ format, to copy over data/ and keep in version control:
 * `provinces/<id>.json` (the edited profile, keys in the file's order), each `kb/entries/*.json`
 * holding an edited entry with that entry replaced in place (the rest of the file untouched), the
 * entries officials added in `kb/entries/officials.json`, and new sources appended to
 * `kb/sources.json`. The files load with the loaders `npm start` uses and pass `kb check`.
 */
export function exportContent(dataDir: string, documents: readonly ContentDocument[]): { files: ExportFile[]; warnings: string[] } {
  const files: ExportFile[] = [];
  const warnings: string[] = [];

  for (const d of documents.filter((x) => x.kind === "profile")) {
    const file = path.join(dataDir, "provinces", `${d.id}.json`);
    let original: Json | undefined;
    try {
      original = JSON.parse(readFileSync(file, "utf8")) as Json;
    } catch {
      warnings.push(`provinces/${d.id}.json is not in data/: written whole`);
    }
    files.push({ path: `provinces/${d.id}.json`, text: `${JSON.stringify(orderLike(d.document as Json, original), null, 2)}\n` });
  }

  // Which file holds each entry of data/.
  const entriesDir = path.join(dataDir, "kb", "entries");
  const texts = new Map<string, string>();
  const fileOf = new Map<string, string>();
  for (const name of readdirSync(entriesDir).filter((f) => f.endsWith(".json")).sort()) {
    const text = readFileSync(path.join(entriesDir, name), "utf8");
    texts.set(name, text);
    const json = JSON.parse(text) as { entries?: { id?: unknown }[] };
    for (const e of json.entries ?? []) if (typeof e.id === "string") fileOf.set(e.id, name);
  }
  const edited = new Map<string, ContentDocument[]>();
  const added: ContentDocument[] = [];
  for (const d of documents.filter((x) => x.kind === "entry")) {
    const name = fileOf.get(d.id);
    if (name && name !== path.basename(OFFICIALS_ENTRIES_FILE)) edited.set(name, [...(edited.get(name) ?? []), d]);
    else added.push(d);
  }
  for (const [name, docs] of [...edited].sort(([a], [b]) => a.localeCompare(b))) {
    let text = texts.get(name)!;
    const originals = (JSON.parse(text) as { entries: Json[] }).entries;
    // From the last element back, so earlier offsets stay right.
    const spans = arrayElements(text, "entries")?.elements ?? [];
    const replacements = docs
      .map((d) => {
        const i = originals.findIndex((e) => isObject(e) && e.id === d.id);
        return { i, d };
      })
      .sort((a, b) => b.i - a.i);
    for (const { i, d } of replacements) {
      const span = spans[i];
      if (!span || span.end < 0) {
        warnings.push(`kb/entries/${name}: could not find ${d.id} in the text; not exported`);
        continue;
      }
      const lineStart = text.lastIndexOf("\n", span.start) + 1;
      const indent = text.slice(lineStart, span.start).replace(/\S.*$/, "");
      text = `${text.slice(0, span.start)}${entryText(withoutDefaults(orderLike(d.document as Json, originals[i]), originals[i]), indent)}${text.slice(span.end)}`;
    }
    files.push({ path: `kb/entries/${name}`, text });
  }
  if (added.length) {
    // The officials' file of a previous export keeps its entries; ours replace theirs by id.
    const previous = texts.get(path.basename(OFFICIALS_ENTRIES_FILE));
    const kept = previous ? ((JSON.parse(previous) as { entries?: Json[] }).entries ?? []).filter((e) => !(isObject(e) && added.some((d) => d.id === e.id))) : [];
    const all = [...kept, ...added.map((d) => d.document as Json)];
    files.push({ path: OFFICIALS_ENTRIES_FILE, text: `{\n  "version": 1,\n  "entries": [\n${all.map((e) => `    ${entryText(e, "    ")}`).join(",\n")}\n  ]\n}\n` });
  }

  const sources = documents.filter((x) => x.kind === "source");
  if (sources.length) {
    const file = path.join(dataDir, "kb", "sources.json");
    let text = readFileSync(file, "utf8");
    const known = new Set(((JSON.parse(text) as { sources?: { key?: unknown }[] }).sources ?? []).map((s) => s.key));
    const fresh = sources.filter((s) => !known.has(s.id));
    const list = arrayElements(text, "sources");
    if (list && fresh.length) {
      const last = list.elements.at(-1);
      const at = last ? last.end : list.open + 1;
      const lineStart = last ? text.lastIndexOf("\n", last.start) + 1 : at;
      const indent = last ? text.slice(lineStart, last.start) : "    ";
      text = `${text.slice(0, at)}${fresh.map((s) => `${last ? "," : ""}\n${indent}${inline(s.document as Json)}`).join("")}${text.slice(at)}`;
    }
    if (fresh.length) files.push({ path: "kb/sources.json", text });
  }
  return { files, warnings };
}
