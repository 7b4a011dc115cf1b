import { allowed } from "../../core/feature.js";
import type { Translator } from "../../core/i18n.js";
import type { Logger } from "../../core/log.js";
import type { Outbox } from "../../core/outbox.js";
import { userKeyOf, type Locale, type OutboundMessage, type UserRef } from "../../core/types.js";
import { announcementMessage, type AnnouncementContent, type Segment } from "../../domain/broadcast.js";
import type { FinalResult, Job } from "../../domain/records/broadcast-job.js";
import type { Recipient } from "../../domain/records/delivery.js";
import { reminderKey } from "../../domain/records/reminder.js";
import { hourInVietnam } from "../../domain/vietnam-time.js";
import type { Storage } from "../../store/port.js";
import type { Claim, DeliverySummary, ListedRecipient } from "../../store/repositories.js";
import type { Services } from "../index.js";
import type { Purpose } from "./audience.js";
import { announcementFrame, finalReport, progressText, reminderMessage, textsIn, type T } from "./notices.js";
import { dueReminders } from "./reminders.js";
import { LimiterStopped, SendLimiter, type Grant } from "./send-limiter.js";

/**
 * What the runner needs of the bot. The composition root passes its App, which has all of it;
 * the runner is a background service and never reaches for the app itself.
 */
export interface BroadcastHost {
  readonly config: { readonly BROADCAST_RATE: number; readonly REMINDER_DAYS_BEFORE: number; readonly DEFAULT_LOCALE: Locale };
  readonly storage: Storage;
  readonly services: Pick<Services, "broadcasts" | "audience" | "submissions" | "submissionRecords" | "subscriptions" | "roles" | "province" | "dossierItems">;
  readonly outbox: Outbox;
  readonly translator: Translator;
  readonly log: Logger;
}

export interface BroadcastRunnerOptions {
  /** Dates written in records, schedules and reminders (tests: a fake clock). */
  clock?: () => Date;
  /** Messages per second over all chats (default BROADCAST_RATE). */
  rate?: number;
  /** Sends in flight at once (default from the rate, see broadcastConcurrency). */
  concurrency?: number;
  progressEveryMs?: number;
  /** How often scheduled jobs and reminders are looked at. */
  tickEveryMs?: number;
  /** Retries after an error other than 429/403, waiting retryBaseMs, then twice that… up to retryMaxMs. */
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  reminderDaysBefore?: number;
  /** Reminders go out between these hours, Vietnam time (from inclusive, to exclusive). */
  reminderHours?: readonly [number, number];
}

export interface BroadcastRunner {
  /** Finishes what a previous run left, fires due scheduled jobs, and keeps looking. */
  start(): void;
  /** Looks at scheduled jobs (and reminders, at most every 10 minutes) now. */
  tick(): Promise<void>;
  /** Creates the reminder job for what is due now, if anything; returns it. */
  checkReminders(): Promise<Job | null>;
  /** Resolves when no job is running in this process. */
  idle(): Promise<void>;
  /** Lets sends in flight finish and records them; running jobs resume at the next start. */
  stop(): Promise<void>;
  readonly concurrency: number;
  /** Failures of this runner's background work (ticks, jobs, progress, putting a recipient back), each logged with its job. */
  readonly backgroundFailures: number;
}

/**
 * One message a second per chat, plus room for what runs between our send and the request leaving
 * (other sends' work on the event loop: a few milliseconds, more on a busy machine).
 */
const PER_CHAT_GAP_MS = 1050;

/** While sends of another instance are in flight, how often this one looks whether the job can end. */
const LOOK_AGAIN_MS = 1000;

/**
 * A lane waiting for a retry's time looks at the job at least this often: a pause or cancel on
 * another instance is not announced here (one in this process wakes the lanes at once).
 */
const MAX_WAIT_MS = 2000;

/** Reminders are looked for at most this often (tick), or when asked (checkReminders). */
const REMINDERS_EVERY_MS = 10 * 60 * 1000;

/**
 * Enough sends in flight to keep the rate when a call and its commit take up to ~200 ms (a busy
 * machine, a slow network), and no more: after a crash each one in flight may be reported
 * uncertain. 25/s → 5, 200/s → 40.
 */
export function broadcastConcurrency(rate: number): number {
  return Math.min(64, Math.max(2, Math.ceil(rate / 5)));
}

/**
 * The pace of a process: one limiter per storage and rate, shared by every runner on that storage
 * (one in the bot; tests run two side by side). Across processes, `coordination.takeSendSlot`
 * shares the rate; the JSON backend is one process, where this limiter alone keeps it.
 */
const limiters = new WeakMap<object, Map<number, { limiter: SendLimiter; users: number }>>();

function shareLimiter(owner: object, rate: number): { limiter: SendLimiter; release(): void } {
  let byRate = limiters.get(owner);
  if (!byRate) limiters.set(owner, (byRate = new Map()));
  const rates = byRate;
  let entry = rates.get(rate);
  if (!entry) rates.set(rate, (entry = { limiter: new SendLimiter({ perSecond: rate, perChatGapMs: PER_CHAT_GAP_MS }), users: 0 }));
  const held = entry;
  held.users++;
  let released = false;
  return {
    limiter: held.limiter,
    release() {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      held.limiter.stop();
      rates.delete(rate);
    },
  };
}

interface JobRun {
  id: string;
  purpose: Purpose;
  /** The announcement (the same text for everyone, framed in each one's language); null for reminders, written per recipient. */
  content: AnnouncementContent | null;
  /** Recipients to be sent (not settled when listed). */
  planned: number;
  /** A lane failed: the others stop claiming. */
  failed: boolean;
}

type SendClaim = Extract<Claim, { kind: "send" }>;
/** What became of a claimed recipient, recorded in the lane's next unit of work. */
type Settlement = () => Promise<void>;

/** Thrown inside the reminders' unit of work to drop the job when another instance took every reminder. */
class NothingToRemind extends Error {}

/**
 * Sends broadcast jobs, one job at a time, through the deliveries repository — so that several
 * instances on one database can send the same job. Exactly once per recipient: a recipient is
 * claimed (put in flight by this instance) in a unit of work committed BEFORE the send; its result
 * is recorded after it. A recipient still in flight when its instance stopped is reported
 * uncertain, never sent again.
 *
 * Each lane: claim (commit) → classify again → this process's limiter and a send slot shared by
 * every instance → send → settle, or send again later (429, errors), recorded in the unit that
 * also claims the lane's next recipient. A job is listed once (under a named lock), finished and
 * reported once (the job's change from running to done happens once).
 */
export function createBroadcastRunner(app: BroadcastHost, options: BroadcastRunnerOptions = {}): BroadcastRunner {
  const { storage, services, outbox, translator, log } = app;
  const { deliveries, reminders } = storage.repos;
  const { coordination } = storage;
  const jobs = services.broadcasts;
  const audience = services.audience;
  const clock = options.clock ?? (() => new Date());
  const rate = options.rate ?? app.config.BROADCAST_RATE;
  const concurrency = options.concurrency ?? broadcastConcurrency(rate);
  const progressEveryMs = options.progressEveryMs ?? 5000;
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 2000;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const daysBefore = options.reminderDaysBefore ?? app.config.REMINDER_DAYS_BEFORE;
  const [fromHour, toHour] = options.reminderHours ?? [8, 20];
  const shared = shareLimiter(storage, rate);
  const limiter = shared.limiter;

  let started = false;
  let stopped = false;
  let loop: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let lastReminderCheck = -Infinity;
  /** Ticks and reminder checks under way (stop waits for them). */
  const busy = new Set<Promise<unknown>>();
  /** This runner's callers waiting for the shared limiter: rejected when it stops. */
  const waiting = new Set<(error: Error) => void>();
  const stopping = deferred();
  // Lanes waiting for a retry's time wake early when a job changes (paused, cancelled) or on stop.
  let nudge = deferred();
  const nudgeLanes = () => {
    const current = nudge;
    nudge = deferred();
    current.resolve();
  };
  // Told after each committed change of a job made in this process (other instances' changes are
  // seen when the lanes read the job before each claim).
  const unsubscribe = jobs.subscribe(() => {
    wake();
    nudgeLanes();
  });

  const creatorOf = (job: Job): UserRef | null => (job.createdBy ? { channel: job.createdBy.channel, id: job.createdBy.id } : null);
  const purposeOf = (job: Job): Purpose => (job.kind === "announcement" ? "announcement" : "reminder");
  const listLock = (id: string) => `broadcast-list:${id}`;

  /** Background work that failed: logged with what it was (ids only, never texts) and counted. */
  let backgroundFailures = 0;
  const failed = (message: string, fields: Record<string, unknown>, level: "warn" | "error" = "error") => {
    backgroundFailures++;
    log[level](message, { ...fields, failures: backgroundFailures });
  };

  /** Runs `work` once it is tracked, so stop() can wait for it. */
  const tracked = <R>(work: () => Promise<R>): Promise<R> => {
    const run = work();
    busy.add(run);
    // `run` itself goes back to the caller, who handles its failure; this copy only untracks it.
    void run.finally(() => busy.delete(run)).catch(() => undefined);
    return run;
  };

  /**
   * Changes the job under its lock (inside the caller's unit of work) when `step` returns a new
   * job; resolves to the job when THIS call changed it, else null — so what follows a change
   * (a report, a refusal) happens once, whichever instance gets there first.
   */
  const changeJob = async (id: string, step: (job: Job) => Job | undefined): Promise<Job | null> => {
    let changed = false;
    const saved = await jobs.update(id, (job) => {
      const next = step(job);
      changed = next !== undefined;
      return next;
    });
    return changed && saved ? saved : null;
  };

  /** A grant of this process's limiter; rejects with LimiterStopped once this runner stops. */
  const takeLocal = (chat: string): Promise<Grant> =>
    new Promise<Grant>((resolve, reject) => {
      if (stopped) return reject(new LimiterStopped());
      const cancel = (error: Error) => reject(error);
      waiting.add(cancel);
      limiter.take(chat).then(
        (grant) => {
          // Stopped meanwhile: the grant goes unused.
          if (waiting.delete(cancel)) resolve(grant);
        },
        (error: unknown) => {
          waiting.delete(cancel);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });

  /**
   * Waits until a message to `chat` may leave: this process's pace (rate, one a second per chat,
   * a 429's pause) and one of the `rate` send slots of the current second shared by every
   * instance. null when the runner stops meanwhile.
   */
  const pace = async (chat: string): Promise<Grant | null> => {
    let grant: Grant;
    try {
      grant = await takeLocal(chat);
    } catch (error) {
      if (error instanceof LimiterStopped) return null;
      throw error;
    }
    for (;;) {
      if (stopped) return null;
      const ms = await coordination.takeSendSlot(rate);
      if (ms <= 0) return grant;
      await sleepUnless(ms, stopping.promise);
    }
  };

  /** Says something to the job's creator in their language; the progress message is replaced in place. */
  const tellCreator = async (job: Job, text: (t: T) => OutboundMessage["text"], replace: boolean): Promise<void> => {
    const creator = creatorOf(job);
    if (!creator) return;
    const key = userKeyOf(creator);
    const t = textsIn(translator, await audience.localeOf(key));
    const before = replace ? ((await jobs.get(job.id))?.progressHandle ?? null) : null;
    const grant = await pace(key);
    if (!grant) return;
    grant.sending();
    if (replace) {
      const { outcome, handle } = await outbox.sendReplaceable(creator.channel, creator.id, { text: text(t) }, before);
      if (!outcome.ok) log.info("broadcast progress not delivered", { job: job.id, reason: outcome.reason });
      if (handle !== before) await storage.unit(() => changeJob(job.id, (j) => (j.progressHandle === handle ? undefined : { ...j, progressHandle: handle })));
    } else {
      const outcome = await outbox.send(creator.channel, creator.id, [{ text: text(t) }]);
      if (!outcome.ok) log.info("broadcast report not delivered", { job: job.id, reason: outcome.reason });
    }
  };

  /** Sends in flight from an instance that is gone (on JSON: the previous run of this process) become uncertain. */
  const abandonDead = async (id: string): Promise<void> => {
    const live = [...new Set([...(await coordination.liveInstances()), coordination.instanceId])];
    const count = await storage.unit(() => deliveries.abandonInFlight(id, live, clock()));
    if (count > 0) log.warn("broadcast: sends in flight when their instance stopped are reported uncertain", { job: id, count });
  };

  /** The job's delivery summary as committed (waits while another instance writes its list); null: not listed. */
  const listedSummary = (id: string): Promise<DeliverySummary | null> =>
    storage.unit(async () => {
      await storage.lock(listLock(id));
      return deliveries.summary(id);
    });

  /** An announcement's recipients, read and classified a slice at a time. */
  const announcementList = async (segment: Segment, purpose: Purpose): Promise<ListedRecipient[]> => {
    const list: ListedRecipient[] = [];
    for await (const slice of audience.members(segment)) {
      const classified = await audience.classifyMany(slice, purpose);
      slice.forEach((m, i) => {
        const c = classified[i]!;
        list.push({ ch: m.channel, id: m.id, loc: m.locale, ...(c.ok ? {} : { skip: c.reason }) });
      });
    }
    return list;
  };

  /** Reminders: the submissions recorded for this job, one message per owner (in user-key order). */
  const reminderList = async (jobId: string, purpose: Purpose): Promise<ListedRecipient[]> => {
    const codes = (await reminders.ofJob(jobId)).map((key) => key.slice(0, key.indexOf("@")));
    const found = await services.submissionRecords.getMany(codes);
    const byOwner = new Map<string, Recipient>();
    for (const code of codes) {
      const s = found.get(code);
      if (!s) continue;
      const existing = byOwner.get(s.owner.userKey);
      if (existing) existing.codes = [...(existing.codes ?? []), s.code].slice(0, 20);
      else byOwner.set(s.owner.userKey, { ch: s.owner.channel, id: s.owner.userId, loc: await audience.localeOf(s.owner.userKey, s.owner.locale), codes: [s.code] });
    }
    const owners = [...byOwner].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const classified = await audience.classifyMany(
      owners.map(([userKey, r]) => ({ userKey, channel: r.ch, id: r.id })),
      purpose,
    );
    return owners.map(([, r], i) => {
      const c = classified[i]!;
      return { ...r, ...(c.ok ? {} : { skip: c.reason }) };
    });
  };

  /** A job whose creator is no longer an official when it starts: cancelled, and the creator told (once). */
  const refuse = async (id: string): Promise<void> => {
    const now = clock().toISOString();
    const refused = await storage.unit(async () => {
      await storage.lock(listLock(id));
      if (await deliveries.summary(id)) return null;
      return changeJob(id, (j) =>
        j.state === "running"
          ? { ...j, state: "cancelled", note: "creator-not-official", finishedAt: now, total: 0, planned: 0, history: [...j.history, { at: now, by: "system", action: "refused" as const }].slice(-100) }
          : undefined,
      );
    });
    if (refused) await tellCreator(refused, (t) => t("bc-refused-not-official", { id }), false);
  };

  /**
   * Who a job goes to, written once at its first run (those not to be sent are settled at once).
   * The audience is read a slice at a time, but `deliveries.list` takes the whole list in one unit
   * of work (~25,000 recipients take a few MB); a national list should be written in slices.
   * null: not listed (the creator was refused, or the job stopped running meanwhile).
   */
  const listRecipients = async (job: Job): Promise<DeliverySummary | null> => {
    const creator = creatorOf(job);
    // The creator must still be an official when the job starts (a scheduled one may start days later).
    if (creator && !allowed("official", await services.roles.roleOf(creator))) {
      await refuse(job.id);
      return null;
    }
    const purpose = purposeOf(job);
    const list = job.kind === "announcement" && job.segment ? await announcementList(job.segment, purpose) : await reminderList(job.id, purpose);
    const now = clock().toISOString();
    // One instance lists the job: the others wait for the lock, then find the list.
    return storage.unit(async () => {
      await storage.lock(listLock(job.id));
      const existing = await deliveries.summary(job.id);
      if (existing) return existing;
      if ((await jobs.get(job.id))?.state !== "running") return null;
      const summary = await deliveries.list(job.id, list);
      await jobs.update(job.id, (j) => ({
        ...j,
        startedAt: now,
        total: summary.total,
        planned: summary.total - summary.skippedAtListing,
        counts: summary.counts,
        history: [...j.history, { at: now, by: "system", action: "started" as const }].slice(-100),
      }));
      return summary;
    });
  };

  /** The messages for one recipient of a reminder job: null when none of its submissions awaits the dossier any more. */
  const reminderFor = async (r: Recipient): Promise<OutboundMessage[] | null> => {
    const message = await reminderMessage(textsIn(translator, r.loc), r.loc, r, services.submissions, services.province, clock(), services.dossierItems);
    return message ? [message] : null;
  };

  /** Sends to a claimed recipient (already on record as in flight); returns how to record what happened. */
  const deliver = async (run: JobRun, c: SendClaim): Promise<Settlement> => {
    const { index, recipient: r, attempt } = c;
    const settle = (result: FinalResult, detail?: string): Settlement => {
      const at = clock();
      return () => deliveries.settle(run.id, index, result, at, detail);
    };
    const sendAgain =
      (why: "rate-limited" | "error" | "stopped", retryAt: Date, detail?: string): Settlement =>
      () =>
        deliveries.again(run.id, index, attempt, why, retryAt, detail);
    const userKey = userKeyOf({ channel: r.ch, id: r.id });
    // Subscriptions, blocks and Zalo's window may have changed since the list was made.
    const classified = await audience.classify({ userKey, channel: r.ch, id: r.id }, run.purpose);
    if (!classified.ok) return settle(classified.reason);
    const messages = run.content ? [announcementMessage(run.content, announcementFrame(textsIn(translator, r.loc), services.province))] : await reminderFor(r);
    if (!messages) return settle("obsolete");
    const grant = await pace(userKey);
    // Stopping before it left: not sent, so it goes later (here after a restart, or on another instance).
    if (!grant) return sendAgain("stopped", new Date());
    grant.sending();
    const outcome = await outbox.send(r.ch, r.id, messages);
    if (outcome.ok) return settle("sent");
    switch (outcome.reason) {
      case "blocked":
        return settle("blocked");
      case "unreachable":
        return settle("unreachable", outcome.detail);
      case "rate-limited":
        // Telegram refused it: not delivered. Everyone here waits, then this one goes again.
        limiter.pause(outcome.retryAfterSeconds * 1000);
        log.warn("broadcast: rate limited by the platform", { job: run.id, channel: r.ch, retryAfterSeconds: outcome.retryAfterSeconds });
        return sendAgain("rate-limited", new Date());
      case "failed": {
        const errors = c.errors + 1;
        if (errors > retries) return settle("failed", outcome.detail);
        return sendAgain("error", new Date(Date.now() + Math.min(retryMaxMs, retryBaseMs * 2 ** (errors - 1))), outcome.detail);
      }
    }
  };

  /**
   * One lane: claims a recipient, sends, and records the result in the same unit of work that
   * claims the next one (one commit per send). Retry times are real time (Date), not the clock.
   */
  const lane = async (run: JobRun): Promise<void> => {
    let settlement: Settlement | null = null;
    for (;;) {
      // A pause or cancel — here or on another instance — stops the lane before its next claim.
      const go = !stopped && !run.failed && (await jobs.get(run.id))?.state === "running";
      const recorded: Settlement | null = settlement;
      const claim: Claim | null = await storage.unit(async () => {
        if (recorded) await recorded();
        return go ? deliveries.claim(run.id, new Date(), coordination.instanceId) : null;
      });
      settlement = null;
      if (!claim || claim.kind === "none") return;
      if (claim.kind === "wait") {
        await sleepUnless(Math.min(claim.ms, MAX_WAIT_MS), nudge.promise);
        continue;
      }
      // On record as in flight: a crash from here on leaves this recipient uncertain, never sent twice.
      try {
        settlement = await deliver(run, claim);
      } catch (error) {
        // Failed before anything left (sends never throw): it goes again later — or, if even that
        // cannot be recorded, the recipient stays claimed and is reported uncertain, never sent twice.
        await storage
          .unit(() => deliveries.again(run.id, claim.index, claim.attempt, "stopped", new Date()))
          .catch((cause: unknown) => failed("broadcast: a recipient could not be put back; it will be reported uncertain", { job: run.id, index: claim.index, error: String(cause) }));
        throw error;
      }
    }
  };

  /** The creator's progress message, from one instance (the first of those alive), so it is not edited twice as often. */
  const reportProgress = async (run: JobRun): Promise<void> => {
    const live = await coordination.liveInstances();
    if (live.length > 1 && [...live].sort()[0] !== coordination.instanceId) return;
    const summary = await deliveries.summary(run.id);
    if (!summary) return;
    const current = await storage.unit(() => changeJob(run.id, (j) => (j.state === "running" ? { ...j, counts: summary.counts } : undefined)));
    if (!current) return;
    await tellCreator(current, (t) => progressText(t, current, summary.counts, run.planned, limiter.pausedFor / 1000), true);
  };

  /**
   * Ends the job once: done when every recipient is settled, or cancelled with what was left
   * unsent — and reports it. Only the instance whose change ends the job reports.
   */
  const finish = async (id: string): Promise<void> => {
    const now = clock();
    const ended = await storage.unit(async () => {
      const summary = await deliveries.summary(id);
      if (!summary) return null;
      const job = await changeJob(id, (j) => {
        const open = j.state === "running" ? summary.waiting + summary.inFlight === 0 : j.state === "cancelled" && j.finishedAt === null && summary.inFlight === 0;
        if (!open) return undefined;
        return {
          ...j,
          state: j.state === "cancelled" ? ("cancelled" as const) : ("done" as const),
          counts: summary.counts,
          total: summary.total,
          finishedAt: now.toISOString(),
          history: [...j.history, { at: now.toISOString(), by: "system", action: "finished" as const }].slice(-100),
        };
      });
      return job ? { job, summary } : null;
    });
    if (!ended) return;
    const { job, summary } = ended;
    log.info("broadcast finished", { job: id, state: job.state, total: summary.total, ...summary.counts });
    const locale = job.createdBy ? await audience.localeOf(userKeyOf(job.createdBy)) : app.config.DEFAULT_LOCALE;
    await tellCreator(job, (t) => finalReport(t, job, summary.counts, summary.total, now, locale), false);
  };

  /** After this instance's lanes ended: keep the counts, report a pause, or finish the job. */
  const afterLanes = async (run: JobRun): Promise<void> => {
    const { id } = run;
    const current = await jobs.get(id);
    const summary = await deliveries.summary(id);
    if (!current || !summary) return;
    if (stopped || (current.state === "running" && summary.waiting + summary.inFlight > 0)) {
      // Stopping: the job resumes at the next start (another instance may go on with it
      // meanwhile); a pause or the end is reported then, when reports can still leave.
      await storage.unit(() => changeJob(id, (j) => (j.state === "running" ? { ...j, counts: summary.counts } : undefined)));
      return;
    }
    if (current.state === "paused") {
      const paused = await storage.unit(() => changeJob(id, (j) => (j.state === "paused" ? { ...j, counts: summary.counts } : undefined)));
      // Reported (in place of the progress message) once no send is in flight any more — by the
      // instance whose lanes end last.
      if (paused && summary.inFlight === 0) await tellCreator(paused, (t) => t("bc-paused-report", { id, sent: summary.counts.sent, total: run.planned }), true);
      return;
    }
    await finish(id);
  };

  const runJob = async (id: string): Promise<void> => {
    await abandonDead(id);
    let summary = await listedSummary(id);
    if (!summary) {
      const job = await jobs.get(id);
      if (job?.state !== "running") return;
      summary = await listRecipients(job);
      if (!summary) return;
    }
    const job = await jobs.get(id);
    if (!job) return;
    const run: JobRun = {
      id,
      purpose: purposeOf(job),
      content: job.content ?? null,
      planned: job.planned ?? summary.total - summary.skippedAtListing,
      failed: false,
    };
    // Progress every few seconds; one report at a time (a report waiting out a 429 is not queued up).
    let reporting: Promise<void> | null = null;
    const progress = setInterval(() => {
      if (reporting) return;
      reporting = reportProgress(run)
        .catch((error: unknown) => failed("broadcast progress failed", { job: id, error: String(error) }, "warn"))
        .finally(() => (reporting = null));
    }, progressEveryMs);
    try {
      for (;;) {
        // Every lane ends before this job is left (a failing lane stops the others' claims).
        const lanes = await Promise.allSettled(
          Array.from({ length: concurrency }, () =>
            lane(run).catch((error: unknown) => {
              run.failed = true;
              throw error;
            }),
          ),
        );
        const failure = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
        if (failure) throw failure.reason;
        if (stopped || (await jobs.get(id))?.state !== "running") break;
        const now = await deliveries.summary(id);
        if (!now || now.waiting + now.inFlight === 0) break;
        // Sends of another instance are in flight (or came back to be sent again): look again
        // shortly — sooner when a job changes here — and take over what a dead instance left.
        await sleepUnless(LOOK_AGAIN_MS, nudge.promise);
        await abandonDead(id);
      }
    } finally {
      clearInterval(progress);
      await (reporting as Promise<void> | null);
    }
    await afterLanes(run);
  };

  /** A cancelled job not reported yet (cancelled while not running here, or its instance died first). */
  const settleCancelled = async (id: string): Promise<void> => {
    await abandonDead(id);
    const at = clock().toISOString();
    const listed = await storage.unit(async () => {
      await storage.lock(listLock(id));
      if (await deliveries.summary(id)) return true;
      // Never listed: the official who cancelled it was told in the conversation.
      await changeJob(id, (j) => (j.state === "cancelled" && j.finishedAt === null ? { ...j, finishedAt: at, total: 0 } : undefined));
      return false;
    });
    // Finished once no send is in flight (the instance sending the last ones finishes it otherwise).
    if (listed) await finish(id);
  };

  const runLoop = async (): Promise<void> => {
    for (;;) {
      again = false;
      if (stopped) return;
      for (const job of await jobs.cancelledUnsettled()) await settleCancelled(job.id);
      const job = (await jobs.runnable())[0];
      if (!job) return;
      try {
        await runJob(job.id);
      } catch (error) {
        failed("broadcast job failed; paused until an official resumes it", { job: job.id, error });
        await storage
          .unit(() => changeJob(job.id, (j) => (j.state === "running" ? { ...j, state: "paused", note: "failed" } : undefined)))
          .catch((cause: unknown) => failed("broadcast: a failed job could not be paused; the next run takes it up again", { job: job.id, error: String(cause) }));
      }
    }
  };

  function wake(): void {
    if (!started || stopped) return;
    if (loop) {
      again = true;
      return;
    }
    loop = runLoop()
      .catch((error: unknown) => failed("broadcast runner failed", { error }))
      .finally(() => {
        loop = null;
        if (again) wake();
      });
  }

  const checkReminders = (): Promise<Job | null> =>
    tracked(async () => {
      const now = clock();
      lastReminderCheck = now.getTime();
      const hour = hourInVietnam(now);
      if (hour < fromHour || hour >= toHour) return null;
      // One instance looks at a time; each (submission, deadline) is claimed by one job whoever looks.
      const job = await coordination.exclusively("reminders", async () => {
        const due = await dueReminders({ submissions: services.submissionRecords, subscriptions: services.subscriptions, reminders, timeline: services.province.timeline, daysBefore, now });
        if (due.length === 0) return null;
        try {
          return await storage.unit(async () => {
            const created = await jobs.createReminders(now);
            const claimed = await reminders.claim(
              due.map((d) => reminderKey(d.submission.code, d.deadline)),
              { job: created.id, at: now.toISOString() },
            );
            // Taken by another job meanwhile: no job (the unit is undone, its number too).
            if (claimed.length === 0) throw new NothingToRemind();
            return { job: created, count: claimed.length };
          });
        } catch (error) {
          if (error instanceof NothingToRemind) return null;
          throw error;
        }
      });
      if (!job) return null;
      log.info("deadline reminders queued", { job: job.job.id, submissions: job.count });
      wake();
      return job.job;
    });

  const tick = (): Promise<void> =>
    tracked(async () => {
      if (stopped) return;
      const now = clock();
      // Started once, whichever instance sees it first: `start` refuses a job no longer scheduled.
      for (const job of await jobs.due(now)) await storage.unit(() => jobs.start(job.id, now));
      // Sends in flight from an instance that died become uncertain, so its jobs can end.
      for (const job of [...(await jobs.runnable()), ...(await jobs.cancelledUnsettled())]) await abandonDead(job.id);
      if (now.getTime() - lastReminderCheck >= REMINDERS_EVERY_MS) await checkReminders();
      wake();
    });

  return {
    concurrency,
    get backgroundFailures() {
      return backgroundFailures;
    },
    start() {
      if (started) return;
      started = true;
      const background = () => void tick().catch((error: unknown) => failed("broadcast tick failed", { error }));
      background();
      timer = setInterval(background, options.tickEveryMs ?? 30_000);
      timer.unref();
      wake();
    },
    tick,
    checkReminders,
    async idle() {
      while (loop) await loop;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      unsubscribe();
      for (const cancel of waiting) cancel(new LimiterStopped());
      waiting.clear();
      stopping.resolve();
      nudgeLanes();
      while (loop) await loop;
      await Promise.allSettled([...busy]);
      shared.release();
    },
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits `ms`, or less if `early` resolves first (the timer is cleared either way). */
function sleepUnless(ms: number, early: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms)))), early]).finally(() => clearTimeout(timer));
}
