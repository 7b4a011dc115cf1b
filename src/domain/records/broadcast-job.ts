import { z } from "zod";
import { announcementContentSchema, segmentSchema } from "../broadcast.js";
import { channelNameSchema } from "../../core/events.js";

/** How a recipient's delivery ended. `uncertain`: in flight when the process died — never re-sent. */
export const FINAL_RESULTS = ["sent", "failed", "blocked", "unreachable", "unsubscribed", "uncertain", "obsolete"] as const;
export type FinalResult = (typeof FINAL_RESULTS)[number];

export const countsSchema = z.object(Object.fromEntries(FINAL_RESULTS.map((r) => [r, z.number().int().min(0)])) as Record<FinalResult, z.ZodNumber>);
export type Counts = Record<FinalResult, number>;
export const zeroCounts = (): Counts => Object.fromEntries(FINAL_RESULTS.map((r) => [r, 0])) as Counts;

export const JOB_STATES = ["scheduled", "running", "paused", "done", "cancelled"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_ID_PATTERN = /^(TB|NH)-\d{4,}$/;
const iso = z.iso.datetime();

/**
 * A broadcast job: what is sent to whom and where it stands. Per-recipient states are not here
 * (a job may have tens of thousands): they are in the job's own append-only file, see
 * delivery.ts; `total` and `counts` are a summary refreshed with the progress reports.
 */
export const jobSchema = z
  .object({
    id: z.string().regex(JOB_ID_PATTERN),
    /** An official's announcement, or the system's dossier-deadline reminders. */
    kind: z.enum(["announcement", "reminder"]),
    createdAt: iso,
    createdBy: z.object({ channel: channelNameSchema, id: z.string().min(1).max(128) }).nullable(),
    content: announcementContentSchema.nullable(),
    segment: segmentSchema.nullable(),
    state: z.enum(JOB_STATES),
    scheduledAt: iso.nullable(),
    /** When the recipients were listed (the job's first run). */
    startedAt: iso.nullable(),
    finishedAt: iso.nullable(),
    total: z.number().int().min(0).nullable(),
    /** Of those, the ones to be sent (the rest were settled when listed: not subscribed, blocked, unreachable). */
    planned: z.number().int().min(0).nullable(),
    counts: countsSchema,
    /** The creator's progress message, replaced in place where the channel can. */
    progressHandle: z.string().max(64).nullable(),
    history: z
      .array(z.object({ at: iso, by: z.string().min(1).max(200), action: z.enum(["created", "scheduled", "started", "paused", "resumed", "cancelled", "finished", "refused"]) }))
      .max(100),
    /** Why a job ended without sending: its creator was no longer an official when it started. */
    note: z.enum(["creator-not-official", "failed"]).nullable(),
  })
  .refine((j) => (j.kind === "announcement") === (j.content !== null && j.segment !== null), "an announcement has content and a segment");
export type Job = z.infer<typeof jobSchema>;
