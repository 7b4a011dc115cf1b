import { z } from "zod";
import { toPlainText } from "../../../core/markup.js";
import { STATUS_IDS, type StatusId } from "../../../domain/statuses.js";
import type { StatusChange } from "../../../domain/submission.js";
import { checkTransition } from "../../../domain/workflow.js";
import { deliverStatusNotice, ownerLocale, statusNotice } from "../../../flows/officials/notice.js";
import { MAX_NOTE_LENGTH, type OfficialActor } from "../../../services/workflow.js";
import { fromMarkup, h } from "../html.js";
import { page, redirect, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";
import { dossierPath, dossierView, labelText, notFound } from "./dossier.js";

const moveSchema = z.object({ from: z.enum(STATUS_IDS), to: z.enum(STATUS_IDS), note: z.string().max(MAX_NOTE_LENGTH * 4) });

const actorOf = (req: DeskRequest): OfficialActor => ({ userKey: req.official.userKey, role: req.official.role, via: "web" });

/** The move as the official typed it, checked; or the dossier page again with the problem next to the field. */
async function checkedMove(req: DeskRequest, code: string): Promise<{ ok: true; from: StatusId; to: StatusId; note: string | null } | { ok: false; result: DeskResult }> {
  const s = await req.app.services.submissions.get(code);
  if (!s) return { ok: false, result: notFound(req) };
  const parsed = moveSchema.safeParse({ from: req.form.get("from"), to: req.form.get("to"), note: req.form.get("note") ?? "" });
  if (!parsed.success) return { ok: false, result: page(req.text("dw-refused-title"), h`<p class="refused">${req.text("dw-form-invalid")}</p>`, "dossiers", 400) };
  const { from, to } = parsed.data;
  const note = parsed.data.note.trim();
  if (s.status !== from) return { ok: false, result: redirect(`/desk/dossiers/${code}?done=stale`) };
  const check = checkTransition(s.programme, s.status, to);
  if (!check.ok) {
    const allowed = check.allowed.map((id) => labelText(req, s, id)).join(", ");
    return { ok: false, result: await dossierView(req, s, { flash: h`<p class="refused" role="alert">${req.text("dw-move-refused", { from: labelText(req, s, from), to: labelText(req, s, to), allowed: allowed || "—" })}</p>` }) };
  }
  if (note.length > MAX_NOTE_LENGTH) return { ok: false, result: await dossierView(req, s, { moveErrors: { to, message: req.text("desk-note-too-long", { max: MAX_NOTE_LENGTH }) }, typed: { to, note } }) };
  return { ok: true, from, to, note: note || null };
}

/** The notice exactly as the enterprise will get it, before anything is sent; then one button sends it. */
async function preview(req: DeskRequest, code: string): Promise<DeskResult> {
  const move = await checkedMove(req, code);
  if (!move.ok) return move.result;
  const s = (await req.app.services.submissions.get(code))!;
  const change: StatusChange = { at: req.now.toISOString(), from: move.from, to: move.to, by: { kind: "official", userKey: req.official.userKey, via: "web" }, note: move.note };
  const notice = await statusNotice(req.ctx, { ...s, status: move.to, statusHistory: [...s.statusHistory, change] }, change);
  const locale = await ownerLocale(req.ctx, s);
  const body = h`<p>${req.text("dw-preview-lead", { code, org: s.organisation.name, from: labelText(req, s, move.from), to: labelText(req, s, move.to), channel: s.owner.channel, language: toPlainText(req.t(`desk-language-${locale}`)) })}</p>
<div class="text notice" id="notice-preview">${notice.map((m) => fromMarkup(m.text))}</div>
<form method="post" action="/desk/dossiers/${code}/move">
<input type="hidden" name="csrf" value="${req.official.csrf}"><input type="hidden" name="from" value="${move.from}"><input type="hidden" name="to" value="${move.to}"><input type="hidden" name="note" value="${move.note ?? ""}">
<button type="submit">${req.text("dw-move-confirm", { to: labelText(req, s, move.to) })}</button> <a href="/desk/dossiers/${code}">${req.text("dw-cancel")}</a>
</form>`;
  return page(req.text("dw-preview-title", { code }), body, "dossiers");
}

/**
 * The move through the workflow service (the same call, checks and audit as the bot's desk, marked
 * "via web"); only once it is committed, the notice on the enterprise's channel through the outbox.
 */
async function move(req: DeskRequest, code: string): Promise<DeskResult> {
  const checked = await checkedMove(req, code);
  if (!checked.ok) return checked.result;
  const { storage, services } = req.app;
  const moved = await storage.unit(async () => {
    const result = await services.workflow.move(code, checked.to, actorOf(req), req.now, checked.note, checked.from);
    if (!result.ok) return { result, notice: null };
    return { result, notice: await statusNotice(req.ctx, result.submission, result.change) };
  });
  const { result, notice } = moved;
  if (!result.ok) return result.reason === "not-found" ? notFound(req) : redirect(`/desk/dossiers/${code}?done=stale`);
  await storage.unit(() => deliverStatusNotice(req.ctx, result.submission, result.change, notice!));
  // How it went is in the audit trail (notice-sent, or notice-failed with the reason), shown in the history.
  const sent = (await services.audit.about(code)).at(-1)?.action === "notice-sent";
  return redirect(`/desk/dossiers/${code}?done=${sent ? "notice-sent" : "notice-failed"}`);
}

async function note(req: DeskRequest, code: string): Promise<DeskResult> {
  const s = await req.app.services.submissions.get(code);
  if (!s) return notFound(req);
  const text = req.form.get("note") ?? "";
  const result = await req.app.storage.unit(() => req.app.services.workflow.addNote(code, text, actorOf(req), req.now));
  if (!result.ok) return dossierView(req, s, { noteError: req.text(result.error.key, result.error.args) });
  return redirect(`/desk/dossiers/${code}?done=noted`);
}

/** A file Telegram or Zalo keeps (we hold only its reference): sent to the official in the bot, as the bot's desk does. */
async function sendFile(req: DeskRequest, code: string, index: number): Promise<DeskResult> {
  const s = await req.app.services.submissions.get(code);
  const d = s?.documents[index];
  if (!s || !d) return notFound(req);
  const { channel, id } = req.ctx.user;
  const outcome = await req.app.services.outbox.send(channel, id, [
    { text: req.t("desk-document-caption", { code, name: d.file.name, date: d.addedAt.slice(0, 10) }), attachment: { kind: "stored", file: d.file } },
  ]);
  return redirect(`/desk/dossiers/${code}?done=${outcome.ok ? "file-sent" : "file-not-sent"}`);
}

/** POST /dossiers/<code>/preview | move | note | files/<n>/send. */
export const dossierActions: DeskPage = {
  method: "POST",
  path: "/dossiers/*",
  audience: "official",
  async handle(req) {
    const at = dossierPath(req.path);
    if (!at) return notFound(req);
    const [verb, n, last] = at.rest;
    if (verb === "preview" && at.rest.length === 1) return preview(req, at.code);
    if (verb === "move" && at.rest.length === 1) return move(req, at.code);
    if (verb === "note" && at.rest.length === 1) return note(req, at.code);
    if (verb === "files" && n && /^\d{1,4}$/.test(n) && last === "send" && at.rest.length === 3) return sendFile(req, at.code, Number(n));
    return notFound(req);
  },
};
