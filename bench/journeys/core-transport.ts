import type { App } from "../../src/app.js";
import { textToEvent } from "../../src/core/dispatcher.js";
import { toPlainText } from "../../src/core/markup.js";
import type { InboundEvent, UserRef } from "../../src/core/types.js";
import type { Transport } from "./journey.js";

/** A journey's turns straight into the dialog core, as a channel would hand them over. */
export function coreTransport(app: App, user: UserRef): Transport {
  return async (input) => {
    const event: InboundEvent = "text" in input ? textToEvent(input.text) : { kind: "button", data: input.button };
    const out = await app.conversation.handle(user, event);
    return out.map((m) => ({ text: toPlainText(m.text), buttons: m.buttons ?? [] }));
  };
}
