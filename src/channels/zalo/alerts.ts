import type { App } from "../../app.js";
import type { MessageArgs } from "../../core/i18n.js";
import { userKeyOf, type ChannelName } from "../../core/types.js";

/**
 * Who is told when the Zalo channel needs a person (the OA must consent again). For now the
 * bootstrap admins from OFFICIAL_TELEGRAM_IDS, on Telegram when it runs. When officials get
 * roles of their own, replace this function with a query of the roles service; nothing else
 * in the channel needs to change.
 */
export function zaloAlertRecipients(app: App): { channel: ChannelName; id: string }[] {
  return app.config.OFFICIAL_TELEGRAM_IDS.map((id) => ({ channel: "telegram" as const, id }));
}

/** Sends an alert to each recipient in their own language; failures are logged, never thrown. */
export async function alertOfficials(app: App, key: string, args: MessageArgs): Promise<void> {
  const recipients = zaloAlertRecipients(app);
  if (recipients.length === 0) {
    app.log.warn("zalo: nobody to alert (OFFICIAL_TELEGRAM_IDS is empty)", { key });
    return;
  }
  await Promise.all(
    recipients.map(async ({ channel, id }) => {
      const locale = app.services.users.get(userKeyOf({ channel, id }))?.locale ?? app.config.DEFAULT_LOCALE;
      const outcome = await app.outbox.send(channel, id, [{ text: app.translator.t(locale, key, args) }]);
      if (!outcome.ok) app.log.warn("zalo: alert not delivered", { channel, id, reason: outcome.reason });
    }),
  );
}
