import { createHash } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../../core/log.js";
import { defineCollection, type Collection } from "../../store/json/collection.js";
import { oauthErrorSchema, refreshRequestSchema, tokenResponseSchema } from "./api-schemas.js";

/**
 * The OA's tokens (tech-notes §6.3): an access token lives 25 h; the refresh token lives 3 months,
 * is single-use and is replaced on every refresh. Losing the newest refresh token means an OA
 * admin must consent again, so the pair is written (temp file + rename) before it is used.
 */
export const zaloAuthSchema = z.object({
  accessToken: z.string().min(1).nullable(),
  accessTokenExpiresAt: z.iso.datetime().nullable(),
  refreshToken: z.string().min(1),
  refreshedAt: z.iso.datetime().nullable(),
  /** Fingerprint of the ZALO_REFRESH_TOKEN this chain started from: a new one in the settings starts over. */
  seed: z.string().regex(/^[0-9a-f]{16}$/),
  /** Set when Zalo refused the refresh token: an OA admin must consent again. */
  needsConsent: z.object({ since: z.iso.datetime(), reason: z.string().max(500) }).nullable(),
});
export type ZaloAuth = z.infer<typeof zaloAuthSchema>;

/** One record per app id, in `zalo-auth.json`. Secrets: DATA_DIR must stay private (README). */
export const zaloAuthCollection = defineCollection({ name: "zalo-auth", version: 1, record: zaloAuthSchema, shards: 1 });

/** No token can be had now; `needsConsent` says whether a person must act. */
export class ZaloAuthError extends Error {
  constructor(
    message: string,
    readonly needsConsent: boolean,
  ) {
    super(message);
  }
}

export interface TokenKeeperOptions {
  appId: string;
  appSecret: string;
  /** ZALO_REFRESH_TOKEN: used once, when no chain from it is stored yet. */
  seedRefreshToken: string;
  oauthRoot: string;
  collection: Collection<ZaloAuth>;
  /** The store's group commit: resolves when the new pair is on disk. */
  commit(): Promise<void>;
  log: Logger;
  clock: () => Date;
  /** Called once when a refresh is refused (not on network trouble). */
  onNeedsConsent(reason: string): void;
  fetch?: typeof fetch;
}

export interface TokenKeeper {
  /** A valid access token; refreshed first when it is close to expiry or missing. */
  accessToken(): Promise<string>;
  /** The API refused `used` (-216): refresh once, however many sends report it at the same time. */
  rejected(used: string): Promise<string>;
  /** Schedules the refresh ahead of expiry (and right away when there is no access token). */
  start(): void;
  stop(): void;
  /** For status output and tests. */
  readonly refreshes: number;
  current(): ZaloAuth;
}

const EARLY_MS = 60 * 60 * 1000;
/** After a failed refresh, sends fail fast for this long instead of asking OAuth again each time. */
const RETRY_AFTER_FAILURE_MS = 5 * 60 * 1000;
const MAX_TIMER_MS = 2_147_000_000;

const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 16);

export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { appId, collection, log, clock } = options;
  const doFetch = options.fetch ?? fetch;
  const seed = fingerprint(options.seedRefreshToken);
  let inflight: Promise<string> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastFailure = 0;
  let refreshes = 0;

  // A stored chain continues; a new ZALO_REFRESH_TOKEN (after a new consent) replaces it.
  const stored = collection.get(appId);
  if (!stored || stored.seed !== seed) {
    collection.set(appId, {
      accessToken: null,
      accessTokenExpiresAt: null,
      refreshToken: options.seedRefreshToken,
      refreshedAt: null,
      seed,
      needsConsent: null,
    });
  }
  const current = (): ZaloAuth => collection.get(appId)!;

  /** Refresh this long before expiry: an hour, or a quarter of a short lifetime. */
  const refreshAt = (auth: ZaloAuth): number | null => {
    if (!auth.accessToken || !auth.accessTokenExpiresAt) return null;
    const expires = Date.parse(auth.accessTokenExpiresAt);
    const lifetime = auth.refreshedAt ? expires - Date.parse(auth.refreshedAt) : EARLY_MS * 4;
    return expires - Math.min(EARLY_MS, lifetime / 4);
  };

  const schedule = (delayMs?: number) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const at = refreshAt(current());
    const delay = delayMs ?? (at === null ? 0 : Math.max(0, at - clock().getTime()));
    timer = setTimeout(() => {
      timer = null;
      refresh("scheduled").catch(() => schedule(RETRY_AFTER_FAILURE_MS));
    }, Math.min(delay, MAX_TIMER_MS));
    timer.unref();
  };

  const fail = (reason: string, needsConsent: boolean): never => {
    lastFailure = clock().getTime();
    if (needsConsent) {
      const auth = current();
      log.error("zalo: token refresh refused — an OA admin must grant the app consent again and set ZALO_REFRESH_TOKEN (README, Zalo section)", { reason });
      if (!auth.needsConsent) {
        collection.set(appId, { ...auth, needsConsent: { since: clock().toISOString(), reason: reason.slice(0, 500) } });
        options.commit().catch((error: unknown) => log.error("zalo: could not save the token state", { error }));
        options.onNeedsConsent(reason);
      }
    } else {
      log.warn("zalo: token refresh failed, will retry", { reason });
    }
    throw new ZaloAuthError(reason, needsConsent);
  };

  const doRefresh = async (why: string): Promise<string> => {
    const auth = current();
    const form = refreshRequestSchema.parse({ app_id: appId, grant_type: "refresh_token", refresh_token: auth.refreshToken });
    let status: number;
    let text: string;
    try {
      const res = await doFetch(`${options.oauthRoot}/v4/oa/access_token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.appSecret },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(20_000),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      return fail(`network: ${String(error)}`, false);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(`HTTP ${status}, not JSON`, false);
    }
    const ok = tokenResponseSchema.safeParse(json);
    if (ok.success) {
      const now = clock();
      refreshes++;
      collection.set(appId, {
        accessToken: ok.data.access_token,
        accessTokenExpiresAt: new Date(now.getTime() + ok.data.expires_in * 1000).toISOString(),
        refreshToken: ok.data.refresh_token,
        refreshedAt: now.toISOString(),
        seed: auth.seed,
        needsConsent: null,
      });
      try {
        await options.commit();
      } catch (error) {
        // The old refresh token is dead now; if this process stops before a later write succeeds, consent is needed again.
        log.error("zalo: NEW TOKENS NOT SAVED — keep the bot running until a later write succeeds", { error });
      }
      log.info("zalo: access token refreshed", { why, expiresAt: current().accessTokenExpiresAt });
      lastFailure = 0;
      schedule();
      return ok.data.access_token;
    }
    const refused = oauthErrorSchema.safeParse(json);
    if (status < 500 && refused.success && refused.data.error !== 0) {
      const d = refused.data;
      return fail(`${d.error} ${d.error_name ?? ""} ${d.error_description ?? d.error_reason ?? ""}`.replace(/\s+/g, " ").trim(), true);
    }
    return fail(`HTTP ${status}, unexpected answer`, false);
  };

  /** One refresh at a time: every caller during a refresh waits for the same one. */
  const refresh = (why: string): Promise<string> => {
    inflight ??= doRefresh(why).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const usable = (auth: ZaloAuth): string | null => {
    const at = refreshAt(auth);
    return auth.accessToken && at !== null && clock().getTime() < at ? auth.accessToken : null;
  };

  const stillExpiring = (auth: ZaloAuth): string | null => {
    if (!auth.accessToken || !auth.accessTokenExpiresAt) return null;
    return clock().getTime() < Date.parse(auth.accessTokenExpiresAt) ? auth.accessToken : null;
  };

  const guarded = (why: string): Promise<string> => {
    const auth = current();
    if (!inflight && lastFailure && clock().getTime() - lastFailure < RETRY_AFTER_FAILURE_MS) {
      // Keep using a token that has not expired yet; otherwise fail fast until the pause is over.
      const token = stillExpiring(auth);
      if (token) return Promise.resolve(token);
      return Promise.reject(new ZaloAuthError(auth.needsConsent?.reason ?? "token refresh failed recently", auth.needsConsent !== null));
    }
    return refresh(why);
  };

  return {
    accessToken() {
      if (inflight) return inflight;
      const token = usable(current());
      return token ? Promise.resolve(token) : guarded("expiring");
    },
    rejected(used) {
      if (inflight) return inflight;
      const auth = current();
      // Someone else already refreshed since this send started: use the new token.
      if (auth.accessToken && auth.accessToken !== used) return Promise.resolve(auth.accessToken);
      if (auth.accessToken === used) collection.set(appId, { ...auth, accessToken: null, accessTokenExpiresAt: null });
      return guarded("rejected");
    },
    start() {
      stopped = false;
      options.commit().catch((error: unknown) => log.error("zalo: could not save the token state", { error }));
      schedule();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get refreshes() {
      return refreshes;
    },
    current,
  };
}
