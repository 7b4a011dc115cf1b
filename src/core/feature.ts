import type { ButtonCodec, ButtonFields, SomeButtonCodec } from "./button-data.js";
import type { MessageArgs } from "./i18n.js";
import type { Markup } from "./markup.js";
import type { Button, InboundEvent, Locale, OutboundMessage, UserRef } from "./types.js";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What a user is in the middle of: the flow that owns their next message, and its data. */
export interface DialogState {
  flow: string;
  data: JsonValue;
  startedAt: string;
  updatedAt: string;
}

export type Role = "official" | "admin";
export type Audience = "everyone" | "official" | "admin";

/** The result of one event: what to say, and the new dialog state (undefined = unchanged, null = none). */
export interface Turn {
  messages: OutboundMessage[];
  dialog?: DialogState | null;
  /**
   * Runs once the turn's changes are on disk, before the replies go out — for what must not
   * happen before the write, such as notifying another user of a status change. What it returns
   * is said after `messages`; whatever it changes is committed too. Not run if the write failed.
   */
  afterCommit?: () => Promise<OutboundMessage[]>;
}

export interface CommandInfo {
  /** First name is the Vietnamese one shown in menus; the rest are aliases (English). */
  names: readonly string[];
  descriptionKey: string;
  audience: Audience;
}

/** Everything a handler may use for one turn; `S` is the application's services. */
export interface TurnContext<S> {
  readonly user: UserRef;
  readonly userKey: string;
  readonly locale: Locale;
  readonly role: Role | null;
  readonly now: Date;
  readonly dialog: DialogState | null;
  readonly services: S;
  t(key: string, args?: MessageArgs): Markup;
  /** Same text in another locale (e.g. a language switch answered in the new language). */
  tIn(locale: Locale, key: string, args?: MessageArgs): Markup;
  /** Main menu buttons this user may use. */
  menu(): Button[][];
  /** Commands this user may use, for /help. */
  commands(): CommandInfo[];
  /** The flow handler for an id, to hand over or cancel. */
  flow(id: string): FlowHandler<S> | undefined;
  /** Starts a dialog state for `flow` (timestamps filled in). */
  begin(flow: string, data: JsonValue): DialogState;
  /** Same flow, new data, fresh `updatedAt`. */
  advance(data: JsonValue): DialogState;
}

export interface Command<S> extends CommandInfo {
  run(ctx: TurnContext<S>, args: string): Promise<Turn> | Turn;
}

/** The buttons of one codec, as the dispatcher sees them: build one with `buttonRoute`. */
export interface ButtonRoute<S> {
  readonly codec: SomeButtonCodec;
  /** Checked by the dispatcher on every press, before the data is even decoded. */
  readonly audience: Audience;
  /** The turn for data of this prefix, or undefined when it does not decode (the stale-button answer). */
  press(ctx: TurnContext<S>, data: string): Promise<Turn> | Turn | undefined;
}

/** A route declared with its codec: `handle` gets the decoded value, never the raw data. */
export function buttonRoute<S, T extends ButtonFields>(route: {
  codec: ButtonCodec<T>;
  audience: Audience;
  handle(ctx: TurnContext<S>, value: T): Promise<Turn> | Turn;
}): ButtonRoute<S> {
  const { codec, audience, handle } = route;
  return {
    codec,
    audience,
    press(ctx, data) {
      const value = codec.decode(data);
      return value === undefined ? undefined : handle(ctx, value);
    },
  };
}

/** A multi-step conversation: while it is active, free text, files and its buttons come to it. */
export interface FlowHandler<S> {
  id: string;
  /** Codecs of the buttons this flow answers while active; it decodes `event.data` with them itself. */
  buttons?: readonly SomeButtonCodec[];
  /** Who may be in this flow; checked again on every event (a role may be revoked mid-flow). */
  audience?: Audience;
  onEvent(ctx: TurnContext<S>, event: InboundEvent, dialog: DialogState): Promise<Turn> | Turn;
  /** `/huy` while this flow is active; default: drop the state and say so. */
  onCancel?(ctx: TurnContext<S>, dialog: DialogState): Promise<Turn> | Turn;
  /** The user greets the bot again (/start) while this flow is active: offer to continue or start over. */
  onReturn?(ctx: TurnContext<S>, dialog: DialogState): Promise<Turn> | Turn;
}

export interface MenuEntry {
  labelKey: string;
  /** The command the button runs (its first name). */
  command: string;
  audience: Audience;
}

/** A feature plugs commands, buttons, flows and menu entries into the core. */
export interface Feature<S> {
  name: string;
  commands?: Command<S>[];
  buttons?: ButtonRoute<S>[];
  flows?: FlowHandler<S>[];
  menu?: MenuEntry[];
  /** Free text when no flow is active (at most one feature: the FAQ). */
  onFreeText?(ctx: TurnContext<S>, text: string): Promise<Turn> | Turn;
  /**
   * Free text that means a command ("hủy", "tra cứu GT-2026-0001", "english please"), read before
   * the active flow and before `onFreeText` (at most one feature). The command then runs as if it
   * had been typed — its audience checked as always; null: the text goes on as text.
   */
  readText?(ctx: TurnContext<S>, text: string): { command: string; args: string } | null;
  /** A file when no flow is active. */
  onFreeFile?(ctx: TurnContext<S>, event: Extract<InboundEvent, { kind: "file" }>): Promise<Turn> | Turn;
}

export function allowed(audience: Audience, role: Role | null): boolean {
  if (audience === "everyone") return true;
  if (audience === "official") return role === "official" || role === "admin";
  return role === "admin";
}

/** Shorthand for a one-message turn. */
export function say(text: Markup, buttons?: Button[][]): Turn {
  return { messages: [buttons ? { text, buttons } : { text }] };
}
