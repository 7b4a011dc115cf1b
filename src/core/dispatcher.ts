import { commandButton, prefixOf } from "./button-data.js";
import { buttonRegistry, type ButtonClaim } from "./button-registry.js";
import {
  allowed,
  say,
  type ButtonRoute,
  type Command,
  type CommandInfo,
  type Feature,
  type FlowHandler,
  type MenuEntry,
  type Role,
  type Turn,
  type TurnContext,
} from "./feature.js";
import type { Button, InboundEvent } from "./types.js";

/** `/name@bot args` → a command event; anything else is text. Shared by every channel that reads raw text. */
export function textToEvent(text: string): InboundEvent {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (m) return { kind: "command", name: m[1]!.toLowerCase(), args: (m[2] ?? "").trim() };
  return { kind: "text", text };
}

export interface Dispatcher<S> {
  dispatch(ctx: TurnContext<S>, event: InboundEvent): Promise<Turn>;
  commandsFor(role: Role | null): CommandInfo[];
  menuFor(role: Role | null): MenuEntry[];
  flow(id: string): FlowHandler<S> | undefined;
  /** Every button prefix and who declared it (the core's `cmd` included). */
  readonly buttons: ReadonlyMap<string, ButtonClaim>;
}

/** Routes one event to the feature that owns it. Knows no platform and keeps no state of its own. */
export function createDispatcher<S>(features: readonly Feature<S>[]): Dispatcher<S> {
  const commands = new Map<string, Command<S>>();
  const buttons = new Map<string, ButtonRoute<S>>();
  const flows = new Map<string, FlowHandler<S>>();
  const claims: ButtonClaim[] = [{ owner: "core", codec: commandButton }];
  const routes: { owner: string; route: ButtonRoute<S> }[] = [];
  const menu: MenuEntry[] = [];
  let onFreeText: Feature<S>["onFreeText"];
  let onFreeFile: Feature<S>["onFreeFile"];
  let readText: Feature<S>["readText"];

  for (const feature of features) {
    for (const command of feature.commands ?? []) {
      for (const name of command.names) {
        if (!/^[a-z0-9_]{1,32}$/.test(name)) throw new Error(`${feature.name}: bad command name ${name}`);
        if (commands.has(name)) throw new Error(`${feature.name}: command /${name} is taken`);
        commands.set(name, command);
      }
    }
    for (const route of feature.buttons ?? []) {
      claims.push({ owner: feature.name, codec: route.codec });
      routes.push({ owner: feature.name, route });
    }
    for (const flow of feature.flows ?? []) {
      if (flows.has(flow.id)) throw new Error(`${feature.name}: flow ${flow.id} is taken`);
      flows.set(flow.id, flow);
      for (const codec of flow.buttons ?? []) claims.push({ owner: feature.name, codec });
    }
    menu.push(...(feature.menu ?? []));
    if (feature.onFreeText) {
      if (onFreeText) throw new Error(`${feature.name}: free text already has a handler`);
      onFreeText = feature.onFreeText;
    }
    if (feature.readText) {
      if (readText) throw new Error(`${feature.name}: reading free text as commands already has a handler`);
      readText = feature.readText;
    }
    if (feature.onFreeFile) {
      if (onFreeFile) throw new Error(`${feature.name}: free files already have a handler`);
      onFreeFile = feature.onFreeFile;
    }
  }
  // Prefixes first: a clash between features is named as such before anything else.
  const registry = buttonRegistry(claims);
  for (const { owner, route } of routes) {
    if (buttons.has(route.codec.prefix)) throw new Error(`${owner}: two routes for button prefix "${route.codec.prefix}"`);
    buttons.set(route.codec.prefix, route);
  }
  for (const entry of menu) {
    if (!commands.has(entry.command)) throw new Error(`menu entry for unknown command /${entry.command}`);
  }

  /** The same words for a command that does not exist and one this user may not use. */
  const unknownCommand = (ctx: TurnContext<S>, name: string): Turn =>
    say(ctx.t("unknown-command", { command: `/${name}` }), ctx.menu());

  const staleButton = (ctx: TurnContext<S>): Turn => say(ctx.t("button-not-valid"), ctx.menu());

  const runCommand = async (ctx: TurnContext<S>, name: string, args: string): Promise<Turn> => {
    const command = commands.get(name);
    if (!command || !allowed(command.audience, ctx.role)) return unknownCommand(ctx, name);
    return command.run(ctx, args);
  };

  const activeFlow = (ctx: TurnContext<S>): FlowHandler<S> | undefined => {
    if (!ctx.dialog) return undefined;
    const flow = flows.get(ctx.dialog.flow);
    return flow && allowed(flow.audience ?? "everyone", ctx.role) ? flow : undefined;
  };

  return {
    async dispatch(ctx, event) {
      switch (event.kind) {
        case "command":
          return runCommand(ctx, event.name, event.args);
        case "button": {
          const prefix = prefixOf(event.data);
          if (prefix === commandButton.prefix) {
            const command = commandButton.decode(event.data);
            return command ? runCommand(ctx, command[0], "") : staleButton(ctx);
          }
          const flow = activeFlow(ctx);
          if (flow && ctx.dialog && flow.buttons?.some((codec) => codec.prefix === prefix)) return flow.onEvent(ctx, event, ctx.dialog);
          const route = buttons.get(prefix);
          // The audience is checked on every press; only then is the data decoded.
          const turn = route && allowed(route.audience, ctx.role) ? route.press(ctx, event.data) : undefined;
          // A flow's button pressed after the flow ended, or data no client of ours produced.
          return turn ?? staleButton(ctx);
        }
        case "text":
        case "file": {
          const meant = event.kind === "text" ? readText?.(ctx, event.text) : null;
          if (meant) return runCommand(ctx, meant.command, meant.args);
          const flow = activeFlow(ctx);
          if (flow && ctx.dialog) return flow.onEvent(ctx, event, ctx.dialog);
          if (event.kind === "file") {
            if (onFreeFile) return onFreeFile(ctx, event);
            return say(ctx.t("file-without-context"), ctx.menu());
          }
          if (onFreeText) return onFreeText(ctx, event.text);
          return say(ctx.t("not-understood"), ctx.menu());
        }
        case "unsupported":
          return say(ctx.t("unsupported-message"), ctx.menu());
      }
    },
    commandsFor(role) {
      const seen = new Set<Command<S>>();
      for (const c of commands.values()) if (allowed(c.audience, role)) seen.add(c);
      return [...seen];
    },
    menuFor(role) {
      return menu.filter((m) => allowed(m.audience, role));
    },
    flow(id) {
      return flows.get(id);
    },
    buttons: registry,
  };
}

/** Two buttons per row: readable on a phone. */
export function menuButtons(entries: readonly MenuEntry[], label: (key: string) => string): Button[][] {
  const rows: Button[][] = [];
  entries.forEach((entry, i) => {
    if (i % 2 === 0) rows.push([]);
    rows[rows.length - 1]!.push({ label: label(entry.labelKey), data: commandButton.encode([entry.command]) });
  });
  return rows;
}
