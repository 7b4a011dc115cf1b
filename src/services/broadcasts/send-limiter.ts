import { performance } from "node:perf_hooks";

/**
 * Paces sends: at most `perSecond` across all chats, spaced evenly, and at least `perChatGapMs`
 * between two sends to the same chat; everything waits while Telegram's `retry_after` runs.
 *
 * Grants are measured when they happen, so a stalled event loop never lets sends bunch up: each
 * grant waits for its theoretical time (`due`), and `due` advances by exactly one interval per
 * grant (small timer lateness is not carried forward, so the rate is still reached). Hence in
 * any window of one second there are at most `perSecond + 1` grants.
 */
export interface SendLimiterOptions {
  perSecond: number;
  perChatGapMs?: number;
  /** Milliseconds, monotonic (tests: a fake). */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

interface Waiter {
  chat: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

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
  readonly #waiters: Waiter[] = [];
  readonly #lastByChat = new Map<string, number>();
  #due = -Infinity;
  #pausedUntil = -Infinity;
  #timer: unknown = null;
  #grants = 0;

  constructor(options: SendLimiterOptions) {
    this.interval = 1000 / options.perSecond;
    this.perChatGapMs = options.perChatGapMs ?? 1000;
    this.#now = options.now ?? (() => performance.now());
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout));
  }

  /** Resolves when a message to `chat` may be sent; rejects with LimiterStopped on `stop()`. */
  take(chat: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ chat, resolve, reject });
      this.#pump();
    });
  }

  /** Telegram said to wait: nobody is sent anything until then. */
  pause(ms: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
    this.#pump();
  }

  get pausedFor(): number {
    return Math.max(0, this.#pausedUntil - this.#now());
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  /** Rejects every waiter (shutdown); later calls wait normally again. */
  stop(): void {
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#timer = null;
    for (const w of this.#waiters.splice(0)) w.reject(new LimiterStopped());
  }

  #schedule(ms: number): void {
    if (this.#timer !== null) this.#clearTimer(this.#timer);
    this.#timer = this.#setTimer(() => {
      this.#timer = null;
      this.#pump();
    }, Math.max(0, Math.ceil(ms)));
  }

  #pump(): void {
    while (this.#waiters.length) {
      const now = this.#now();
      const at = Math.max(this.#due, this.#pausedUntil);
      if (now < at) return this.#schedule(at - now);
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
      if (pick < 0) return this.#schedule(soonest - now);
      const [waiter] = this.#waiters.splice(pick, 1);
      // Lateness under one interval is absorbed; after an idle spell the schedule restarts from now.
      this.#due = (now - this.#due < this.interval ? Math.max(this.#due, this.#pausedUntil) : now) + this.interval;
      this.#lastByChat.set(waiter!.chat, now);
      if (++this.#grants % 1000 === 0) this.#forgetOldChats(now);
      waiter!.resolve();
    }
  }

  #forgetOldChats(now: number): void {
    for (const [chat, at] of this.#lastByChat) if (now - at >= this.perChatGapMs) this.#lastByChat.delete(chat);
  }
}
