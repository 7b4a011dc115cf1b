import { toPlainText } from "../../../core/markup.js";
import { LOCALES } from "../../../core/types.js";
import { announcementMessage, checkAnnouncementText, segmentSchema, type Segment } from "../../../domain/broadcast.js";
import { PROGRAMMES } from "../../../domain/programmes.js";
import { JOB_ID_PATTERN, type Job } from "../../../domain/records/broadcast-job.js";
import { SCHEDULE_EXAMPLE, parseScheduleTime } from "../../../domain/schedule-time.js";
import { STATUSES } from "../../../domain/statuses.js";
import { SECTOR_GROUPS } from "../../../domain/submission.js";
import { formatDateTime } from "../../../domain/vietnam-time.js";
import { auditBroadcast } from "../../../flows/broadcast/audit-entry.js";
import { announcementFrame, describeSegment, finalReport } from "../../../services/broadcasts/notices.js";
import { fromMarkup, h, type Html } from "../html.js";
import { page, redirect, type DeskPage, type DeskRequest, type DeskResult } from "../request.js";

/**
 * Announcements on the web desk: compose, the recipients (the bot's segments), the preview exactly
 * as recipients get it with who gets it, send now or at a time, then the job's page with a live
 * progress bar (desk.js polls progress.json), pause / resume / cancel and the final report — the
 * same broadcast services and audit as /thongbao and /dsthongbao, audited "via web".
 */
const SHOWN = 10;

/** Every segment the bot's compose flow offers (the commune is typed), as the form's value. */
function segmentChoices(): Segment[] {
  return [
    { kind: "all" },
    ...PROGRAMMES.map((programme) => ({ kind: "programme" as const, programme })),
    ...PROGRAMMES.flatMap((programme) => STATUSES[programme].map((s) => ({ kind: "status" as const, programme, status: s.id }))),
    ...SECTOR_GROUPS.map((sectorGroup) => ({ kind: "sector" as const, sectorGroup })),
    ...LOCALES.map((locale) => ({ kind: "language" as const, locale })),
  ];
}
const valueOf = (s: Segment): string => JSON.stringify(s);

/** The segment posted (a choice, or a typed xã/phường that must match one), or the problem. */
async function readSegment(req: DeskRequest): Promise<{ ok: true; segment: Segment } | { ok: false; problem: string }> {
  const commune = (req.form.get("commune") ?? "").trim().slice(0, 120);
  if (commune) {
    const found = await req.app.services.audience.findCommunes(commune);
    if (found.length === 1) return { ok: true, segment: { kind: "commune", communeKey: found[0]!.key, label: found[0]!.label } };
    return { ok: false, problem: found.length ? req.text("bc-commune-several", { count: found.length }) : req.text("bc-commune-not-found", { commune }) };
  }
  let raw: unknown = null;
  try {
    raw = JSON.parse(req.form.get("segment") ?? "");
  } catch {
    raw = null;
  }
  const parsed = segmentSchema.safeParse(raw);
  return parsed.success ? { ok: true, segment: parsed.data } : { ok: false, problem: req.text("dw-form-invalid") };
}

const segmentText = (req: DeskRequest, s: Segment) => toPlainText(describeSegment((k, a) => req.t(k, a), s));

function composeForm(req: DeskRequest, typed: { text?: string; segment?: string; commune?: string } = {}, problems: { text?: string; segment?: string } = {}): Html {
  const selected = typed.segment ?? valueOf({ kind: "all" });
  const err = (id: string, message?: string) => (message ? h`<p class="field-error" id="${id}">${message}</p>` : "");
  const aria = (id: string, message?: string) => (message ? h` aria-invalid="true" aria-describedby="${id}"` : "");
  return h`<form method="post" action="/desk/announcements/preview" class="content-form" novalidate>
<input type="hidden" name="csrf" value="${req.official.csrf}">
<div class="field"><label for="bc-text">${req.text("dw-bc-text")}</label><textarea id="bc-text" name="text" rows="8" maxlength="2000"${aria("bc-text-error", problems.text)}>${typed.text ?? ""}</textarea>${err("bc-text-error", problems.text)}</div>
<div class="field"><label for="bc-segment">${req.text("dw-bc-segment")}</label><select id="bc-segment" name="segment">${segmentChoices().map(
    (s) => h`<option value="${valueOf(s)}"${valueOf(s) === selected ? h` selected` : ""}>${segmentText(req, s)}</option>`,
  )}</select></div>
<div class="field"><label for="bc-commune">${req.text("dw-bc-commune")}</label><input type="text" id="bc-commune" name="commune" value="${typed.commune ?? ""}" maxlength="120"${aria("bc-segment-error", problems.segment)}>${err("bc-segment-error", problems.segment)}</div>
<div><button type="submit">${req.text("dw-bc-preview")}</button></div>
</form>`;
}

const stateText = (req: DeskRequest, job: Job) => req.text(`bc-state-${job.state}`);

function progressOf(job: Job): { sent: number; settled: number; planned: number } {
  const settled = Object.values(job.counts).reduce((a, b) => a + b, 0);
  return { sent: job.counts.sent, settled, planned: job.planned ?? job.total ?? 0 };
}

function jobControls(req: DeskRequest, job: Job): Html {
  const verbs = job.state === "running" || job.state === "scheduled" ? ["pause", "cancel"] : job.state === "paused" ? ["resume", "cancel"] : [];
  return h`${verbs.map(
    (verb) => h`<form method="post" action="/desk/announcements/${job.id}/${verb}" class="inline"><input type="hidden" name="csrf" value="${req.official.csrf}"><button type="submit" class="${verb === "cancel" ? "secondary" : ""}">${req.text(`dw-bc-${verb}`)}</button></form> `,
  )}`;
}

async function listView(req: DeskRequest, typed?: Parameters<typeof composeForm>[1], problems?: Parameters<typeof composeForm>[2]): Promise<DeskResult> {
  const jobs = (await req.app.services.broadcasts.list(SHOWN)).filter((j) => j.kind === "announcement");
  const rows = jobs.map((job) => {
    const p = progressOf(job);
    return h`<tr><td><a href="/desk/announcements/${job.id}">${job.id}</a></td><td>${stateText(req, job)}</td><td>${(job.content?.text ?? "").slice(0, 80)}</td><td>${job.segment ? segmentText(req, job.segment) : ""}</td><td>${p.planned ? `${p.sent}/${p.planned}` : job.scheduledAt ? formatDateTime(job.scheduledAt, req.locale) : ""}</td><td>${jobControls(req, job)}</td></tr>`;
  });
  const body = h`<h2>${req.text("dw-bc-compose")}</h2>${composeForm(req, typed, problems)}
<h2>${req.text("dw-bc-recent")}</h2>${jobs.length ? h`<table class="list"><thead><tr><th>${req.text("dw-bc-id")}</th><th>${req.text("dw-bc-state")}</th><th>${req.text("dw-bc-text")}</th><th>${req.text("dw-bc-segment")}</th><th>${req.text("dw-bc-progress")}</th><th></th></tr></thead><tbody>${rows}</tbody></table>` : h`<p>${req.text("dw-bc-none")}</p>`}`;
  return page(req.text("dw-bc-title"), body, "announcements", problems ? 422 : 200);
}

/** The compose form checked: the text as the bot checks it, the segment; or the form again with the problems. */
async function checked(req: DeskRequest): Promise<{ ok: true; text: string; segment: Segment } | { ok: false; result: DeskResult }> {
  const text = (req.form.get("text") ?? "").replace(/\r\n/g, "\n").slice(0, 4000);
  const typed = { text, segment: req.form.get("segment") ?? "", commune: req.form.get("commune") ?? "" };
  const read = checkAnnouncementText(text, false);
  const segment = await readSegment(req);
  if (!read.ok || !segment.ok) {
    return { ok: false, result: await listView(req, typed, { ...(!read.ok ? { text: req.text(read.error.key, read.error.args) } : {}), ...(!segment.ok ? { segment: segment.problem } : {}) }) };
  }
  return { ok: true, text: read.value, segment: segment.segment };
}

/** The very message recipients get, how many get it (per channel) and who is left out, then send now or at a time. */
async function preview(req: DeskRequest, when?: { value: string; problem: string }): Promise<DeskResult> {
  const c = await checked(req);
  if (!c.ok) return c.result;
  // Framed as the recipients get it (sender line above, how to stop below), in the official's language.
  const message = announcementMessage({ text: c.text, attachment: null }, announcementFrame((key, args) => req.t(key, args), req.app.services.province));
  const summary = await req.app.services.audience.summary(c.segment);
  const channels = Object.entries(summary.byChannel).map(([channel, n]) => req.text("bc-summary-channel", { channel, count: n }));
  const { unsubscribed, blocked, unreachable } = summary.skipped;
  const body = h`<p>${req.text("dw-bc-preview-lead")}</p>
<div class="text notice" id="announcement-preview">${fromMarkup(message.text)}</div>
<ul id="audience"><li>${fromMarkup(req.t("bc-summary-segment", { segment: segmentText(req, c.segment) }))}</li><li>${fromMarkup(req.t("bc-summary-count", { count: summary.recipients }))}</li>
${channels.length > 1 ? h`<li>${channels.join(", ")}</li>` : ""}${summary.billed ? h`<li>${fromMarkup(req.t("bc-summary-billed", { count: summary.billed }))}</li>` : ""}
${unsubscribed + blocked + unreachable > 0 ? h`<li>${fromMarkup(req.t("bc-summary-skipped", { unsubscribed, blocked, unreachable }))}</li>` : ""}</ul>
${summary.recipients
  ? h`<form method="post" action="/desk/announcements/send" class="content-form" novalidate>
<input type="hidden" name="csrf" value="${req.official.csrf}"><input type="hidden" name="text" value="${c.text}"><input type="hidden" name="segment" value="${valueOf(c.segment)}">
<div><button type="submit" name="mode" value="now">${req.text("dw-bc-send-now")}</button></div>
<div class="field"><label for="bc-when">${req.text("dw-bc-when")}</label><input type="text" id="bc-when" name="when" value="${when?.value ?? ""}" placeholder="${SCHEDULE_EXAMPLE}"${when ? h` aria-invalid="true" aria-describedby="bc-when-error"` : ""}>
${when ? h`<p class="field-error" id="bc-when-error">${when.problem}</p>` : ""}<button type="submit" name="mode" value="schedule" class="secondary">${req.text("dw-bc-schedule")}</button></div>
</form>`
  : h`<p class="refused">${req.text("bc-summary-nobody")}</p>`}
<p><a href="/desk/announcements">${req.text("dw-cancel")}</a></p>`;
  return page(req.text("dw-bc-preview-title"), body, "announcements", when ? 422 : 200);
}

/** Creates the job through the broadcast service (role read again now), audited via web. */
async function send(req: DeskRequest): Promise<DeskResult> {
  const c = await checked(req);
  if (!c.ok) return c.result;
  let scheduledAt: string | null = null;
  if (req.form.get("mode") === "schedule") {
    const typed = (req.form.get("when") ?? "").slice(0, 60);
    const when = parseScheduleTime(typed, req.now);
    if (!when.ok) return preview(req, { value: typed, problem: req.text(when.error.key, when.error.args) });
    scheduledAt = when.value;
  }
  const role = await req.app.services.roles.roleOf(req.ctx.user);
  if (role !== "official" && role !== "admin") return page(req.text("dw-refused-title"), h`<p class="refused">${req.text("bc-not-allowed")}</p>`, "announcements", 403);
  const segment = c.segment;
  const job = await req.app.storage.unit(async () => {
    const made = await req.app.services.broadcasts.createAnnouncement({ content: { text: c.text, attachment: null }, segment, createdBy: req.ctx.user, scheduledAt }, req.now);
    await auditBroadcast(req.ctx, "broadcastCreated", made.id, `via web · ${JSON.stringify(segment)}${scheduledAt ? ` @ ${scheduledAt}` : ""}`);
    return made;
  });
  return redirect(`/desk/announcements/${job.id}`);
}

async function jobView(req: DeskRequest, id: string, flash?: string): Promise<DeskResult> {
  const job = await req.app.services.broadcasts.get(id);
  if (!job || job.kind !== "announcement") return page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("bc-job-not-found", { id })}</p>`, "announcements", 404);
  const p = progressOf(job);
  const ended = job.state === "done" || job.state === "cancelled";
  const report = ended && job.total !== null ? fromMarkup(finalReport((k, a) => req.t(k, a), job, job.counts, job.total, new Date(job.finishedAt ?? req.now.toISOString()), req.locale)) : "";
  const body = h`${flash ? h`<p class="flash" role="status">${flash}</p>` : ""}
<p>${req.text("dw-bc-state")}: <b id="job-state">${stateText(req, job)}</b>${job.scheduledAt && job.state === "scheduled" ? h` · ${formatDateTime(job.scheduledAt, req.locale)}` : ""} · ${job.segment ? segmentText(req, job.segment) : ""}</p>
<div class="progress" data-progress-url="/desk/announcements/${job.id}/progress.json">
<label for="job-progress">${req.text("dw-bc-progress")}</label>
<progress id="job-progress" max="${Math.max(p.planned, 1)}" value="${p.settled}">${p.settled}/${p.planned}</progress>
<span id="job-progress-text" aria-live="polite">${req.text("dw-bc-progress-text", { sent: p.sent, settled: p.settled, planned: p.planned })}</span></div>
<div id="job-report" class="text"${report ? "" : h` hidden`}>${report}</div>
<p>${jobControls(req, job)}</p>
<h2>${req.text("dw-bc-text")}</h2><div class="text notice">${fromMarkup(announcementMessage(job.content ?? { text: "", attachment: null }).text)}</div>
<p><a href="/desk/announcements">${req.text("dw-bc-title")}</a></p>`;
  return page(`${job.id} · ${req.text("dw-bc-title")}`, body, "announcements");
}

/** The small JSON the job page polls: state, counts, and the final report's text once it ended. */
async function progressJson(req: DeskRequest, id: string): Promise<DeskResult> {
  const job = await req.app.services.broadcasts.get(id);
  if (!job || job.kind !== "announcement") return page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-not-found")}</p>`, "announcements", 404);
  const p = progressOf(job);
  const ended = job.state === "done" || job.state === "cancelled";
  const report = ended && job.total !== null ? toPlainText(finalReport((k, a) => req.t(k, a), job, job.counts, job.total, new Date(job.finishedAt ?? req.now.toISOString()), req.locale)) : null;
  const body = { state: job.state, stateText: stateText(req, job), ...p, text: req.text("dw-bc-progress-text", p), ended, report };
  return { kind: "file", name: "progress.json", mime: "application/json; charset=utf-8", bytes: Buffer.from(JSON.stringify(body)), inline: true };
}

const FLASH = { pause: "bc-job-paused", resume: "bc-job-resumed", cancel: "bc-job-cancelled" } as const;
const AUDITED = { pause: "broadcastPaused", resume: "broadcastResumed", cancel: "broadcastCancelled" } as const;

async function control(req: DeskRequest, id: string, verb: keyof typeof FLASH): Promise<DeskResult> {
  const role = await req.app.services.roles.roleOf(req.ctx.user);
  if (role !== "official" && role !== "admin") return page(req.text("dw-refused-title"), h`<p class="refused">${req.text("bc-not-allowed")}</p>`, "announcements", 403);
  const result = await req.app.storage.unit(async () => {
    const outcome = await req.app.services.broadcasts[verb](id, req.ctx.user, req.now);
    if (outcome.ok) await auditBroadcast(req.ctx, AUDITED[verb], id, "via web");
    return outcome;
  });
  return jobView(req, id, result.ok ? req.text(FLASH[verb], { id }) : req.text(result.error.key, result.error.args));
}

const jobPath = (path: string): { id: string; rest: string } | null => {
  const m = /^\/announcements\/([A-Z]{2}-\d{4,})(\/[a-z.]+)?$/.exec(path);
  return m && JOB_ID_PATTERN.test(m[1]!) ? { id: m[1]!, rest: m[2] ?? "" } : null;
};

export const announcementsPage: DeskPage = {
  method: "GET",
  path: "/announcements",
  audience: "official",
  nav: { id: "announcements", labelKey: "dw-nav-announcements" },
  handle: (req) => listView(req),
};

export const announcementJob: DeskPage = {
  method: "GET",
  path: "/announcements/*",
  audience: "official",
  handle(req) {
    const at = jobPath(req.path);
    if (at?.rest === "") return jobView(req, at.id);
    if (at?.rest === "/progress.json") return progressJson(req, at.id);
    return page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-not-found")}</p>`, "announcements", 404);
  },
};

/** POST /announcements/preview | send | <id>/pause | resume | cancel. */
export const announcementActions: DeskPage = {
  method: "POST",
  path: "/announcements/*",
  audience: "official",
  handle(req) {
    if (req.path === "/announcements/preview") return preview(req);
    if (req.path === "/announcements/send") return send(req);
    const at = jobPath(req.path);
    const verb = at?.rest.slice(1);
    if (at && (verb === "pause" || verb === "resume" || verb === "cancel")) return control(req, at.id, verb);
    return page(req.text("dw-not-found-title"), h`<p class="refused">${req.text("dw-not-found")}</p>`, "announcements", 404);
  },
};
