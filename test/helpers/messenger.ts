import { z } from "zod";
import { defineChannel, type Channel } from "../../src/channels/channel.js";
import { createChoices, numberChoices } from "../../src/channels/shared/choices.js";
import { createHandoff } from "../../src/channels/shared/handoff.js";
import { jsonOf, readBody, sendJson, type Route } from "../../src/channels/shared/http.js";
import { createEventQueue } from "../../src/channels/shared/queue.js";
import { createSeenEvents } from "../../src/channels/shared/seen.js";
import { scopeOf } from "../../src/channels/shared/storage.js";
import { toPlainText } from "../../src/core/markup.js";
import { MAX_INBOUND_TEXT, type Button, type OutboundMessage } from "../../src/core/types.js";

/**
 * The README's "Adding a channel", built by the tests: a messenger platform that posts each event to
 * `POST /messenger/webhook` and shows plain text only, so every choice goes out as a numbered line.
 * `delivered` stands in for the platform's send API: what each user has received, in order.
 */
const eventSchema = z.strictObject({
  /** The platform's message id: its retries repeat it. */
  mid: z.string().regex(/^[\w-]{1,64}$/),
  user: z.string().regex(/^\d{1,20}$/),
  text: z.string().max(MAX_INBOUND_TEXT).default(""),
  /** A person at the page wrote to this user (the platform's echo of their message). */
  fromPage: z.literal(true).optional(),
});

export function messengerChannel(settings: { handoffMinutes: number; clock?: () => Date }) {
  const delivered = new Map<string, string[]>();
  const clock = settings.clock ?? (() => new Date());
  const definition = defineChannel({
    name: "messenger",
    create(app): Channel {
      const scope = scopeOf("messenger");
      const choices = createChoices(app.storage, scope);
      const seen = createSeenEvents(app.storage, scope);
      const handoff = createHandoff(app.storage, scope, settings.handoffMinutes);
      const queue = createEventQueue("messenger", app.log);

      const send = async (user: string, messages: OutboundMessage[], replace: boolean) => {
        const locale = (await app.services.users.get(`messenger:${user}`))?.locale ?? app.config.DEFAULT_LOCALE;
        const options: Button[] = [];
        const texts = messages.map((m) => [toPlainText(m.text), ...numberChoices(m.buttons?.flat() ?? [], options)].join("\n"));
        if (options.length > 0) texts.push(toPlainText(app.translator.t(locale, "choose-by-number")));
        await choices.remember(user, options, clock(), replace);
        delivered.set(user, [...(delivered.get(user) ?? []), ...texts]);
      };

      const webhook: Route = {
        method: "POST",
        path: "/messenger/webhook",
        async handle(req, res) {
          const parsed = eventSchema.safeParse(jsonOf(await readBody(req, 16 * 1024)));
          if (!parsed.success) return sendJson(res, 400, { error: "invalid-event" });
          const { mid, user, text, fromPage } = parsed.data;
          if (fromPage) await handoff.personWrote(user, clock());
          // A repeat is answered 200 and dropped; a store that cannot record it answers 500: the platform retries.
          else if (await seen.firstTime(mid, clock())) {
            queue.take(user, async () => {
              const event = await choices.eventOf(user, text, clock());
              if (!(await handoff.admits(user, [event], clock()))) return;
              await app.conversation.handle({ channel: "messenger", id: user }, event, (messages) => send(user, messages, true));
            });
          }
          sendJson(res, 200, { ok: true });
        },
      };

      return {
        capabilities: { buttons: 0, photos: false, documents: false, edits: false },
        routes: [webhook],
        sender: { send: async (user, messages) => (await send(user, messages, false), { ok: true }) },
        start: async () => {},
        stop: () => queue.idle(),
        idle: () => queue.idle(),
      };
    },
  });
  return { definition, delivered };
}
