import type { App } from "../../app.js";
import { raw } from "../../core/i18n.js";
import { formatDateTime } from "../../domain/dates.js";
import { dialogsCollection } from "../../services/dialogs.js";
import { FORM_EXPIRY_MS } from "../forms/engine.js";
import { registrationEngine } from "./engine.js";

/**
 * Unfinished forms hold personal data: after 30 days untouched they are deleted and the user is
 * told on their channel (if it is running). Someone who writes first gets the same notice from
 * the form itself. Returns how many were removed.
 */
export async function sweepExpiredForms(app: App, now: Date): Promise<number> {
  const dialogs = app.store.collection(dialogsCollection);
  const expired = [...dialogs.entries()].filter(
    ([, d]) => registrationEngine.formOf(d.flow) !== undefined && now.getTime() - Date.parse(d.updatedAt) > FORM_EXPIRY_MS,
  );
  for (const [key] of expired) dialogs.delete(key);
  if (expired.length === 0) return 0;
  await app.store.commit();
  for (const [key, dialog] of expired) {
    const user = app.services.users.get(key);
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
  return expired.length;
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
