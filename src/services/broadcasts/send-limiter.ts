import { performance } from "node:perf_hooks";

/**
 * Paces sends: at most `perSecond` in any one-second window across all chats, at least
 * `perChatGapMs` between two sends to the same chat, and nothing while Telegram's `retry_after`
 * runs.
 *
 * Sends are spaced evenly (one every `interval`). A busy event loop fires timers late — at 200/s
 * later than the 5 ms between two sends — so the schedule is kept rather than restarted, and the
 * sends a late timer missed go at once when it fires; a record of the last `perSecond` grants
 * keeps every one-second window at `perSecond` at most whatever the timers do.
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
  readonly #waiters: Waiter[] = [];
  readonly #lastByChat = new Map<string, number>();
  /** The last `perSecond` grant times, oldest at `#oldest`. */
  readonly #recent: number[];
  #oldest = 0;
  #due = -Infinity;
  #pausedUntil = -Infinity;
  #timer: unknown = null;
  #grants = 0;

  constructor(options: SendLimiterOptions) {
    this.interval = 1000 / options.perSecond;
    this.#recent = new Array<number>(Math.max(1, Math.floor(options.perSecond))).fill(-Infinity);
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
    // The time spent waiting is not made up afterwards.
    this.#due = Math.max(this.#due, this.#pausedUntil);
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
      const at = Math.max(this.#due, this.#pausedUntil, this.#recent[this.#oldest]! + 1000);
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
      // Up to a second behind schedule is made up; after a longer quiet spell the schedule starts from now.
      this.#due = (now - this.#due < CATCH_UP_MS ? this.#due : now) + this.interval;
      this.#recent[this.#oldest] = now;
      this.#oldest = (this.#oldest + 1) % this.#recent.length;
      this.#lastByChat.set(waiter!.chat, now);
      if (++this.#grants % 1000 === 0) this.#forgetOldChats(now);
      waiter!.resolve();
    }
  }

  #forgetOldChats(now: number): void {
    for (const [chat, at] of this.#lastByChat) if (now - at >= this.perChatGapMs) this.#lastByChat.delete(chat);
  }
}
