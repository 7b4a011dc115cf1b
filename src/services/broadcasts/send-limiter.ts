import { performance } from "node:perf_hooks";

/**
 * Paces sends: at most `perSecond` in any one-second window across all chats, at least
 * `perChatGapMs` between two sends to the same chat, and nothing while Telegram's `retry_after`
 * runs.
 *
 * Sends are spaced evenly (one every `interval`). A busy event loop fires timers late — at 200/s
 * later than the 5 ms between two sends — so the schedule is kept rather than restarted and the
 * sends a late timer missed go right after it; a record of the last `perSecond` sends keeps every
 * one-second window at `perSecond` at most whatever the timers do.
 *
 * One send is granted per turn of the event loop, so the caller's request leaves before the next
 * grant; the caller says when it actually sends (`sending()`), and both limits count from then.
 */
export interface SendLimiterOptions {
  perSecond: number;
  perChatGapMs?: number;
  /** Milliseconds, monotonic (tests: a fake). */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Runs `fn` on the next turn of the event loop (default setImmediate). */
  defer?: (fn: () => void) => void;
}

/** A granted send: call `sending()` just before the request goes out. */
export interface Grant {
  sending(): void;
}

interface Waiter {
  chat: string;
  resolve: (grant: Grant) => void;
  reject: (error: Error) => void;
}

/** Up to this far behind schedule, missed sends are made up; after a longer quiet spell the schedule starts again from now. */
const CATCH_UP_MS = 1000;

export class LimiterStopped extends Error {
  constructor() {
    super("send limiter stopped");
  }
}

export class SendLimiter {
  readonly interval: number;
  readonly perChatGapMs: number;
  readonly #now: () => number;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (handle: unknown) => void;
  readonly #defer: (fn: () => void) => void;
  readonly #waiters: Waiter[] = [];
  readonly #lastByChat = new Map<string, number>();
  /** The times of the last `perSecond` sends, a ring; `#oldest` is the next slot to reuse. */
  readonly #recent: number[];
  #oldest = 0;
  #due = -Infinity;
  #pausedUntil = -Infinity;
  #timer: unknown = null;
  #deferred = false;
  #grants = 0;

  constructor(options: SendLimiterOptions) {
    this.interval = 1000 / options.perSecond;
    this.perChatGapMs = options.perChatGapMs ?? 1000;
    this.#recent = new Array<number>(Math.max(1, Math.floor(options.perSecond))).fill(-Infinity);
    this.#now = options.now ?? (() => performance.now());
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
    this.#defer = options.defer ?? ((fn) => void setImmediate(fn));
  }

  /** Resolves when a message to `chat` may be sent; rejects with LimiterStopped on `stop()`. */
  take(chat: string): Promise<Grant> {
    return new Promise<Grant>((resolve, reject) => {
      this.#waiters.push({ chat, resolve, reject });
      this.#pump();
    });
  }

  /** Telegram said to wait: nobody is sent anything until then. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
    // The time spent waiting is not made up afterwards.
    this.#due = Math.max(this.#due, this.#pausedUntil);
    this.#pump();
  }

  get pausedFor(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  /** Rejects every waiter (shutdown); later calls wait normally again. */
  stop(): void {
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#timer = null;
    for (const w of this.#waiters.splice(0)) w.reject(new LimiterStopped());
  }

  /** Looks again once the earliest constraint allows (a timer), or on the next turn if it already does. */
  #wake(ms: number): void {
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#timer = null;
    if (ms <= 0) {
      if (this.#deferred) return;
      this.#deferred = true;
      this.#defer(() => {
        this.#deferred = false;
        this.#pump();
      });
      return;
    }
    this.#timer = this.#setTimer(() => {
      this.#timer = null;
      this.#pump();
    }, Math.ceil(ms));
  }

  #pump(): void {
    if (this.#waiters.length === 0 || this.#deferred) return;
    const now = this.#now();
    const at = Math.max(this.#due, this.#pausedUntil, this.#recent[this.#oldest]! + 1000);
    if (now < at) return this.#wake(at - now);
    // The first waiter whose chat may have a message now (others keep their place).
    let pick = -1;
    let soonest = Infinity;
    for (let i = 0; i < this.#waiters.length; i++) {
      const ready = (this.#lastByChat.get(this.#waiters[i]!.chat) ?? -Infinity) + this.perChatGapMs;
      if (ready <= now) {
        pick = i;
        break;
      }
      soonest = Math.min(soonest, ready);
    }
    if (pick < 0) return this.#wake(soonest - now);
    const [waiter] = this.#waiters.splice(pick, 1);
    this.#due = (now - this.#due < CATCH_UP_MS ? this.#due : now) + this.interval;
    const slot = this.#oldest;
    this.#recent[slot] = now;
    this.#oldest = (slot + 1) % this.#recent.length;
    const generation = ++this.#grants;
    const chat = waiter!.chat;
    this.#lastByChat.set(chat, now);
    if (generation % 1000 === 0) this.#forgetOldChats(now);
    waiter!.resolve({
      // The request leaves a little after the grant: both limits count from when it does.
      sending: () => {
        const at = this.#now();
        if (this.#grants - generation < this.#recent.length) this.#recent[slot] = Math.max(this.#recent[slot]!, at);
        this.#lastByChat.set(chat, Math.max(this.#lastByChat.get(chat) ?? at, at));
      },
    });
    // One grant per turn: the caller's request goes out before the next one is granted.
    if (this.#waiters.length) this.#wake(0);
  }

  #forgetOldChats(now: number): void {
    for (const [chat, at] of this.#lastByChat) if (now - at >= this.perChatGapMs) this.#lastByChat.delete(chat);
  }
}
