/**
 * Keeps the bot under the OA API's request rate (4,000 requests per minute per app, tech-notes
 * §6.2): a token bucket that lets a short burst through and then spaces requests out, plus a
 * pause for everyone after Zalo answers -32 (rate limited), doubling while it keeps happening.
 */
export interface RateLimitOptions {
  perMinute: number;
  /** Requests allowed at once before spacing starts. */
  burst: number;
  /** First pause after a -32; doubles up to `maxBackoffMs`, resets after a success. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 4000, burst: 50, backoffMs: 2000, maxBackoffMs: 60_000 };

export interface RateLimiter {
  /** Resolves when a request may go out. */
  take(): Promise<void>;
  /** Zalo said -32: everyone waits; returns how long (ms). */
  backOff(): number;
  /** A request succeeded: the next -32 starts from the first pause again. */
  succeeded(): void;
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const refillPerMs = options.perMinute / 60_000;
  let tokens = options.burst;
  let last = now();
  let pausedUntil = 0;
  let nextBackoff = options.backoffMs;
  // Waiters are served in order, so a burst of sends leaves in the order it was queued.
  let chain: Promise<void> = Promise.resolve();

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  const acquire = async (): Promise<void> => {
    for (;;) {
      const t = now();
      if (t < pausedUntil) {
        await sleep(pausedUntil - t);
        continue;
      }
      tokens = Math.min(options.burst, tokens + (t - last) * refillPerMs);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil((1 - tokens) / refillPerMs));
    }
  };

  return {
    take() {
      const turn = chain.then(acquire);
      // The caller gets `turn` and its failure; the chain only keeps the order for the next one.
      chain = turn.catch(() => undefined);
      return turn;
    },
    backOff() {
      const wait = nextBackoff;
      pausedUntil = Math.max(pausedUntil, now() + wait);
      nextBackoff = Math.min(options.maxBackoffMs, nextBackoff * 2);
      return wait;
    },
    succeeded() {
      nextBackoff = options.backoffMs;
    },
  };
}
