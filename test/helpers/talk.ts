import { textToEvent } from "../../src/core/dispatcher.js";
import { toPlainText } from "../../src/core/markup.js";
import type { Button, ChannelName, FileRef, OutboundMessage, UserRef } from "../../src/core/types.js";
import type { App } from "../../src/app.js";

/** A settable clock for createApp's `clock` option: tests move time on explicitly. */
export function testClock(iso: string) {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(next: string) {
      now = new Date(next);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

export const DAY = 24 * 60 * 60 * 1000;

/**
 * A person chatting with the bot on the dialog core, written so tests read like the conversation:
 * `await lan.says("…")`, `await lan.presses("Đồng ý")`, `lan.hears()`.
 */
export function person(app: App, channel: ChannelName, id: string, displayName?: string) {
  const user: UserRef = { channel, id, ...(displayName ? { displayName } : {}) };
  let last: OutboundMessage[] = [];
  const buttons = (): Button[] => last.flatMap((m) => (m.buttons ?? []).flat());
  const api = {
    user,
    get replies() {
      return last;
    },
    /** Everything the bot said in its last turn, as plain text. */
    hears(): string {
      return last.map((m) => toPlainText(m.text)).join("\n---\n");
    },
    /** Labels of the buttons under the last turn's messages. */
    buttonLabels(): string[] {
      return buttons().map((b) => b.label);
    },
    async says(text: string) {
      last = await app.conversation.handle(user, textToEvent(text));
      return api.hears();
    },
    /** Presses the button whose label contains `label` (fails the test if there is none). */
    async presses(label: string) {
      const wanted = label.toLowerCase();
      const found = buttons().find((b) => b.label.toLowerCase().includes(wanted));
      if (!found) throw new Error(`no button "${label}" among: ${buttons().map((b) => b.label).join(" | ")}`);
      last = await app.conversation.handle(user, { kind: "button", data: found.data });
      return api.hears();
    },
    /** Sends raw button data, as a forged or stale client could. */
    async sendsButtonData(data: string) {
      last = await app.conversation.handle(user, { kind: "button", data });
      return api.hears();
    },
    async sendsFile(file: Partial<FileRef> & { name: string }) {
      last = await app.conversation.handle(user, {
        kind: "file",
        file: { channel, ref: file.ref ?? `file-${file.name}`, name: file.name, size: file.size ?? 1000, mime: file.mime ?? "application/pdf" },
        caption: "",
      });
      return api.hears();
    },
  };
  return api;
}

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
