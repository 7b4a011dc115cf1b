import type { App } from "../../src/app.js";
import { textToEvent } from "../../src/core/dispatcher.js";
import { toPlainText } from "../../src/core/markup.js";
import type { Button, OutboundMessage, UserRef } from "../../src/core/types.js";

export interface Reply {
  text: string;
  buttons: Button[];
  messages: OutboundMessage[];
}

/** A user who types and presses buttons, reading replies as plain text — tests read like the chat. */
export function chatAs(app: App, user: UserRef) {
  const reply = (messages: OutboundMessage[]): Reply => ({
    text: messages.map((m) => toPlainText(m.text)).join("\n\n"),
    buttons: messages.flatMap((m) => (m.buttons ?? []).flat()),
    messages,
  });
  return {
    say: async (text: string) => reply(await app.conversation.handle(user, textToEvent(text))),
    press: async (data: string) => reply(await app.conversation.handle(user, { kind: "button", data })),
    /** Presses the button whose label contains `label`. */
    pressLabel: async (last: Reply, label: string) => {
      const b = last.buttons.find((x) => x.label.includes(label));
      if (!b) throw new Error(`no button "${label}" among ${last.buttons.map((x) => x.label).join(" | ")}`);
      return reply(await app.conversation.handle(user, { kind: "button", data: b.data }));
    },
  };
}
