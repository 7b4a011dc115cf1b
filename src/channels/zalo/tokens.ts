import { createHash } from "node:crypto";
import type { Logger } from "../../core/log.js";
import type { Transactions } from "../../store/port.js";
import type { KeyedRecords } from "../../store/repositories.js";
import { oauthErrorSchema, refreshRequestSchema, tokenResponseSchema } from "./api-schemas.js";
import type { ZaloAuth } from "../../domain/records/zalo-auth.js";

export type { ZaloAuth } from "../../domain/records/zalo-auth.js";

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
  /** Where the pair is kept (one record per app id), shared by every instance. */
  records: KeyedRecords<ZaloAuth>;
  /** A refresh runs in a unit of work under a lock of every instance, and its pair is committed before it is used. */
  tx: Pick<Transactions, "unit" | "lock">;
  log: Logger;
  clock: () => Date;
  /** Called once when a refresh is refused (not on network trouble). */
  onNeedsConsent(reason: string): Promise<void> | void;
  fetch?: typeof fetch;
}

export interface TokenKeeper {
  /** A valid access token; refreshed first when it is close to expiry or missing. */
  accessToken(): Promise<string>;
  /** The API refused `used` (-216): refresh once, however many sends report it at the same time. */
  rejected(used: string): Promise<string>;
  /** Makes sure a chain is stored, then schedules the refresh ahead of expiry (at once when there is no access token). */
  start(): Promise<void>;
  stop(): void;
  /** For status output and tests: refreshes made by this process. */
  readonly refreshes: number;
  /** The pair as stored now. */
  current(): Promise<ZaloAuth>;
}

const EARLY_MS = 60 * 60 * 1000;
/** After a failed refresh, sends fail fast for this long instead of asking OAuth again each time. */
const RETRY_AFTER_FAILURE_MS = 5 * 60 * 1000;
const MAX_TIMER_MS = 2_147_000_000;

const fingerprint = (token: string) => createHash("sha256").update(token).digest("hex").slice(0, 16);

export function createTokenKeeper(options: TokenKeeperOptions): TokenKeeper {
  const { appId, records, tx, log, clock } = options;
  const doFetch = options.fetch ?? fetch;
  const seed = fingerprint(options.seedRefreshToken);
  let inflight: Promise<string> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let lastFailure = 0;
  let refreshes = 0;
  /** The pair as last read or written here; another instance may have refreshed since (a -216 reads it again). */
  let cached: ZaloAuth | null = null;

  const fresh = (): ZaloAuth => ({ accessToken: null, accessTokenExpiresAt: null, refreshToken: options.seedRefreshToken, refreshedAt: null, seed, needsConsent: null });
  /** Reads the stored pair; a stored chain continues, a new ZALO_REFRESH_TOKEN (after a new consent) replaces it. */
  const load = async (): Promise<ZaloAuth> => {
    const stored = await records.get(appId);
    cached = stored && stored.seed === seed ? stored : fresh();
    return cached;
  };
  const current = async (): Promise<ZaloAuth> => cached ?? load();

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
    const at = cached ? refreshAt(cached) : null;
    const delay = delayMs ?? (at === null ? 0 : Math.max(0, at - clock().getTime()));
    timer = setTimeout(() => {
      timer = null;
      refresh("scheduled").catch(() => schedule(RETRY_AFTER_FAILURE_MS));
    }, Math.min(delay, MAX_TIMER_MS));
    timer.unref();
  };

  const save = async (auth: ZaloAuth): Promise<void> => {
    await tx.unit(async () => void (await records.put(appId, auth)), { own: true });
    cached = auth;
  };

  const fail = async (reason: string, needsConsent: boolean): Promise<never> => {
    lastFailure = clock().getTime();
    if (needsConsent) {
      const auth = await current();
      log.error("zalo: token refresh refused — an OA admin must grant the app consent again and set ZALO_REFRESH_TOKEN (README, Zalo section)", { reason });
      if (!auth.needsConsent) {
        await save({ ...auth, needsConsent: { since: clock().toISOString(), reason: reason.slice(0, 500) } }).catch((error: unknown) => log.error("zalo: could not save the token state", { error }));
        // Awaited: the officials are told before the failing send returns (alertOfficials never throws).
        await options.onNeedsConsent(reason);
      }
    } else {
      log.warn("zalo: token refresh failed, will retry", { reason });
    }
    throw new ZaloAuthError(reason, needsConsent);
  };

  /**
   * Asks OAuth for a new pair. The refresh token works once, so this runs under a lock every
   * instance takes, and starts by reading the stored pair again: if another instance refreshed
   * meanwhile, its access token is used and nothing is asked. The new pair is committed before
   * it is used.
   */
  const doRefresh = async (why: string, seen: ZaloAuth | null): Promise<string> => {
    let result: { token: string } | { failure: [string, boolean] };
    try {
      result = await tx.unit(async () => {
        await tx.lock(`zalo-token:${appId}`);
        const auth = await load();
        if (seen && auth.refreshToken !== seen.refreshToken && auth.accessToken && !auth.needsConsent) {
          log.info("zalo: tokens were refreshed by another instance", { why });
          return { token: auth.accessToken };
        }
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
          return { failure: [`network: ${String(error)}`, false] as [string, boolean] };
        }
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return { failure: [`HTTP ${status}, not JSON`, false] as [string, boolean] };
        }
        const ok = tokenResponseSchema.safeParse(json);
        if (ok.success) {
          const now = clock();
          const next: ZaloAuth = {
            accessToken: ok.data.access_token,
            accessTokenExpiresAt: new Date(now.getTime() + ok.data.expires_in * 1000).toISOString(),
            refreshToken: ok.data.refresh_token,
            refreshedAt: now.toISOString(),
            seed,
            needsConsent: null,
          };
          await records.put(appId, next);
          cached = next;
          refreshes++;
          return { token: next.accessToken! };
        }
        const refused = oauthErrorSchema.safeParse(json);
        if (status < 500 && refused.success && refused.data.error !== 0) {
          const d = refused.data;
          return { failure: [`${d.error} ${d.error_name ?? ""} ${d.error_description ?? d.error_reason ?? ""}`.replace(/\s+/g, " ").trim(), true] as [string, boolean] };
        }
        return { failure: [`HTTP ${status}, unexpected answer`, false] as [string, boolean] };
      }, { own: true });
    } catch (error) {
      // The old refresh token may be dead now; the new pair did not reach the store.
      log.error("zalo: NEW TOKENS NOT SAVED — an OA admin may have to consent again if the refresh went through", { error: String(error) });
      cached = null;
      return fail(`not saved: ${String(error)}`, false);
    }
    if ("failure" in result) return fail(...result.failure);
    log.info("zalo: access token refreshed", { why, expiresAt: cached?.accessTokenExpiresAt });
    lastFailure = 0;
    schedule();
    return result.token;
  };

  /** One refresh at a time in this process: every caller during a refresh waits for the same one. */
  const refresh = (why: string, seen: ZaloAuth | null = cached): Promise<string> => {
    inflight ??= doRefresh(why, seen).finally(() => {
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

  const guarded = async (why: string, seen: ZaloAuth): Promise<string> => {
    if (!inflight && lastFailure && clock().getTime() - lastFailure < RETRY_AFTER_FAILURE_MS) {
      // Keep using a token that has not expired yet; otherwise fail fast until the pause is over.
      const token = stillExpiring(seen);
      if (token) return token;
      throw new ZaloAuthError(seen.needsConsent?.reason ?? "token refresh failed recently", seen.needsConsent !== null);
    }
    return refresh(why, seen);
  };

  return {
    async accessToken() {
      if (inflight) return inflight;
      const auth = await current();
      return usable(auth) ?? guarded("expiring", auth);
    },
    async rejected(used) {
      if (inflight) return inflight;
      // Someone (here or on another instance) may have refreshed since this send started.
      const auth = await load();
      if (auth.accessToken && auth.accessToken !== used) return auth.accessToken;
      return guarded("rejected", { ...auth, accessToken: null, accessTokenExpiresAt: null });
    },
    async start() {
      stopped = false;
      const auth = await load();
      const stored = await records.get(appId);
      // A new chain (first start, or a new ZALO_REFRESH_TOKEN) is stored before anything uses it.
      if (!stored || stored.seed !== seed) await save(auth);
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
    current: () => load(),
  };
}
