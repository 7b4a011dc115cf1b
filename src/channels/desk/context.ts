import type { App } from "../../app.js";
import type { JsonValue } from "../../core/feature.js";
import type { ChannelName, Locale } from "../../core/types.js";
import type { Ctx } from "../../flows/context.js";
import type { DeskOfficial } from "../../services/desk-auth.js";

/**
 * The signed-in official as a turn context, so the web desk renders with the bot desk's own
 * functions (case view, notice, figures) and acts through the same services. It has no dialog:
 * the web keeps its steps in forms, never in the official's chat state.
 */
export function deskContext(app: App, official: DeskOfficial, locale: Locale, now: Date): Ctx {
  const colon = official.userKey.indexOf(":");
  const iso = now.toISOString();
  return {
    user: { channel: official.userKey.slice(0, colon) as ChannelName, id: official.userKey.slice(colon + 1) },
    userKey: official.userKey,
    locale,
    role: official.role,
    now,
    dialog: null,
    services: app.services,
    t: (key, args) => app.translator.t(locale, key, args),
    tIn: (other, key, args) => app.translator.t(other, key, args),
    menu: () => [],
    commands: () => [],
    flow: (id) => app.dispatcher.flow(id),
    begin: (flow: string, data: JsonValue) => ({ flow, data, startedAt: iso, updatedAt: iso }),
    advance: (data: JsonValue) => ({ flow: "?", data, startedAt: iso, updatedAt: iso }),
  };
}
