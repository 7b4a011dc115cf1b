import type { MessageRef } from "../../core/i18n.js";
import { userKeyOf, type UserRef } from "../../core/types.js";
import type { AnnouncementContent, Segment } from "../../domain/broadcast.js";
import { zeroCounts, type Job } from "../../domain/records/broadcast-job.js";
import type { Transactions } from "../../store/port.js";
import type { BroadcastJobsRepository, CountersRepository } from "../../store/repositories.js";

export type JobOutcome = { ok: true; job: Job } | { ok: false; error: MessageRef };

export interface NewAnnouncement {
  content: AnnouncementContent;
  segment: Segment;
  createdBy: UserRef;
  /** null = send now. */
  scheduledAt: string | null;
}

export interface Broadcasts {
  createAnnouncement(input: NewAnnouncement, now: Date): Promise<Job>;
  createReminders(now: Date): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  /** Newest first. */
  list(limit?: number): Promise<Job[]>;
  /** Jobs to send now, oldest first. */
  runnable(): Promise<Job[]>;
  /** Cancelled jobs whose end was not reported yet. */
  cancelledUnsettled(): Promise<Job[]>;
  /** Scheduled jobs whose time has come. */
  due(now: Date): Promise<Job[]>;
  pause(id: string, by: UserRef, now: Date): Promise<JobOutcome>;
  resume(id: string, by: UserRef, now: Date): Promise<JobOutcome>;
  cancel(id: string, by: UserRef, now: Date): Promise<JobOutcome>;
  /** A scheduled job's time came: it runs. */
  start(id: string, now: Date): Promise<JobOutcome>;
  /**
   * The runner's own changes (listing, counts, the end): `change` sees the job as it is now, under
   * its lock, and returns the new job or undefined to leave it.
   */
  update(id: string, change: (job: Job) => Job | undefined): Promise<Job | undefined>;
  /** Told after each committed change (the runner wakes up on it). */
  subscribe(listener: (job: Job) => void): () => void;
}

const formatId = (prefix: "TB" | "NH", n: number) => `${prefix}-${String(n).padStart(4, "0")}`;
/** More than anyone reads in a list of announcements. */
const LIST_LIMIT = 200;

export function createBroadcasts(repo: BroadcastJobsRepository, counters: CountersRepository, tx: Pick<Transactions, "afterCommit">): Broadcasts {
  const listeners = new Set<(job: Job) => void>();
  const told = (job: Job): Job => {
    // The runner reads the job in its own unit: wake it only once this change is visible.
    tx.afterCommit(() => {
      for (const listener of listeners) listener(job);
    });
    return job;
  };
  const notFound = (id: string): JobOutcome => ({ ok: false, error: { key: "bc-job-not-found", args: { id } } });
  const record = (job: Job, by: string, action: Job["history"][number]["action"], now: Date): Job["history"] =>
    [...job.history, { at: now.toISOString(), by, action }].slice(-100);

  /** Changes a job under its lock; `step` returns the new job or an error. */
  const change = async (id: string, step: (job: Job) => Job | MessageRef): Promise<JobOutcome> => {
    let refused: MessageRef | null = null;
    const saved = await repo.update(id, (job) => {
      if (!job) return undefined;
      const next = step(job);
      if ("key" in next) {
        refused = next;
        return undefined;
      }
      return next;
    });
    if (refused) return { ok: false, error: refused };
    return saved ? { ok: true, job: told(saved) } : notFound(id);
  };

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
    async createAnnouncement(input, now) {
      const id = formatId("TB", await counters.next("broadcast", 0));
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
      return told(await repo.put(id, job));
    },
    async createReminders(now) {
      const job = blank(formatId("NH", await counters.next("reminder", 0)), "reminder", now);
      return told(await repo.put(job.id, { ...job, history: [{ at: now.toISOString(), by: "system", action: "created" }] }));
    },
    get: (id) => repo.get(id),
    list: (limit = LIST_LIMIT) => repo.list(limit),
    runnable: () => repo.inStates(["running"]),
    cancelledUnsettled: async () => (await repo.inStates(["cancelled"])).filter((j) => j.finishedAt === null),
    due: (now) => repo.dueScheduled(now.toISOString()),
    pause: (id, by, now) =>
      change(id, (job) =>
        job.state !== "running" && job.state !== "scheduled" ? { key: "bc-job-cannot-pause", args: { id } } : { ...job, state: "paused", history: record(job, userKeyOf(by), "paused", now) },
      ),
    resume: (id, by, now) =>
      change(id, (job) => {
        if (job.state !== "paused") return { key: "bc-job-cannot-resume", args: { id } };
        // A scheduled job paused before its time waits for it again.
        const waiting = job.startedAt === null && job.scheduledAt !== null && Date.parse(job.scheduledAt) > now.getTime();
        return { ...job, state: waiting ? "scheduled" : "running", note: null, history: record(job, userKeyOf(by), "resumed", now) };
      }),
    cancel: (id, by, now) =>
      change(id, (job) =>
        job.state === "done" || job.state === "cancelled" ? { key: "bc-job-cannot-cancel", args: { id } } : { ...job, state: "cancelled", history: record(job, userKeyOf(by), "cancelled", now) },
      ),
    start: (id, now) => change(id, (job) => (job.state !== "scheduled" ? { key: "bc-job-cannot-resume", args: { id } } : { ...job, state: "running", history: record(job, "system", "started", now) })),
    async update(id, step) {
      let changed = false;
      const saved = await repo.update(id, (job) => {
        const next = job ? step(job) : undefined;
        changed = next !== undefined;
        return next;
      });
      return saved && changed ? told(saved) : saved;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
