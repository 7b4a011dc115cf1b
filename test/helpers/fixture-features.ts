import { untypedButton } from "../../src/core/button-data.js";
import { buttonRoute, say, type JsonValue } from "../../src/core/feature.js";
import { esc, html } from "../../src/core/markup.js";
import type { BotFeature } from "../../src/flows/context.js";

/**
 * Test fixtures standing in for later features: a counting flow (multi-step state) and an echo
 * of whatever the user typed. They use only the public feature interface of the core.
 */
export const counterFeature: BotFeature = {
  name: "counter-fixture",
  commands: [
    {
      names: ["dem"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: (ctx) => ({ ...say(esc("0")), dialog: ctx.begin("counter", { count: 0, seen: [] }) }),
    },
  ],
  flows: [
    {
      id: "counter",
      async onEvent(ctx, event, dialog) {
        const data = dialog.data as { count: number; seen: string[] };
        // A random pause makes a race visible if two events of one user ever overlapped.
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        const seen = [...data.seen, event.kind === "text" ? event.text : event.kind];
        const next: JsonValue = { count: data.count + 1, seen };
        return { ...say(esc(String(data.count + 1))), dialog: ctx.advance(next) };
      },
    },
  ],
};

export const echoFeature: BotFeature = {
  name: "echo-fixture",
  commands: [
    {
      names: ["lap"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: (_ctx, args) => say(html`<b>Bạn đã gõ:</b> ${esc(args)}`, [[{ label: args.slice(0, 30) || "…", data: "echo:again" }]]),
    },
    {
      names: ["dai"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: (_ctx, args) => say(esc(args.repeat(Math.ceil(10_000 / Math.max(1, args.length))))),
    },
    { names: ["canbo"], descriptionKey: "cmd-help", audience: "official", run: () => say(esc("bí mật của cán bộ")) },
  ],
  buttons: [
    buttonRoute({ codec: untypedButton("echo"), audience: "everyone", handle: (_ctx, [rest]) => say(html`nút: ${esc(rest)}`) }),
    buttonRoute({ codec: untypedButton("secret"), audience: "official", handle: () => say(esc("đã duyệt")) }),
  ],
};
