import { z } from "zod";
import type { MessageRef } from "../../core/i18n.js";
import { CHANNELS, userKeyOf, type UserRef } from "../../core/types.js";
import { announcementContentSchema, segmentSchema, type AnnouncementContent, type Segment } from "../../domain/broadcast.js";
import type { Collection } from "../../store/collection.js";
import { defineCollection } from "../../store/collection.js";
import type { Counters } from "../counters.js";

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
 * deliveries.ts; `total` and `counts` are a summary refreshed with the progress reports.
 */
export const jobSchema = z
  .object({
    id: z.string().regex(JOB_ID_PATTERN),
    /** An official's announcement, or the system's dossier-deadline reminders. */
    kind: z.enum(["announcement", "reminder"]),
    createdAt: iso,
    createdBy: z.object({ channel: z.enum(CHANNELS), id: z.string().min(1).max(128) }).nullable(),
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

/** A record per job (a few hundred a year at most), so a handful of shards is plenty. */
export const jobsCollection = defineCollection({ name: "broadcasts", version: 1, record: jobSchema, shards: 8 });

export type JobOutcome = { ok: true; job: Job } | { ok: false; error: MessageRef };

export interface NewAnnouncement {
  content: AnnouncementContent;
  segment: Segment;
  createdBy: UserRef;
  /** null = send now. */
  scheduledAt: string | null;
}

export interface Broadcasts {
  createAnnouncement(input: NewAnnouncement, now: Date): Job;
  createReminders(now: Date): Job;
  get(id: string): Job | undefined;
  /** Newest first. */
  list(): Job[];
  /** Jobs to send now, oldest first. */
  runnable(): Job[];
  /** Scheduled jobs whose time has come. */
  due(now: Date): Job[];
  pause(id: string, by: UserRef, now: Date): JobOutcome;
  resume(id: string, by: UserRef, now: Date): JobOutcome;
  cancel(id: string, by: UserRef, now: Date): JobOutcome;
  /** A scheduled job's time came: it runs. */
  start(id: string, now: Date): JobOutcome;
  /** The runner's own changes (listing, counts, the end). */
  save(job: Job): Job;
  /** Told synchronously of every change (the runner wakes up on it). */
  subscribe(listener: (job: Job) => void): () => void;
}

const formatId = (prefix: "TB" | "NH", n: number) => `${prefix}-${String(n).padStart(4, "0")}`;

export function createBroadcasts(collection: Collection<Job>, counters: Counters): Broadcasts {
  const listeners = new Set<(job: Job) => void>();
  const save = (job: Job): Job => {
    const saved = collection.set(job.id, job);
    for (const listener of listeners) listener(saved);
    return saved;
  };
  const notFound = (id: string): JobOutcome => ({ ok: false, error: { key: "bc-job-not-found", args: { id } } });
  const record = (job: Job, by: string, action: Job["history"][number]["action"], now: Date): Job["history"] =>
    [...job.history, { at: now.toISOString(), by, action }].slice(-100);

  const blank = (id: string, kind: Job["kind"], now: Date): Job => ({
    id,
    kind,
    createdAt: now.toISOString(),
    createdBy: null,
    content: null,
    segment: null,
    state: "running",
    scheduledAt: null,
    startedAt: null,
    finishedAt: null,
    total: null,
    planned: null,
    counts: zeroCounts(),
    progressHandle: null,
    history: [],
    note: null,
  });

  return {
    createAnnouncement(input, now) {
      const id = formatId("TB", counters.next("broadcast"));
      const by = userKeyOf(input.createdBy);
      const job: Job = {
        ...blank(id, "announcement", now),
        createdBy: { channel: input.createdBy.channel, id: input.createdBy.id },
        content: input.content,
        segment: input.segment,
        state: input.scheduledAt ? "scheduled" : "running",
        scheduledAt: input.scheduledAt,
        history: [{ at: now.toISOString(), by, action: input.scheduledAt ? "scheduled" : "created" }],
      };
      return save(job);
    },
    createReminders(now) {
      const job = blank(formatId("NH", counters.next("reminder")), "reminder", now);
      return save({ ...job, history: [{ at: now.toISOString(), by: "system", action: "created" }] });
    },
    get: (id) => collection.get(id),
    list: () => [...collection.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1)),
    runnable: () =>
      [...collection.values()]
        .filter((j) => j.state === "running")
        .sort((a, b) => ((a.startedAt ?? a.createdAt) < (b.startedAt ?? b.createdAt) ? -1 : 1)),
    due: (now) => [...collection.values()].filter((j) => j.state === "scheduled" && j.scheduledAt !== null && Date.parse(j.scheduledAt) <= now.getTime()),
    pause(id, by, now) {
      const job = collection.get(id);
      if (!job) return notFound(id);
      if (job.state !== "running" && job.state !== "scheduled") return { ok: false, error: { key: "bc-job-cannot-pause", args: { id } } };
      return { ok: true, job: save({ ...job, state: "paused", history: record(job, userKeyOf(by), "paused", now) }) };
    },
    resume(id, by, now) {
      const job = collection.get(id);
      if (!job) return notFound(id);
      if (job.state !== "paused") return { ok: false, error: { key: "bc-job-cannot-resume", args: { id } } };
      // A scheduled job paused before its time waits for it again.
      const waiting = job.startedAt === null && job.scheduledAt !== null && Date.parse(job.scheduledAt) > now.getTime();
      return { ok: true, job: save({ ...job, state: waiting ? "scheduled" : "running", note: null, history: record(job, userKeyOf(by), "resumed", now) }) };
    },
    cancel(id, by, now) {
      const job = collection.get(id);
      if (!job) return notFound(id);
      if (job.state === "done" || job.state === "cancelled") return { ok: false, error: { key: "bc-job-cannot-cancel", args: { id } } };
      return { ok: true, job: save({ ...job, state: "cancelled", history: record(job, userKeyOf(by), "cancelled", now) }) };
    },
    start(id, now) {
      const job = collection.get(id);
      if (!job) return notFound(id);
      if (job.state !== "scheduled") return { ok: false, error: { key: "bc-job-cannot-resume", args: { id } } };
      return { ok: true, job: save({ ...job, state: "running", history: record(job, "system", "started", now) }) };
    },
    save,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
