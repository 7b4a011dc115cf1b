import type { App } from "../../app.js";
import { allowed } from "../../core/feature.js";
import { userKeyOf, type OutboundMessage, type UserRef } from "../../core/types.js";
import { announcementMessage } from "../../domain/broadcast.js";
import { hourInVietnam } from "../../domain/schedule-time.js";
import { deliveriesLog, foldDeliveries, type DeliveryEntry, type DeliveryState, type Recipient, type SkipReason } from "../../services/broadcasts/deliveries.js";
import type { Purpose } from "../../services/broadcasts/audience.js";
import type { Counts, FinalResult, Job } from "../../services/broadcasts/jobs.js";
import { dueReminders, remindersCollection } from "../../services/broadcasts/reminders.js";
import { LimiterStopped, SendLimiter, type Grant } from "../../services/broadcasts/send-limiter.js";
import { finalReport, progressText, reminderMessage, textsIn } from "./notices.js";

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
}

/**
 * One message a second per chat, plus room for what runs between our send and the request leaving
 * (other sends' work on the event loop: a few milliseconds, more on a busy machine).
 */
const PER_CHAT_GAP_MS = 1050;

/**
 * Enough sends in flight to keep the rate when a call and its commit take up to ~200 ms (a busy
 * machine, a slow network), and no more: after a crash each one in flight may be reported
 * uncertain. 25/s → 5, 200/s → 40.
 */
export function broadcastConcurrency(rate: number): number {
  return Math.min(64, Math.max(2, Math.ceil(rate / 5)));
}

interface Run {
  job: Job;
  purpose: Purpose;
  recipients: Recipient[];
  state: DeliveryState;
  /** Next recipient never tried in this run. */
  cursor: number;
  /** Recipients to send again, and from when (Date.now()). */
  retry: Map<number, number>;
  message: OutboundMessage | null;
}

/**
 * Sends broadcast jobs, one job at a time, in the bot process. Exactly once per recipient: before
 * each send a `try` line is committed; the result is appended after it. A recipient whose `try`
 * has no result after a restart was in flight when the process died — reported uncertain,
 * never sent again.
 */
export function createBroadcastRunner(app: App, options: BroadcastRunnerOptions = {}): BroadcastRunner {
  const { store, services, outbox, translator, log } = app;
  const jobs = services.broadcasts;
  const audience = services.audience;
  const deliveries = store.log(deliveriesLog);
  const reminded = store.collection(remindersCollection);
  const clock = options.clock ?? (() => new Date());
  const rate = options.rate ?? app.config.BROADCAST_RATE;
  const concurrency = options.concurrency ?? broadcastConcurrency(rate);
  const progressEveryMs = options.progressEveryMs ?? 5000;
  const retries = options.retries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 2000;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const daysBefore = options.reminderDaysBefore ?? app.config.REMINDER_DAYS_BEFORE;
  const [fromHour, toHour] = options.reminderHours ?? [8, 20];
  const limiter = new SendLimiter({ perSecond: rate, perChatGapMs: PER_CHAT_GAP_MS });

  let started = false;
  let stopped = false;
  let loop: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let lastReminderCheck = -Infinity;
  // Lanes waiting for a retry's time wake early when a job changes (paused, cancelled) or on stop.
  let nudge: { promise: Promise<void>; resolve: () => void } = deferred();
  const nudgeLanes = () => {
    const current = nudge;
    nudge = deferred();
    current.resolve();
  };
  const unsubscribe = jobs.subscribe(() => {
    wake();
    nudgeLanes();
  });

  const append = (entry: DeliveryEntry) => deliveries.append(entry);
  const creatorOf = (job: Job): UserRef | null => (job.createdBy ? { channel: job.createdBy.channel, id: job.createdBy.id } : null);

  /** Says something to the job's creator in their language; the progress message is replaced in place. */
  const tellCreator = async (job: Job, text: (t: ReturnType<typeof textsIn>) => OutboundMessage["text"], replace: boolean): Promise<void> => {
    const creator = creatorOf(job);
    if (!creator) return;
    const key = userKeyOf(creator);
    const t = textsIn(translator, audience.localeOf(key));
    try {
      (await limiter.take(key)).sending();
    } catch {
      return;
    }
    if (replace) {
      const { outcome, handle } = await outbox.sendReplaceable(creator.channel, creator.id, { text: text(t) }, jobs.get(job.id)?.progressHandle ?? null);
      if (!outcome.ok) log.info("broadcast progress not delivered", { job: job.id, reason: outcome.reason });
      const current = jobs.get(job.id);
      if (current && handle !== current.progressHandle) jobs.save({ ...current, progressHandle: handle });
    } else {
      const outcome = await outbox.send(creator.channel, creator.id, [{ text: text(t) }]);
      if (!outcome.ok) log.info("broadcast report not delivered", { job: job.id, reason: outcome.reason });
    }
  };

  const end = (job: string, state: DeliveryState, i: number, result: FinalResult, detail?: string) => {
    append({ k: "end", job, i, r: result, at: clock().toISOString(), ...(detail ? { d: detail.slice(0, 300) } : {}) });
    state.final[i] = result;
    state.counts[result]++;
  };

  /** Who a job goes to, written once at its first run (skips settled at once). null: refused. */
  const listRecipients = async (job: Job, hadLines: boolean): Promise<DeliveryState | null> => {
    const now = clock();
    const creator = creatorOf(job);
    // The creator must still be an official when the job starts (a scheduled one may start days later).
    if (creator && !allowed("official", services.roles.roleOf(creator))) {
      const refused = jobs.save({ ...job, state: "cancelled", note: "creator-not-official", finishedAt: now.toISOString(), total: 0, planned: 0, history: [...job.history, { at: now.toISOString(), by: "system", action: "refused" }] });
      await store.commit();
      await tellCreator(refused, (t) => t("bc-refused-not-official", { id: job.id }), false);
      return null;
    }
    const purpose: Purpose = job.kind === "announcement" ? "announcement" : "reminder";
    const list: (Recipient & { skip?: SkipReason })[] = [];
    if (job.kind === "announcement" && job.segment) {
      for (const m of audience.members(job.segment)) {
        const c = audience.classify(m, purpose);
        list.push({ ch: m.channel, id: m.id, loc: m.locale, ...(c.ok ? {} : { skip: c.reason }) });
      }
    } else {
      // Reminders: the submissions recorded for this job, one message per owner.
      const byOwner = new Map<string, Recipient>();
      for (const [key, r] of reminded.entries()) {
        if (r.job !== job.id) continue;
        const s = services.submissions.get(key.slice(0, key.indexOf("@")));
        if (!s) continue;
        const existing = byOwner.get(s.owner.userKey);
        if (existing) existing.codes = [...(existing.codes ?? []), s.code].slice(0, 20);
        else byOwner.set(s.owner.userKey, { ch: s.owner.channel, id: s.owner.userId, loc: audience.localeOf(s.owner.userKey, s.owner.locale), codes: [s.code] });
      }
      for (const [userKey, r] of [...byOwner].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const c = audience.classify({ userKey, channel: r.ch, id: r.id }, purpose);
        list.push({ ...r, ...(c.ok ? {} : { skip: c.reason }) });
      }
    }
    // A list cut short by a crash is started over.
    if (hadLines) append({ k: "reset", job: job.id });
    for (let i = 0; i < list.length; i++) {
      append({ k: "to", job: job.id, i, ...list[i]! });
      // Let conversations go on while tens of thousands are listed.
      if (i % 2000 === 1999) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    append({ k: "listed", job: job.id, n: list.length });
    const state = foldDeliveries(list.map((r, i) => ({ k: "to", job: job.id, i, ...r }) as DeliveryEntry).concat({ k: "listed", job: job.id, n: list.length }));
    const history = [...job.history, { at: now.toISOString(), by: "system", action: "started" as const }].slice(-100);
    jobs.save({ ...job, startedAt: now.toISOString(), total: list.length, planned: list.length - state.skippedAtListing, counts: state.counts, history });
    await store.commit();
    return state;
  };

  /** Reads a job's file; what was in flight when the process died becomes uncertain. */
  const load = async (job: Job): Promise<{ state: DeliveryState | null; hadLines: boolean }> => {
    const entries = await deliveries.read(job.id);
    const state = foldDeliveries(entries);
    if (state.recipients && state.inFlight.length) {
      for (const i of state.inFlight) end(job.id, state, i, "uncertain", "in flight when the bot stopped");
      log.warn("broadcast: sends in flight at the last stop are reported uncertain", { job: job.id, count: state.inFlight.length });
      await store.commit();
    }
    return { state: state.recipients ? state : null, hadLines: entries.length > 0 };
  };

  const messagesFor = (run: Run, r: Recipient): OutboundMessage[] | null => {
    if (run.message) return [run.message];
    const message = reminderMessage(textsIn(translator, r.loc), r.loc, r, services.submissions, services.province, clock());
    return message ? [message] : null;
  };

  const nextIndex = (run: Run): number | null => {
    const now = Date.now();
    for (const [i, at] of run.retry) {
      if (at <= now) {
        run.retry.delete(i);
        return i;
      }
    }
    while (run.cursor < run.recipients.length) {
      const i = run.cursor++;
      if (run.state.final[i] === null) return i;
    }
    return null;
  };

  const deliverOne = async (run: Run, i: number): Promise<void> => {
    const r = run.recipients[i]!;
    const id = run.job.id;
    const userKey = `${r.ch}:${r.id}`;
    // Subscriptions, blocks and Zalo's window may have changed since the list was made.
    const c = audience.classify({ userKey, channel: r.ch, id: r.id }, run.purpose);
    if (!c.ok) return end(id, run.state, i, c.reason);
    const messages = messagesFor(run, r);
    if (!messages) return end(id, run.state, i, "obsolete");
    const n = ++run.state.tries[i]!;
    append({ k: "try", job: id, i, n });
    // On disk before the send: after a crash this recipient is uncertain, never sent twice.
    await store.commit();
    let grant: Grant;
    try {
      grant = await limiter.take(userKey);
    } catch (error) {
      if (!(error instanceof LimiterStopped)) throw error;
      append({ k: "again", job: id, i, n, why: "stopped" });
      run.retry.set(i, 0);
      return;
    }
    grant.sending();
    const outcome = await outbox.send(r.ch, r.id, messages);
    if (outcome.ok) return end(id, run.state, i, "sent");
    switch (outcome.reason) {
      case "blocked":
        return end(id, run.state, i, "blocked");
      case "unreachable":
        return end(id, run.state, i, "unreachable", outcome.detail);
      case "rate-limited":
        // Telegram refused it: not delivered. Everyone waits, then this one goes again.
        limiter.pause(outcome.retryAfterSeconds * 1000);
        append({ k: "again", job: id, i, n, why: "rate-limited" });
        run.retry.set(i, 0);
        log.warn("broadcast: rate limited by the platform", { job: id, channel: r.ch, retryAfterSeconds: outcome.retryAfterSeconds });
        return;
      case "failed": {
        const errors = ++run.state.errors[i]!;
        if (errors > retries) return end(id, run.state, i, "failed", outcome.detail);
        append({ k: "again", job: id, i, n, why: "error", d: outcome.detail.slice(0, 300) });
        run.retry.set(i, Date.now() + Math.min(retryMaxMs, retryBaseMs * 2 ** (errors - 1)));
        return;
      }
    }
  };

  const lane = async (run: Run): Promise<void> => {
    for (;;) {
      if (stopped || jobs.get(run.job.id)?.state !== "running") return;
      const i = nextIndex(run);
      if (i !== null) {
        await deliverOne(run, i);
        continue;
      }
      if (run.retry.size === 0) return;
      await sleepUnless(Math.max(0, Math.min(...run.retry.values()) - Date.now()), nudge.promise);
    }
  };

  const finish = async (job: Job, counts: Counts, total: number): Promise<void> => {
    const now = clock();
    const state = job.state === "cancelled" ? "cancelled" : "done";
    const finished = jobs.save({ ...job, state, counts, total, finishedAt: now.toISOString(), history: [...job.history, { at: now.toISOString(), by: "system", action: "finished" as const }].slice(-100) });
    await store.commit();
    log.info("broadcast finished", { job: job.id, state, total, ...counts });
    const locale = job.createdBy ? audience.localeOf(userKeyOf(job.createdBy)) : app.config.DEFAULT_LOCALE;
    await tellCreator(finished, (t) => finalReport(t, finished, counts, total, now, locale), false);
  };

  const runJob = async (id: string): Promise<void> => {
    let job = jobs.get(id)!;
    const loaded = await load(job);
    const state = loaded.state ?? (await listRecipients(job, loaded.hadLines));
    if (!state) return;
    job = jobs.get(id)!;
    const run: Run = {
      job,
      purpose: job.kind === "announcement" ? "announcement" : "reminder",
      recipients: state.recipients!,
      state,
      cursor: 0,
      retry: new Map(),
      message: job.content ? announcementMessage(job.content) : null,
    };
    const total = run.recipients.length;
    const planned = total - state.skippedAtListing;
    // Progress every few seconds; one report at a time (a report waiting out a 429 is not queued up).
    let reporting: Promise<void> | null = null;
    const progress = setInterval(() => {
      const current = jobs.get(id);
      if (reporting || !current || current.state !== "running") return;
      jobs.save({ ...current, counts: { ...run.state.counts } });
      reporting = tellCreator(current, (t) => progressText(t, current, run.state.counts, planned, limiter.pausedFor / 1000), true)
        .catch((error: unknown) => log.warn("broadcast progress failed", { job: id, error: String(error) }))
        .finally(() => (reporting = null));
    }, progressEveryMs);
    // Every lane ends before this job is left (a failing lane must not leave others sending).
    const lanes = await Promise.allSettled(Array.from({ length: concurrency }, () => lane(run)));
    clearInterval(progress);
    await reporting;
    await store.commit();
    const failure = lanes.find((l): l is PromiseRejectedResult => l.status === "rejected");
    if (failure) throw failure.reason;
    const current = jobs.get(id)!;
    const counts = { ...run.state.counts };
    if (current.state === "running" && (stopped || run.state.final.includes(null))) {
      // Stopping: the job resumes at the next start.
      jobs.save({ ...current, counts });
      await store.commit();
      return;
    }
    if (current.state === "paused") {
      jobs.save({ ...current, counts });
      await store.commit();
      await tellCreator(current, (t) => t("bc-paused-report", { id, sent: counts.sent, total: planned }), true);
      return;
    }
    await finish(current, counts, total);
  };

  /** A job cancelled while this process was not running it (or died before reporting). */
  const settleCancelled = async (job: Job): Promise<void> => {
    const { state } = await load(job);
    if (state) return finish(jobs.get(job.id)!, state.counts, state.recipients!.length);
    // Never started: the official who cancelled it was told in the conversation.
    jobs.save({ ...job, finishedAt: clock().toISOString(), total: 0 });
    await store.commit();
  };

  const runLoop = async (): Promise<void> => {
    for (;;) {
      again = false;
      if (stopped) return;
      for (const job of jobs.list()) if (job.state === "cancelled" && job.finishedAt === null) await settleCancelled(job);
      const job = jobs.runnable()[0];
      if (!job) return;
      try {
        await runJob(job.id);
      } catch (error) {
        log.error("broadcast job failed; paused until an official resumes it", { job: job.id, error });
        const current = jobs.get(job.id);
        if (current?.state === "running") jobs.save({ ...current, state: "paused", note: "failed" });
        await store.commit().catch(() => undefined);
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
      .catch((error: unknown) => log.error("broadcast runner failed", { error }))
      .finally(() => {
        loop = null;
        if (again) wake();
      });
  }

  const checkReminders = async (): Promise<Job | null> => {
    const now = clock();
    lastReminderCheck = now.getTime();
    const hour = hourInVietnam(now);
    if (hour < fromHour || hour >= toHour) return null;
    const due = dueReminders({ submissions: services.submissions, subscriptions: services.subscriptions, reminded, timeline: services.province.timeline, daysBefore, now });
    if (due.length === 0) return null;
    const job = jobs.createReminders(now);
    for (const d of due) reminded.set(`${d.submission.code}@${d.deadline}`, { job: job.id, at: now.toISOString() });
    await store.commit();
    log.info("deadline reminders queued", { job: job.id, submissions: due.length });
    wake();
    return job;
  };

  const tick = async (): Promise<void> => {
    if (stopped) return;
    const now = clock();
    for (const job of jobs.due(now)) jobs.start(job.id, now);
    if (now.getTime() - lastReminderCheck >= 10 * 60 * 1000) await checkReminders();
    await store.commit();
    wake();
  };

  return {
    concurrency,
    start() {
      if (started) return;
      started = true;
      void tick().catch((error: unknown) => log.error("broadcast tick failed", { error }));
      timer = setInterval(() => void tick().catch((error: unknown) => log.error("broadcast tick failed", { error })), options.tickEveryMs ?? 30_000);
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
      limiter.stop();
      nudgeLanes();
      while (loop) await loop;
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
  return Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), early]).finally(() => clearTimeout(timer));
}
