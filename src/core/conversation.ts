import type { Dispatcher } from "./dispatcher.js";
import { menuButtons } from "./dispatcher.js";
import { inboundEventSchema, cleanText } from "./events.js";
import type { DialogState, JsonValue, Role, Turn, TurnContext } from "./feature.js";
import type { Translator } from "./i18n.js";
import { KeyedQueue } from "./keyed-queue.js";
import type { Logger } from "./log.js";
import { MAX_INBOUND_TEXT, userKeyOf, type InboundEvent, type Locale, type OutboundMessage, type UserRef } from "./types.js";

export interface DialogStore {
  get(userKey: string): Promise<DialogState | undefined>;
  set(userKey: string, dialog: DialogState): Promise<void>;
  delete(userKey: string): Promise<void>;
}

/** How the core makes a turn one unit of work (the storage port, seen from the core). */
export interface TurnUnits {
  /** Runs `work` as one unit: committed when it resolves (then durable), nothing kept when it throws. */
  unit<T>(work: () => Promise<T>, options?: { lockKey?: string; prefetch?: readonly { kind: string; key: string }[] }): Promise<T>;
  /** Whether a unit failed only because it waited too long for a lock (the user's own, or a record's another turn held). */
  isLockTimeout?(error: unknown): boolean;
}

export interface ConversationOptions<S> {
  dispatcher: Dispatcher<S>;
  translator: Translator;
  services: S;
  dialogs: DialogStore;
  /** Records that we saw the user; returns their chosen locale, if any. */
  touchUser(user: UserRef, now: Date): Promise<{ locale: Locale | null }>;
  roleOf(user: UserRef): Promise<Role | null>;
  /** Each turn runs in one unit of work, locked on the user's key on every instance. */
  units: TurnUnits;
  /** What every turn reads first about its user (a hint: the backend may fetch it with the start of the unit). */
  prefetchFor?: (userKey: string) => readonly { kind: string; key: string }[];
  defaultLocale: Locale;
  /**
   * For a user who has chosen no language (`touchUser` gave null): the language to answer this turn
   * in, guessed from what they wrote (`text`: their free text, null for anything else) and kept
   * between turns by the app, and whether to offer, this once, to keep it. Absent: the default locale.
   */
  guessLocale?(userKey: string, text: string | null): Promise<{ locale: Locale | null; offer: boolean }>;
  /** The offer to keep answering in the guessed language, added after the turn's replies; null if no longer wanted (a language was chosen meanwhile). */
  languageOffer?(ctx: TurnContext<S>): Promise<OutboundMessage | null>;
  log: Logger;
  clock?: () => Date;
  /**
   * The replies on their way out, in the user's language (files we hold turned into their bytes,
   * src/services/files.ts). Runs after the commit, before `deliver`; must not throw.
   */
  prepare?: (messages: OutboundMessage[], locale: Locale) => Promise<OutboundMessage[]>;
}

export type Deliver = (messages: OutboundMessage[]) => Promise<void>;

export interface Conversation {
  /**
   * Handles one event for its user, after that user's earlier events, and passes the replies to
   * `deliver` while still holding the user's turn — so replies leave in order, and only after the
   * changes they speak of are committed. Everything the turn changes (dialog, submission,
   * counter, audit entry…) is one unit of work: all of it is saved, or none of it.
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

  /** Everything one event does until the commit; throws to keep nothing of it. */
  const work = async (user: UserRef, userKey: string, raw: InboundEvent, seen: { locale: Locale }): Promise<{ result: Turn; ctx: TurnContext<S> }> => {
    const now = clock();
    const { locale: chosen } = await options.touchUser(user, now);
    const parsed = inboundEventSchema.safeParse(raw);
    const event = parsed.success ? normalise(parsed.data) : null;
    const role = await options.roleOf(user);
    const previous = (await dialogs.get(userKey)) ?? null;
    let locale = chosen ?? options.defaultLocale;
    let offer = false;
    if (chosen === null && options.guessLocale) {
      // Only free text outside a flow tells the language: a form's answers are names, codes and
      // values (and a wrong answer is often a word of neither language); the guess made before holds.
      const telling = event?.kind === "text" && previous === null ? event.text : null;
      const guess = await options.guessLocale(userKey, telling);
      if (guess.locale) locale = guess.locale;
      offer = guess.offer;
    }
    seen.locale = locale;
    const ctx = contextFor(user, userKey, locale, role, now, previous);

    let result: Turn;
    if (!event) {
      log.warn("event refused at the core", { user: userKey, kind: (raw as { kind?: string }).kind ?? "?" });
      result = { messages: [{ text: ctx.t("unsupported-message"), buttons: ctx.menu() }] };
    } else {
      if (event.kind === "text" && event.text.length > MAX_INBOUND_TEXT) {
        result = { messages: [{ text: ctx.t("text-too-long", { max: MAX_INBOUND_TEXT }) }] };
      } else if (event.kind === "text" && event.text === "") {
        result = { messages: [{ text: ctx.t("not-understood"), buttons: ctx.menu() }] };
      } else {
        try {
          result = await dispatcher.dispatch(ctx, event);
        } catch (error) {
          throw new HandlerFailed(event.kind, error);
        }
      }
    }
    if (result.dialog !== undefined) {
      if (result.dialog === null) await dialogs.delete(userKey);
      else await dialogs.set(userKey, result.dialog);
    }
    if (offer && options.languageOffer) {
      const message = await options.languageOffer(ctx);
      if (message) result = { ...result, messages: [...result.messages, message] };
    }
    return { result, ctx };
  };

  const turn = async (user: UserRef, raw: InboundEvent, seen: { locale: Locale }): Promise<OutboundMessage[]> => {
    const userKey = userKeyOf(user);
    let done: { result: Turn; ctx: TurnContext<S> };
    try {
      done = await options.units.unit(() => work(user, userKey, raw, seen), { lockKey: userKey, ...(options.prefetchFor ? { prefetch: options.prefetchFor(userKey) } : {}) });
    } catch (error) {
      // Nothing of the turn was kept, whatever failed: the unit of work undid all of it (dialog,
      // records, audit entries), on either backend. The reply says which of three things happened.
      const kind = error instanceof HandlerFailed ? error.kind : (raw as { kind?: string }).kind;
      const cause = error instanceof HandlerFailed ? error.cause : error;
      if (options.units.isLockTimeout?.(cause)) {
        // Another turn held the user (or a record this one needed) too long: the same message will do.
        log.warn("turn waited too long for a lock; nothing saved", { user: userKey, kind, error: String(cause) });
        return [{ text: translator.t(seen.locale, "error-busy") }];
      }
      if (error instanceof HandlerFailed) {
        log.error("handler failed; nothing saved", { user: userKey, kind, error: error.cause });
        return [{ text: translator.t(seen.locale, "error-internal") }];
      }
      log.error("could not save; nothing kept", { user: userKey, kind, error });
      return [{ text: translator.t(seen.locale, "error-storage") }];
    }
    const { result, ctx } = done;
    if (!result.afterCommit) return result.messages;
    let after: OutboundMessage[] = [];
    try {
      after = await options.units.unit(() => result.afterCommit!(), { lockKey: userKey });
    } catch (error) {
      // The turn itself is saved; only what came after it failed — the reply must not ask to repeat it.
      log.error("after-commit step failed", { user: userKey, error });
      after = [{ text: ctx.t("error-after-commit") }];
    }
    return [...result.messages, ...after];
  };

  return {
    handle(user, event, deliver) {
      return queue.run(userKeyOf(user), async () => {
        const seen = { locale: options.defaultLocale };
        const made = await turn(user, event, seen);
        const messages = options.prepare ? await options.prepare(made, seen.locale) : made;
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

/** A handler threw: the turn's unit of work is abandoned and the user told something went wrong. */
class HandlerFailed extends Error {
  constructor(
    readonly kind: string,
    override readonly cause: unknown,
  ) {
    super(`handler failed on a ${kind} event`);
  }
}
