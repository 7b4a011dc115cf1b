import { raw, type Translator } from "../core/i18n.js";
import type { Logger } from "../core/log.js";
import type { Outbox } from "../core/outbox.js";
import type { Locale } from "../core/types.js";
import { formatDateTime } from "../domain/vietnam-time.js";
import type { Storage } from "../store/port.js";
import type { Services } from "./index.js";

/** Forms removed per unit of work by a sweep (a sweep goes on until none is left). */
const SWEEP_BATCH = 500;

/** The forms whose unfinished dialogs expire, as the sweep needs to know them (the flows say which). */
export interface ExpiringForms {
  /** A form untouched this long is deleted. */
  readonly afterMs: number;
  /** Flow id → the locale key of the form's title, named in the notice. */
  readonly titleKeys: ReadonlyMap<string, string>;
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
  const flows = [...forms.titleKeys.keys()];
  const before = new Date(now.getTime() - forms.afterMs).toISOString();
  let removed = 0;
  for (;;) {
    const expired = await app.storage.unit(() => app.storage.repos.dialogs.takeExpired(flows, before, SWEEP_BATCH));
    removed += expired.length;
    for (const { userKey, dialog } of expired) {
      const user = await app.services.users.get(userKey);
      if (!user) continue;
      const locale = user.locale ?? app.config.DEFAULT_LOCALE;
      const text = app.translator.t(locale, "form-expired", {
        form: raw(app.translator.t(locale, forms.titleKeys.get(dialog.flow)!)),
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

/** Sweeps a minute after the start and then every few hours while the bot runs. */
export function scheduleFormExpiry(app: FormExpiryHost, forms: ExpiringForms, clock: () => Date = () => new Date(), everyMs = 6 * 60 * 60 * 1000): FormExpirySchedule {
  let failures = 0;
  const run = () =>
    void sweepExpiredForms(app, forms, clock()).catch((error: unknown) => {
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
