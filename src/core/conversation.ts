import type { Dispatcher } from "./dispatcher.js";
import { menuButtons } from "./dispatcher.js";
import { inboundEventSchema, cleanText } from "./events.js";
import type { DialogState, JsonValue, Role, Turn, TurnContext } from "./feature.js";
import type { Translator } from "./i18n.js";
import { KeyedQueue } from "./keyed-queue.js";
import type { Logger } from "./log.js";
import { MAX_INBOUND_TEXT, userKeyOf, type InboundEvent, type Locale, type OutboundMessage, type UserRef } from "./types.js";

export interface DialogStore {
  get(userKey: string): DialogState | undefined;
  set(userKey: string, dialog: DialogState): void;
  delete(userKey: string): void;
}

export interface ConversationOptions<S> {
  dispatcher: Dispatcher<S>;
  translator: Translator;
  services: S;
  dialogs: DialogStore;
  /** Records that we saw the user; returns their chosen locale, if any. */
  touchUser(user: UserRef, now: Date): { locale: Locale | null };
  roleOf(user: UserRef): Role | null;
  /** Resolves once every change made so far is on disk. */
  commit(): Promise<void>;
  defaultLocale: Locale;
  log: Logger;
  clock?: () => Date;
}

export type Deliver = (messages: OutboundMessage[]) => Promise<void>;

export interface Conversation {
  /**
   * Handles one event for its user, after that user's earlier events, and passes the replies to
   * `deliver` while still holding the user's turn — so replies leave in order, and only after the
   * changes they speak of are written.
   */
  handle(user: UserRef, event: InboundEvent, deliver?: Deliver): Promise<OutboundMessage[]>;
  /** Resolves when no event is being handled (clean shutdown). */
  idle(): Promise<void>;
  readonly pending: number;
}

export function createConversation<S>(options: ConversationOptions<S>): Conversation {
  const { dispatcher, translator, services, dialogs, log } = options;
  const queue = new KeyedQueue();
  const clock = options.clock ?? (() => new Date());

  const contextFor = (user: UserRef, userKey: string, locale: Locale, role: Role | null, now: Date, dialog: DialogState | null): TurnContext<S> => {
    const iso = now.toISOString();
    const ctx: TurnContext<S> = {
      user,
      userKey,
      locale,
      role,
      now,
      dialog,
      services,
      t: (key, args) => translator.t(locale, key, args),
      tIn: (other, key, args) => translator.t(other, key, args),
      menu: () => menuButtons(dispatcher.menuFor(role), (key) => translator.t(locale, key)),
      commands: () => dispatcher.commandsFor(role),
      flow: (id) => dispatcher.flow(id),
      begin: (flow: string, data: JsonValue) => ({ flow, data, startedAt: iso, updatedAt: iso }),
      advance: (data: JsonValue) => ({ flow: dialog?.flow ?? "?", data, startedAt: dialog?.startedAt ?? iso, updatedAt: iso }),
    };
    return ctx;
  };

  const turn = async (user: UserRef, raw: InboundEvent): Promise<OutboundMessage[]> => {
    const now = clock();
    const userKey = userKeyOf(user);
    const { locale: chosen } = options.touchUser(user, now);
    const locale = chosen ?? options.defaultLocale;
    const role = options.roleOf(user);
    const previous = dialogs.get(userKey) ?? null;
    const ctx = contextFor(user, userKey, locale, role, now, previous);

    const parsed = inboundEventSchema.safeParse(raw);
    let result: Turn;
    if (!parsed.success) {
      log.warn("event refused at the core", { user: userKey, kind: (raw as { kind?: string }).kind ?? "?" });
      result = { messages: [{ text: ctx.t("unsupported-message"), buttons: ctx.menu() }] };
    } else {
      const event = normalise(parsed.data);
      if (event.kind === "text" && event.text.length > MAX_INBOUND_TEXT) {
        result = { messages: [{ text: ctx.t("text-too-long", { max: MAX_INBOUND_TEXT }) }] };
      } else if (event.kind === "text" && event.text === "") {
        result = { messages: [{ text: ctx.t("not-understood"), buttons: ctx.menu() }] };
      } else {
        try {
          result = await dispatcher.dispatch(ctx, event);
        } catch (error) {
          log.error("handler failed", { user: userKey, kind: event.kind, error });
          result = { messages: [{ text: ctx.t("error-internal") }], dialog: undefined };
        }
      }
    }

    if (result.dialog !== undefined) {
      if (result.dialog === null) dialogs.delete(userKey);
      else dialogs.set(userKey, result.dialog);
    }
    try {
      await options.commit();
    } catch (error) {
      log.error("could not save", { user: userKey, error });
      // Put the dialog back as it was: the user is told nothing was saved and may answer again.
      if (result.dialog !== undefined) {
        if (previous) dialogs.set(userKey, previous);
        else dialogs.delete(userKey);
      }
      return [{ text: ctx.t("error-storage") }];
    }
    if (!result.afterCommit) return result.messages;
    let after: OutboundMessage[] = [];
    try {
      after = await result.afterCommit();
      await options.commit();
    } catch (error) {
      // The turn itself is saved; only what came after it failed.
      log.error("after-commit step failed", { user: userKey, error });
      after = [{ text: ctx.t("error-internal") }];
    }
    return [...result.messages, ...after];
  };

  return {
    handle(user, event, deliver) {
      return queue.run(userKeyOf(user), async () => {
        const messages = await turn(user, event);
        if (deliver) {
          try {
            await deliver(messages);
          } catch (error) {
            log.warn("reply not delivered", { user: userKeyOf(user), error: String(error) });
          }
        }
        return messages;
      });
    },
    idle: () => queue.idle(),
    get pending() {
      return queue.pending;
    },
  };
}

function normalise(event: InboundEvent): InboundEvent {
  switch (event.kind) {
    case "text":
      return { kind: "text", text: cleanText(event.text) };
    case "command":
      return { ...event, args: cleanText(event.args) };
    case "file":
      return { ...event, caption: cleanText(event.caption) };
    default:
      return event;
  }
}
