import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { KbLearned, LearnedPhrasing } from "../domain/records/kb-learned.js";
import type { KnowledgeContent } from "../knowledge/kb.js";
import { learnedAsEntry } from "./kb-live.js";

/** A file the export writes, relative to its output folder (the same path as under data/). */
export interface ExportFile {
  path: string;
  text: string;
}

export interface LearnedExport {
  files: ExportFile[];
  /** What a maintainer must still do before committing (an entry with too few phrasings, a new source). */
  warnings: string[];
  phrasings: number;
  entries: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Appends `values` to the one-line array `"<locale>": [ … ]` found after the anchors, in the file's
 * text, so the diff a maintainer commits is the added phrasings only. null when the array is not
 * where expected (the caller then writes the file whole).
 */
function appendInText(text: string, anchors: readonly string[], locale: string, values: readonly string[]): string | null {
  let at = 0;
  for (const anchor of anchors) {
    const i = text.indexOf(anchor, at);
    if (i < 0) return null;
    at = i + anchor.length;
  }
  const open = text.indexOf(`"${locale}": [`, at);
  if (open < 0) return null;
  // The matching "]": walk the array, skipping strings (a question may contain brackets or quotes).
  let close = -1;
  let depth = 0;
  for (let i = text.indexOf("[", open), inString = false; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return null;
  const added = values.map((v) => `, ${JSON.stringify(v)}`).join("");
  return `${text.slice(0, close)}${added}${text.slice(close)}`;
}

/** The array of questions an entry file (or the support kinds file) holds for one entry, in its parsed JSON. */
type Locate = (json: Json) => Json[] | null;

const asObject = (x: Json | undefined): Record<string, Json> | null => (x && typeof x === "object" && !Array.isArray(x) ? x : null);
const asArray = (x: Json | undefined): Json[] | null => (Array.isArray(x) ? x : null);

function patchFile(text: string, groups: { anchors: string[]; locate: Locate; locale: string; add: string[] }[]): string {
  const expected = JSON.parse(text) as Json;
  let patched: string | null = text;
  for (const g of groups) {
    asArray(g.locate(expected) ?? undefined)?.push(...g.add);
    patched = patched === null ? null : appendInText(patched, g.anchors, g.locale, g.add);
  }
  // The text patch must give exactly the object patch; otherwise the file is written whole.
  if (patched !== null) {
    try {
      if (isDeepStrictEqual(JSON.parse(patched), expected)) return patched;
    } catch {
      // written whole below
    }
  }
  return `${JSON.stringify(expected, null, 2)}\n`;
}

/**
 * The learned content in the data/ format: data/kb/entries/*.json (and data/nscl-support-kinds.json)
 * with the learned phrasings added to their entries' question lists, and the approved new entries
 * as data/kb/entries/learned.json. Copy the folder over data/ and run `kb check` before committing.
 */
export function exportLearned(dataDir: string, shipped: KnowledgeContent, records: readonly KbLearned[]): LearnedExport {
  const warnings: string[] = [];
  const phrasings = records.filter((r): r is LearnedPhrasing => r.kind === "phrasing");
  const approved = records.flatMap((r) => (r.kind === "entry" && r.status === "approved" ? [r] : []));
  const learnedIds = new Set(approved.map((e) => e.entryId));
  const files: ExportFile[] = [];

  // Which file holds each shipped entry: an entries file, or the support kinds (ns-ht-<kind>, ns-noi-dung-ho-tro).
  const entriesDir = path.join(dataDir, "kb", "entries");
  const fileOf = new Map<string, string>();
  for (const name of readdirSync(entriesDir).filter((f) => f.endsWith(".json") && f !== "learned.json").sort()) {
    const json = JSON.parse(readFileSync(path.join(entriesDir, name), "utf8")) as { entries?: { id?: string }[] };
    for (const e of json.entries ?? []) if (typeof e.id === "string") fileOf.set(e.id, `kb/entries/${name}`);
  }
  const byFile = new Map<string, { anchors: string[]; locate: Locate; locale: string; add: string[] }[]>();
  const toLearned = new Map<string, LearnedPhrasing[]>();
  for (const p of phrasings) {
    if (learnedIds.has(p.entryId)) {
      toLearned.set(p.entryId, [...(toLearned.get(p.entryId) ?? []), p]);
      continue;
    }
    let file = fileOf.get(p.entryId);
    let anchors: string[];
    let locate: Locate;
    if (file) {
      anchors = [`"id": "${p.entryId}"`, `"questions"`];
      locate = (json) => {
        const entry = asArray(asObject(json)?.entries)?.find((e) => asObject(e)?.id === p.entryId);
        return asArray(asObject(asObject(entry)?.questions)?.[p.locale]);
      };
    } else if (p.entryId === "ns-noi-dung-ho-tro") {
      file = "nscl-support-kinds.json";
      anchors = [`"listQuestions"`];
      locate = (json) => asArray(asObject(asObject(asObject(json)?.faq)?.listQuestions)?.[p.locale]);
    } else if (p.entryId.startsWith("ns-ht-")) {
      const kind = p.entryId.slice("ns-ht-".length);
      file = "nscl-support-kinds.json";
      anchors = [`"id": "${kind}"`, `"questions"`];
      locate = (json) => {
        const k = asArray(asObject(json)?.kinds)?.find((x) => asObject(x)?.id === kind);
        return asArray(asObject(asObject(asObject(k)?.faq)?.questions)?.[p.locale]);
      };
    } else {
      warnings.push(`phrasing "${p.text}" is for ${p.entryId}, which data/ no longer has: not exported`);
      continue;
    }
    const groups = byFile.get(file) ?? [];
    const same = groups.find((g) => g.anchors.join() === anchors.join() && g.locale === p.locale);
    if (same) same.add.push(p.text);
    else groups.push({ anchors, locate, locale: p.locale, add: [p.text] });
    byFile.set(file, groups);
  }
  for (const [file, groups] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    files.push({ path: file, text: patchFile(readFileSync(path.join(dataDir, file), "utf8"), groups) });
  }

  if (approved.length) {
    const entries = approved.map((e) => {
      const entry = learnedAsEntry(e);
      for (const p of toLearned.get(e.entryId) ?? []) {
        if (p.locale === "en" && entry.questions.en) entry.questions.en = [...entry.questions.en, p.text];
        else if (p.locale === "vi") entry.questions.vi = [...entry.questions.vi, p.text];
      }
      if (entry.questions.vi.length < 3) warnings.push(`${e.entryId}: data/ needs at least 3 Vietnamese questions (it has ${entry.questions.vi.length}); add phrasings before committing`);
      for (const item of entry.source.split(";").map((s) => s.trim())) {
        if (/^https?:\/\//.test(item) && !shipped.sources.has(item)) warnings.push(`${e.entryId}: source ${item} is not in data/kb/sources.json; add it (key, titles, reviewed) before committing`);
      }
      return entry;
    });
    files.push({ path: "kb/entries/learned.json", text: `${JSON.stringify({ version: 1, entries }, null, 2)}\n` });
  }
  return { files, warnings, phrasings: phrasings.length, entries: approved.length };
}

/** The learned phrasings as labelled questions, in the format of test/fixtures/faq-dev.json. */
export function learnedDevSet(records: readonly KbLearned[], now: Date): { version: 1; note: string; inScope: { q: string; id: string }[]; outOfScope: string[] } {
  return {
    version: 1,
    note: `Learned phrasings: questions officials attached to entries (npm run cli -- kb learned, ${now.toISOString().slice(0, 10)}). Each is labelled with the entry it was attached to.`,
    inScope: records.flatMap((r) => (r.kind === "phrasing" ? [{ q: r.text, id: r.entryId }] : [])),
    outOfScope: [],
  };
}
