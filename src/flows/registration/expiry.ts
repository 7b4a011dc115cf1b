import type { App } from "../../app.js";
import { raw } from "../../core/i18n.js";
import { formatDateTime } from "../../domain/dates.js";
import { FORM_EXPIRY_MS } from "../forms/engine.js";
import { registrationEngine } from "./engine.js";

/** Forms removed per unit of work by a sweep (a sweep goes on until none is left). */
const SWEEP_BATCH = 500;

/**
 * Unfinished forms hold personal data: after 30 days untouched they are deleted and the user is
 * told on their channel (if it is running). Someone who writes first gets the same notice from
 * the form itself. Each expired form is taken by exactly one sweep, whichever instance runs it.
 * Returns how many were removed.
 */
export async function sweepExpiredForms(app: App, now: Date): Promise<number> {
  const flows = registrationEngine.flows.map((f) => f.id);
  const before = new Date(now.getTime() - FORM_EXPIRY_MS).toISOString();
  let removed = 0;
  for (;;) {
    const expired = await app.storage.unit(() => app.storage.repos.dialogs.takeExpired(flows, before, SWEEP_BATCH));
    removed += expired.length;
    for (const { userKey, dialog } of expired) {
      const user = await app.services.users.get(userKey);
      if (!user) continue;
      const locale = user.locale ?? app.config.DEFAULT_LOCALE;
      const form = registrationEngine.formOf(dialog.flow)!;
      const text = app.translator.t(locale, "form-expired", {
        form: raw(app.translator.t(locale, form.titleKey)),
        when: formatDateTime(dialog.updatedAt, locale),
      });
      const outcome = await app.outbox.send(user.channel, user.id, [{ text }]);
      if (!outcome.ok) app.log.info("expiry notice not delivered", { channel: user.channel, reason: outcome.reason });
    }
    if (expired.length < SWEEP_BATCH) return removed;
  }
}

/** Sweeps now and then every few hours while the bot runs; returns the function that stops it. */
export function scheduleFormExpiry(app: App, clock: () => Date = () => new Date(), everyMs = 6 * 60 * 60 * 1000): () => void {
  const run = () =>
    void sweepExpiredForms(app, clock()).catch((error: unknown) => app.log.error("form expiry sweep failed", { error: String(error) }));
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
