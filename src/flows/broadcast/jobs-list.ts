import { z } from "zod";
import { buttonCodec, commandButton, type ButtonValue } from "../../core/button-data.js";
import { allowed, buttonRoute, say, type ButtonRoute, type Turn } from "../../core/feature.js";
import { raw } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Button } from "../../core/types.js";
import { formatDateTime } from "../../domain/vietnam-time.js";
import { type JobOutcome } from "../../services/broadcasts/jobs.js";
import { JOB_ID_PATTERN, type Job } from "../../domain/records/broadcast-job.js";
import type { Services } from "../../services/index.js";
import type { Ctx } from "../context.js";
import { describeSegment } from "../../services/broadcasts/notices.js";
import { auditBroadcast } from "./audit-entry.js";

/** Buttons `bcj:<action>:<job id>` under the list. */
export const jobsButton = buttonCodec("bcj", z.tuple([z.enum(["pause", "resume", "cancel", "cancelok"]), z.string().regex(JOB_ID_PATTERN)]));
type JobAction = ButtonValue<typeof jobsButton>[0];
const SHOWN = 10;

function line(ctx: Ctx, job: Job): Markup {
  const t = (key: string, args?: Parameters<Ctx["t"]>[1]) => ctx.t(key, args);
  const what = job.kind === "reminder" ? ctx.t("bc-list-reminders") : describeSegment(t, job.segment!);
  const head = ctx.t("bc-list-head", { id: job.id, state: raw(ctx.t(`bc-state-${job.state}`)), what: raw(what) });
  const details: Markup[] = [];
  if (job.content) details.push(ctx.t("bc-list-excerpt", { text: job.content.text.length > 80 ? `${job.content.text.slice(0, 80)}…` : job.content.text }));
  if (job.state === "scheduled" && job.scheduledAt) details.push(ctx.t("bc-list-scheduled", { when: formatDateTime(job.scheduledAt, ctx.locale) }));
  if (job.total !== null) details.push(ctx.t("bc-list-progress", { sent: job.counts.sent, planned: job.planned ?? job.total, skipped: job.total - (job.planned ?? job.total) }));
  if (job.finishedAt) details.push(ctx.t("bc-list-finished", { when: formatDateTime(job.finishedAt, ctx.locale) }));
  if (job.note) details.push(ctx.t(`bc-note-${job.note}`));
  return joinMarkup([head, ...details]);
}

function actions(ctx: Ctx, job: Job): Button[] {
  const b = (key: string, action: JobAction): Button => ({ label: toPlainText(ctx.t(key, { id: job.id })), data: jobsButton.encode([action, job.id]) });
  if (job.state === "running" || job.state === "scheduled") return [b("bc-button-pause", "pause"), b("bc-button-cancel-job", "cancel")];
  if (job.state === "paused") return [b("bc-button-resume", "resume"), b("bc-button-cancel-job", "cancel")];
  return [];
}

/** /dsthongbao: the latest jobs, with pause / resume / cancel for those still going. */
export async function listJobs(ctx: Ctx): Promise<Turn> {
  const jobs = await ctx.services.broadcasts.list(SHOWN);
  if (jobs.length === 0) return say(ctx.t("bc-list-empty"));
  const buttons = jobs.map((j) => actions(ctx, j)).filter((row) => row.length > 0);
  return say(joinMarkup([ctx.t("bc-list-intro", { count: jobs.length }), ...jobs.map((j) => line(ctx, j))], "\n\n"), buttons);
}

const AUDITED = { "bc-job-paused": "broadcastPaused", "bc-job-resumed": "broadcastResumed", "bc-job-cancelled": "broadcastCancelled" } as const;

async function done(ctx: Ctx, result: JobOutcome, key: keyof typeof AUDITED): Promise<Turn> {
  if (!result.ok) return say(ctx.t(result.error.key, result.error.args));
  await auditBroadcast(ctx, AUDITED[key], result.job.id);
  return say(ctx.t(key, { id: result.job.id }));
}

export const jobsRoute: ButtonRoute<Services> = buttonRoute({
  codec: jobsButton,
  audience: "official",
  async handle(ctx, [action, id]) {
    // Checked again at the moment of acting, whatever the dispatcher saw.
    const role = await ctx.services.roles.roleOf(ctx.user);
    if (!allowed("official", role)) return say(ctx.t("bc-not-allowed"));
    const by = { channel: ctx.user.channel, id: ctx.user.id };
    const { broadcasts } = ctx.services;
    switch (action) {
      case "pause":
        return done(ctx, await broadcasts.pause(id, by, ctx.now), "bc-job-paused");
      case "resume": {
        const result = await broadcasts.resume(id, by, ctx.now);
        if (result.ok && result.job.state === "scheduled") {
          await auditBroadcast(ctx, "broadcastResumed", id);
          return say(ctx.t("bc-job-resumed-scheduled", { id, when: formatDateTime(result.job.scheduledAt!, ctx.locale) }));
        }
        return done(ctx, result, "bc-job-resumed");
      }
      case "cancel": {
        const job = await broadcasts.get(id);
        if (!job) return say(ctx.t("bc-job-not-found", { id }));
        return say(ctx.t("bc-confirm-cancel", { id, sent: job.counts.sent }), [
          [
            { label: toPlainText(ctx.t("bc-button-cancel-confirm", { id })), data: jobsButton.encode(["cancelok", id]) },
            { label: toPlainText(ctx.t("bc-button-keep", { id })), data: commandButton.encode(["dsthongbao"]) },
          ],
        ]);
      }
      case "cancelok":
        return done(ctx, await broadcasts.cancel(id, by, ctx.now), "bc-job-cancelled");
    }
  },
});
