import { esc, joinMarkup, toPlainText } from "../../../core/markup.js";
import { TRACKING_CODE_PATTERN } from "../../../domain/tracking-code.js";
import type { Submission } from "../../../domain/submission.js";
import { allowedNext } from "../../../domain/workflow.js";
import { caseView, labelOf } from "../../../flows/officials/case-view.js";
import { createFiles, heldHere } from "../../../services/files.js";
import { MAX_NOTE_LENGTH } from "../../../services/workflow.js";
import { fromMarkup, h, type Html } from "../html.js";
import { page, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";

/** `/dossiers/<code>[/<rest>]` → the code and the rest, or null. */
export function dossierPath(path: string): { code: string; rest: string[] } | null {
  const [code, ...rest] = path.slice("/dossiers/".length).split("/");
  if (!code || !new RegExp(`^${TRACKING_CODE_PATTERN.source.replace(/^\^|\$$/g, "")}$`).test(code)) return null;
  return { code, rest };
}

export const notFound = (req: DeskRequest): DeskResult => page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-dossier-unknown")}</p>`, "dossiers", 404);

const DONE_KEYS: Record<string, string> = {
  moved: "dw-done-moved",
  "notice-sent": "dw-done-notice-sent",
  "notice-failed": "dw-done-notice-failed",
  stale: "dw-done-stale",
  noted: "dw-done-noted",
  "file-sent": "dw-done-file-sent",
  "file-not-sent": "dw-done-file-not-sent",
};

/** The forms of the moves the workflow allows now; each leads to the preview of the enterprise's notice. */
export function moveForms(req: DeskRequest, s: Submission, errors: { to?: string; message?: string } = {}, typed: { to?: string; note?: string } = {}): Html {
  const next = allowedNext(s.programme, s.status);
  if (!next.length) return h``;
  return h`<h2>${req.text("dw-moves")}</h2><div class="actions">${next.map((to) => {
    const id = `note-${to}`;
    const error = errors.to === to ? errors.message : undefined;
    return h`<form method="post" action="/desk/dossiers/${s.code}/preview">
<input type="hidden" name="csrf" value="${req.official.csrf}"><input type="hidden" name="from" value="${s.status}"><input type="hidden" name="to" value="${to}">
<label for="${id}">${req.text(to === "needs-supplement" ? "dw-move-note-supplement" : "dw-move-note", { to: labelText(req, s, to) })}</label>
<textarea id="${id}" name="note" maxlength="${MAX_NOTE_LENGTH}"${error ? h` aria-invalid="true" aria-describedby="${id}-error"` : ""}>${typed.to === to ? (typed.note ?? "") : ""}</textarea>
${error ? h`<p class="field-error" id="${id}-error">${error}</p>` : ""}
<button type="submit">${req.text("dw-move-preview", { to: labelText(req, s, to) })}</button>
</form>`;
  })}</div>`;
}

export const labelText = (req: DeskRequest, s: Submission, status: string | null): string => toPlainText(labelOf(req.ctx, s, status));

/** Everything about one dossier (the bot desk's case view), its files, the moves and a note. */
export async function dossierView(req: DeskRequest, s: Submission, extra: { flash?: Html; moveErrors?: { to?: string; message?: string }; typed?: { to?: string; note?: string }; noteError?: string } = {}): Promise<DeskResult> {
  const view = await caseView(req.ctx, s);
  const done = req.url.searchParams.get("done");
  const flash = extra.flash ?? (done && DONE_KEYS[done] ? h`<p class="flash" role="status">${req.text(DONE_KEYS[done]!)}</p>` : "");
  const files = s.documents.map(
    (d, i) => h`<li>${heldHere(d.file)
      ? h`<a href="/desk/dossiers/${s.code}/files/${i}">${d.file.name}</a>`
      : h`${d.file.name} <form method="post" action="/desk/dossiers/${s.code}/files/${i}/send" class="inline"><input type="hidden" name="csrf" value="${req.official.csrf}"><button type="submit" class="secondary">${req.text("dw-file-send-to-me", { channel: d.file.channel })}</button></form>`} <small>${d.addedAt.slice(0, 10)}</small></li>`,
  );
  const body = h`${flash}
<div class="text">${fromMarkup(joinMarkup([view.text]))}</div>
<h2>${req.text("dw-files")}</h2>
${files.length ? h`<ul class="files">${files}</ul>` : h`<p>${req.text("dw-files-none")}</p>`}
${moveForms(req, s, extra.moveErrors, extra.typed)}
<h2>${req.text("dw-note-title")}</h2>
<form method="post" action="/desk/dossiers/${s.code}/note">
<input type="hidden" name="csrf" value="${req.official.csrf}">
<label for="internal-note">${req.text("dw-note-label")}</label>
<textarea id="internal-note" name="note" maxlength="${MAX_NOTE_LENGTH}"${extra.noteError ? h` aria-invalid="true" aria-describedby="internal-note-error"` : ""}></textarea>
${extra.noteError ? h`<p class="field-error" id="internal-note-error">${extra.noteError}</p>` : ""}
<button type="submit">${req.text("dw-note-save")}</button>
</form>
<p><a href="/desk/dossiers">${req.text("dw-back-to-list")}</a></p>`;
  return page(`${s.code} · ${s.organisation.name}`, body, "dossiers", extra.moveErrors || extra.noteError ? 422 : 200);
}

/** GET /dossiers/<code>: the dossier; /dossiers/<code>/files/<n>: a file we hold, after the same checks as every page. */
export const dossierPage: DeskPage = {
  method: "GET",
  path: "/dossiers/*",
  audience: "official",
  async handle(req) {
    const at = dossierPath(req.path);
    if (!at) return notFound(req);
    const s = await req.app.services.submissions.get(at.code);
    if (!s) return notFound(req);
    if (at.rest.length === 0) return dossierView(req, s);
    if (at.rest.length === 2 && at.rest[0] === "files" && /^\d{1,4}$/.test(at.rest[1]!)) {
      const d = s.documents[Number(at.rest[1])];
      if (!d || !heldHere(d.file)) return notFound(req);
      // Through the files service, as the bot sends them: the bytes from the uploads store.
      const files = createFiles(req.app.storage.repos.uploads, req.app.translator, req.app.log);
      const [resolved] = await files.resolve([{ text: esc(d.file.name), attachment: { kind: "stored", file: d.file } }], req.locale);
      const a = resolved?.attachment;
      if (a?.kind === "bytes") return { kind: "file", name: d.file.name, mime: a.mime, bytes: a.bytes };
      return page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-file-gone", { name: d.file.name })}</p>`, "dossiers", 410);
    }
    return notFound(req);
  },
};
