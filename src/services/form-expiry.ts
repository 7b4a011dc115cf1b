import { raw, type Translator } from "../core/i18n.js";
import type { Logger } from "../core/log.js";
import type { Outbox } from "../core/outbox.js";
import type { Locale } from "../core/types.js";
import { formatDateTime } from "../domain/vietnam-time.js";
import type { Storage } from "../store/port.js";
import type { Services } from "./index.js";
import { forgetIdleWebVisitors } from "./web-visitors.js";

/** Forms removed per unit of work by a sweep (a sweep goes on until none is left). */
const SWEEP_BATCH = 500;

/** The forms whose unfinished dialogs expire, as the sweep needs to know them (the flows say which). */
export interface ExpiringForms {
  /** A form untouched this long is deleted. */
  readonly afterMs: number;
  /**
   * Flow id → the notice the user gets (`{ $when }`, and `{ $form }`: the title named by
   * `titleKey`, for flows sharing one notice such as the registration forms).
   */
  readonly notices: ReadonlyMap<string, { readonly noticeKey: string; readonly titleKey?: string }>;
}

/** Several flows' expiring dialogs swept as one (the same time limit). */
export function expiringTogether(...sets: ExpiringForms[]): ExpiringForms {
  const afterMs = Math.min(...sets.map((s) => s.afterMs));
  return { afterMs, notices: new Map(sets.flatMap((s) => [...s.notices])) };
}

/** What the sweep needs of the bot; the composition root passes its App. */
export interface FormExpiryHost {
  readonly config: { readonly DEFAULT_LOCALE: Locale };
  readonly storage: Pick<Storage, "unit" | "repos">;
  readonly services: Pick<Services, "users">;
  readonly outbox: Pick<Outbox, "send">;
  readonly translator: Translator;
  readonly log: Logger;
}

/**
 * Unfinished forms hold personal data: after 30 days untouched they are deleted and the user is
 * told on their channel (if it is running). Someone who writes first gets the same notice from
 * the form itself. Each expired form is taken by exactly one sweep, whichever instance runs it.
 * Returns how many were removed.
 */
export async function sweepExpiredForms(app: FormExpiryHost, forms: ExpiringForms, now: Date): Promise<number> {
  const flows = [...forms.notices.keys()];
  const before = new Date(now.getTime() - forms.afterMs).toISOString();
  let removed = 0;
  for (;;) {
    const expired = await app.storage.unit(() => app.storage.repos.dialogs.takeExpired(flows, before, SWEEP_BATCH));
    removed += expired.length;
    for (const { userKey, dialog } of expired) {
      const user = await app.services.users.get(userKey);
      if (!user) continue;
      const locale = user.locale ?? app.config.DEFAULT_LOCALE;
      const notice = forms.notices.get(dialog.flow)!;
      const text = app.translator.t(locale, notice.noticeKey, {
        ...(notice.titleKey ? { form: raw(app.translator.t(locale, notice.titleKey)) } : {}),
        when: formatDateTime(dialog.updatedAt, locale),
      });
      const outcome = await app.outbox.send(user.channel, user.id, [{ text }]);
      if (!outcome.ok) app.log.info("expiry notice not delivered", { channel: user.channel, reason: outcome.reason });
    }
    if (expired.length < SWEEP_BATCH) return removed;
  }
}

export interface FormExpirySchedule {
  stop(): void;
  /** Sweeps that failed (each logged); the forms wait for the next sweep. */
  readonly failures: number;
}

/** One sweep now; what the schedule runs (tests call it directly). Throws what failed. */
export interface ExpirySweeper {
  sweep(): Promise<void>;
}

/** A clock further than this past the newest form stored before the start is not trusted to expire forms. */
const CLOCK_DOUBT_MS = 24 * 60 * 60 * 1000;

/**
 * The sweep of stale personal data: unfinished forms (sweepExpiredForms), then idle web visitors
 * (forgetIdleWebVisitors). Deleting on time trusts the clock, so the clock is checked first: forms
 * stored before the start expire by the newest of them plus the time this process has run (a
 * monotonic clock), when that is more than a day earlier than the clock says — a clock set weeks
 * ahead at a restart must not delete every unfinished form. A bot that really stood idle that long
 * deletes them a little later; never too early. Create it at the start.
 */
export function createExpirySweeper(
  app: FormExpiryHost,
  forms: ExpiringForms,
  clock: () => Date = () => new Date(),
  monotonic: () => number = () => performance.now(),
): ExpirySweeper {
  const startedAt = monotonic();
  // Forms written by this run are dated by this clock, from now on: the newest form stored before
  // the start is the newest dated before it, read when a sweep needs it (nothing is read at start).
  const clockAtStart = clock().toISOString();
  const flows = [...forms.notices.keys()];
  const sweepTime = async (): Promise<Date> => {
    const now = clock();
    const iso = await app.storage.repos.dialogs.newestUpdate(flows, clockAtStart);
    if (iso === null) return now;
    const newest = Date.parse(iso);
    const trusted = newest + (monotonic() - startedAt);
    if (now.getTime() - trusted <= CLOCK_DOUBT_MS) return now;
    app.log.warn("form expiry: the clock is far past the newest form stored before the start; forms expire by the time run since instead", {
      clock: now.toISOString(),
      newestForm: new Date(newest).toISOString(),
      days: Math.round((now.getTime() - trusted) / CLOCK_DOUBT_MS),
    });
    return new Date(trusted);
  };
  return {
    async sweep() {
      const at = await sweepTime();
      await sweepExpiredForms(app, forms, at);
      // The same sweep, the same checked time: web visitors gone for 30 days with nothing kept.
      const forgotten = await forgetIdleWebVisitors(app.storage, at);
      if (forgotten > 0) app.log.info("idle web visitors forgotten", { count: forgotten });
    },
  };
}

/** Sweeps (createExpirySweeper) a minute after the start and then every few hours while the bot runs. */
export function scheduleFormExpiry(app: FormExpiryHost, forms: ExpiringForms, clock: () => Date = () => new Date(), everyMs = 6 * 60 * 60 * 1000): FormExpirySchedule {
  let failures = 0;
  const sweeper = createExpirySweeper(app, forms, clock);
  const run = () =>
    void sweeper.sweep().catch((error: unknown) => {
      failures++;
      app.log.error("form expiry sweep failed; the forms wait for the next sweep", { failures, error: String(error) });
    });
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
    get failures() {
      return failures;
    },
  };
}
