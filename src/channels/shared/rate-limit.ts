/**
 * Requests per key in a sliding window, for the web chat: per session (one browser) and per
 * client address (a script making up sessions). Keys idle for a whole window are forgotten a
 * window at a time — never all at once, which would let a flood start over.
 */
export interface RateLimiter {
  /** Counts a request of `key` at `now`; true when it is over the limit (then answer 429). */
  over(key: string, now: number): boolean;
  readonly size: number;
}

export function createRateLimiter(requests: number, windowMs: number): RateLimiter {
  const hits = new Map<string, number[]>();
  let sweptAt = 0;
  return {
    over(key, now) {
      if (now - sweptAt >= windowMs) {
        for (const [k, times] of hits) if (now - times[times.length - 1]! >= windowMs) hits.delete(k);
        sweptAt = now;
      }
      const recent = (hits.get(key) ?? []).filter((t) => now - t < windowMs);
      recent.push(now);
      hits.set(key, recent);
      return recent.length > requests;
    },
    get size() {
      return hits.size;
    },
  };
}

/**
 * The client's address: the socket's, or — when the socket is the configured reverse proxy — the
 * last address the proxy added to X-Forwarded-For (earlier ones are the client's to invent).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedProxy: string | undefined): string {
  const socket = plainAddress(socketAddress ?? "?");
  if (!trustedProxy || socket !== plainAddress(trustedProxy)) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const last = header.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ? plainAddress(last) : socket;
}

/** An IPv4 address as a dual-stack socket reports it (`::ffff:127.0.0.1`) is that IPv4 address. */
const plainAddress = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
