import { isSupportKindEntry, type KbEntry } from "../../../knowledge/kb.js";
import { foldForSearch } from "../../../knowledge/fold.js";
import type { FieldProblem } from "../../../services/content-problems.js";
import type { EntryEdit } from "../../../services/content-kb.js";
import { h } from "../html.js";
import { page, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";
import { field, formProblems, historyView } from "./content-form.js";

const PAGE_SIZE = 100;
const ID = /^[a-z0-9-]{1,48}$/;

const vnDay = (iso: string): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");

/** The knowledge-base entries, searched without diacritics over id, questions and answer. */
async function listView(req: DeskRequest): Promise<DeskResult> {
  const q = (req.url.searchParams.get("q") ?? "").slice(0, 200);
  const words = foldForSearch(q).split(" ").filter(Boolean);
  const all = await req.app.services.content.entries();
  const found = all.filter((e) => {
    if (!words.length) return true;
    const text = foldForSearch([e.id, e.topic, ...e.questions.vi, ...(e.questions.en ?? []), ...e.answer.vi].join(" "));
    return words.every((w) => text.includes(w));
  });
  const topics = new Map(req.app.services.content.topics().map((t) => [t.id, t.title[req.locale]]));
  const rows = found.slice(0, PAGE_SIZE).map(
    (e) => h`<tr><td><a href="/desk/content/kb/${e.id}">${e.questions.vi[0] ?? e.id}</a><br><code>${e.id}</code></td><td>${topics.get(e.topic) ?? e.topic}</td><td>${e.source}</td><td>${vnDay(e.reviewed)}</td></tr>`,
  );
  const body = h`<form method="get" action="/desk/content/kb" class="filters" role="search">
<div><label for="kb-q">${req.text("dw-kb-search")}</label><input type="search" id="kb-q" name="q" value="${q}" maxlength="200"></div>
<div><button type="submit">${req.text("dw-kb-search-button")}</button></div></form>
<p class="counts" id="counts">${req.text("dw-kb-count", { shown: Math.min(found.length, PAGE_SIZE), count: found.length })} · <a href="/desk/content/kb-new">${req.text("dw-kb-add")}</a> · <a href="/desk/content/profile">${req.text("dw-content-profile-title")}</a></p>
<table class="list"><thead><tr><th>${req.text("dw-kb-question")}</th><th>${req.text("dw-kb-topic")}</th><th>${req.text("dw-kb-source")}</th><th>${req.text("dw-kb-reviewed")}</th></tr></thead><tbody>${rows}</tbody></table>`;
  return page(req.text("dw-kb-title"), body, "kb");
}

const valuesOf = (e: KbEntry): Record<string, string> => ({
  "answer.vi": e.answer.vi.join("\n"),
  "answer.en": (e.answer.en ?? []).join("\n"),
  source: e.source,
  reviewed: vnDay(e.reviewed),
});

/** One entry's form (or a new entry's, `add`), with the problems of a refused save next to their fields. */
async function entryView(req: DeskRequest, id: string | null, typed?: Record<string, string>, problems: readonly FieldProblem[] = [], version?: number): Promise<DeskResult> {
  const found = id ? await req.app.services.content.entry(id) : undefined;
  if (id && !found) return page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-not-found")}</p>`, "kb", 404);
  const values = typed ?? (found ? valuesOf(found.entry) : {});
  const f = (name: string, labelKey: string, kind: "text" | "textarea" | "date" = "text", hintKey?: string) =>
    field(req, { name, label: req.text(labelKey), value: values[name] ?? "", kind, ...(hintKey ? { hint: req.text(hintKey, { placeholder: "{unit}" }) } : {}) }, problems);
  const generated = id !== null && isSupportKindEntry(id);
  const shownFields = ["answer.vi", "answer.en", "source", "reviewed", ...(id ? [] : ["id", "topic", "questions.vi", "questions.en"])];
  const topics = req.app.services.content.topics();
  const newFields = id
    ? h``
    : h`${f("id", "dw-kb-id", "text", "dw-kb-id-hint")}
<div class="field"><label for="f-topic">${req.text("dw-kb-topic")}</label><select id="f-topic" name="topic">${topics.map((t) => h`<option value="${t.id}"${values.topic === t.id ? h` selected` : ""}>${t.title[req.locale]}</option>`)}</select></div>
${f("questions.vi", "dw-kb-questions-vi", "textarea", "dw-kb-questions-hint")}${f("questions.en", "dw-kb-questions-en", "textarea")}`;
  const done = req.url.searchParams.get("done") === "saved";
  const action = id ? `/desk/content/kb/${id}` : "/desk/content/kb-new";
  const body = h`${done && !problems.length ? h`<p class="flash" role="status">${req.text("dw-content-saved")}</p>` : ""}
${found ? h`<p><b>${found.entry.questions.vi[0] ?? ""}</b> · <code>${found.entry.id}</code> · v${found.version}</p>` : ""}
${generated ? h`<p class="refused">${req.text("content-error-entry-generated", { id: id! })}</p>` : ""}
${formProblems(req, problems, new Set(shownFields))}
<form method="post" action="${action}" class="content-form" novalidate>
<input type="hidden" name="csrf" value="${req.official.csrf}"><input type="hidden" name="version" value="${version ?? found?.version ?? 0}">
${newFields}
${f("answer.vi", "dw-kb-answer-vi", "textarea", "dw-kb-answer-hint")}${f("answer.en", "dw-kb-answer-en", "textarea")}
${f("source", "dw-kb-source", "text", "dw-kb-source-hint")}${f("reviewed", "dw-kb-reviewed", "date")}
<div><button type="submit">${req.text("dw-content-save")}</button> <a href="/desk/content/kb">${req.text("dw-cancel")}</a></div>
</form>
${id ? await historyView(req, await req.app.services.content.history("entry", id)) : ""}`;
  return page(id ? req.text("dw-kb-edit-title", { id }) : req.text("dw-kb-add"), body, "kb", problems.length ? 422 : 200);
}

const idOf = (req: DeskRequest): string | null => {
  const id = req.path.slice("/content/kb/".length);
  return ID.test(id) ? id : null;
};

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** What the official changed, as an edit: only the fields that differ from what the page showed (the service checks the rest). */
function editOf(req: DeskRequest, id: string, add: boolean, shown: Record<string, string>): EntryEdit {
  const v = (name: string) => (req.form.get(name) ?? "").slice(0, 8000);
  const differs = (name: string) => add || v(name).replace(/\r\n/g, "\n").trim() !== (shown[name] ?? "").trim();
  const en = v("answer.en").trim();
  const edit: EntryEdit = { id, ...(add ? { add: true, topic: v("topic") } : {}) };
  if (add) edit.questions = { vi: lines(v("questions.vi")), en: lines(v("questions.en")).length ? lines(v("questions.en")) : null };
  if (differs("answer.vi") || differs("answer.en")) edit.answer = { vi: v("answer.vi"), en: en ? v("answer.en") : null };
  if (differs("source")) edit.source = v("source");
  if (differs("reviewed")) edit.reviewed = v("reviewed");
  return edit;
}

async function save(req: DeskRequest, id: string, add: boolean): Promise<DeskResult> {
  const found = add ? undefined : await req.app.services.content.entry(id);
  const base = Number(req.form.get("version"));
  const edit = editOf(req, id, add, found ? valuesOf(found.entry) : {});
  const result = await req.app.services.content.saveEntry(req.official.userKey, edit, { now: req.now, via: "web", ...(Number.isInteger(base) && base >= 0 ? { baseVersion: base } : {}) });
  if (result.ok) return { kind: "redirect", to: `/desk/content/kb/${id}?done=saved` };
  const typed = Object.fromEntries([...req.form.entries()].filter(([k]) => k !== "csrf").map(([k, v]) => [k, v.slice(0, 8000)]));
  return entryView(req, add ? null : id, typed, result.problems, Number.isInteger(base) ? base : undefined);
}

export const kbListPage: DeskPage = { method: "GET", path: "/content/kb", audience: "official", nav: { id: "kb", labelKey: "dw-nav-kb" }, handle: listView };
export const kbNewPage: DeskPage = { method: "GET", path: "/content/kb-new", audience: "official", handle: (req) => entryView(req, null) };
export const kbAdd: DeskPage = {
  method: "POST",
  path: "/content/kb-new",
  audience: "official",
  async handle(req) {
    const id = (req.form.get("id") ?? "").trim().slice(0, 60);
    return save(req, id, true);
  },
};
export const kbEntryPage: DeskPage = {
  method: "GET",
  path: "/content/kb/*",
  audience: "official",
  handle: (req) => {
    const id = idOf(req);
    return id ? entryView(req, id) : page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-not-found")}</p>`, "kb", 404);
  },
};
export const kbEntrySave: DeskPage = {
  method: "POST",
  path: "/content/kb/*",
  audience: "official",
  handle: (req) => {
    const id = idOf(req);
    return id ? save(req, id, false) : page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-not-found")}</p>`, "kb", 404);
  },
};
