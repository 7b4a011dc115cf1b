import type { App } from "../../app.js";
import type { MessageArgs } from "../../core/i18n.js";
import { userKeyOf, type ChannelName } from "../../core/types.js";

/**
 * Who is told when the Zalo channel needs a person (the OA must consent again): every
 * administrator — the bootstrap ones from OFFICIAL_TELEGRAM_IDS and those granted with /quyen —
 * on the channel their role was given for.
 */
export async function zaloAlertRecipients(app: App): Promise<{ channel: ChannelName; id: string }[]> {
  return (await app.services.roles.holders())
    .filter((h) => h.role === "admin")
    .flatMap((h) => {
      const sep = h.userKey.indexOf(":");
      const channel = h.userKey.slice(0, sep) as ChannelName;
      return sep > 0 ? [{ channel, id: h.userKey.slice(sep + 1) }] : [];
    });
}

/** Sends an alert to each recipient in their own language; failures are logged, never thrown. */
export async function alertOfficials(app: App, key: string, args: MessageArgs): Promise<void> {
  const recipients = await zaloAlertRecipients(app);
  if (recipients.length === 0) {
    app.log.warn("zalo: nobody to alert (no administrator: set OFFICIAL_TELEGRAM_IDS)", { key });
    return;
  }
  await Promise.all(
    recipients.map(async ({ channel, id }) => {
      const locale = (await app.services.users.get(userKeyOf({ channel, id })))?.locale ?? app.config.DEFAULT_LOCALE;
      const outcome = await app.outbox.send(channel, id, [{ text: app.translator.t(locale, key, args) }]);
      if (!outcome.ok) app.log.warn("zalo: alert not delivered", { channel, id, reason: outcome.reason });
    }),
  );
}
