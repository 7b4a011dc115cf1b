import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { App } from "../../app.js";
import { textToEvent } from "../../core/dispatcher.js";
import { toPlainText } from "../../core/markup.js";
import type { Button, InboundEvent, OutboundMessage } from "../../core/types.js";

/** Buttons become numbered options; typing the number presses the button. */
export function renderForTerminal(messages: OutboundMessage[]): { text: string; options: Button[] } {
  const options: Button[] = [];
  const blocks = messages.map((m) => {
    if (m.edit) {
      // A re-drawn question (a multi-select tap): print the change; its options keep their numbers.
      for (const b of (m.buttons ?? []).flat()) options.push(b);
      return toPlainText(m.edit.change);
    }
    const lines = [toPlainText(m.text)];
    if (m.attachment) lines.push(`📎 ${m.attachment.kind === "bytes" ? m.attachment.name : m.attachment.file.name}`);
    for (const row of m.buttons ?? []) {
      for (const b of row) {
        options.push(b);
        lines.push(`  ${options.length}) ${b.label}`);
      }
    }
    return lines.join("\n");
  });
  return { text: blocks.join("\n\n"), options };
}

/** A number answers the options shown last; anything else is text or a /command. */
export function terminalInputToEvent(line: string, options: readonly Button[]): InboundEvent {
  const n = /^\s*(\d{1,2})\s*$/.exec(line);
  if (n) {
    const chosen = options[Number(n[1]) - 1];
    if (chosen) return { kind: "button", data: chosen.data };
  }
  return textToEvent(line);
}

/** The terminal chat: the same core as the other channels, for a person at the server. */
export async function runConsoleChat(app: App, input: Readable, output: Writable, userId = "local"): Promise<void> {
  const rl = createInterface({ input, terminal: false });
  // Take the iterator now: lines typed (or piped) while the welcome is being prepared must not be lost.
  const lines = rl[Symbol.asyncIterator]();
  const user = { channel: "console" as const, id: userId };
  let options: Button[] = [];
  const show = (messages: OutboundMessage[]) => {
    const rendered = renderForTerminal(messages);
    options = rendered.options.length ? rendered.options : options;
    output.write(`\n${rendered.text}\n\n> `);
  };
  show(await app.conversation.handle(user, { kind: "command", name: "start", args: "" }));
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const trimmed = next.value.trim();
    if (trimmed === "") {
      output.write("> ");
      continue;
    }
    if (trimmed === "/thoat" || trimmed === "/exit") break;
    show(await app.conversation.handle(user, terminalInputToEvent(trimmed, options)));
  }
  rl.close();
  output.write("\n");
}
