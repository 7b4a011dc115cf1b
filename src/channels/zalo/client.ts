import type { z } from "zod";
import type { Logger } from "../../core/log.js";
import {
  apiEnvelopeSchema,
  csRequestSchema,
  csResponseDataSchema,
  fileUploadDataSchema,
  imageUploadDataSchema,
  isTokenRejected,
  ZaloErrorCode,
  type CsMessage,
} from "./api-schemas.js";
import type { RateLimiter } from "./rate-limit.js";
import { ZaloAuthError, type TokenKeeper } from "./tokens.js";

/** How an OA API call ended. Zalo's own errors arrive as HTTP 200 with a non-zero `error`. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; kind: "zalo"; code: number; message: string }
  | { ok: false; kind: "rate-limited"; retryAfterMs: number }
  | { ok: false; kind: "no-token"; needsConsent: boolean; message: string }
  | { ok: false; kind: "transport"; message: string };

export interface CallOptions {
  /** How many times a -32 (rate limited) is waited out before giving up; replies wait, pushes report. */
  rateLimitRetries: number;
}

export interface OaClient {
  sendCs(userId: string, message: CsMessage, options: CallOptions): Promise<ApiResult<{ messageId: string }>>;
  uploadImage(bytes: Uint8Array, name: string, mime: string): Promise<ApiResult<{ attachmentId: string }>>;
  uploadFile(bytes: Uint8Array, name: string, mime: string): Promise<ApiResult<{ token: string }>>;
}

export interface OaClientOptions {
  apiRoot: string;
  tokens: TokenKeeper;
  limiter: RateLimiter;
  log: Logger;
  fetch?: typeof fetch;
}

type Body = () => { body: string | FormData; contentType?: string };

/**
 * A thin OA API client on `fetch` (no SDK exists that fits, tech-notes §6.4): the `access_token`
 * header, one refresh and retry on -216, waits on -32, and every response checked by a schema.
 */
export function createOaClient(options: OaClientOptions): OaClient {
  const { tokens, limiter, log } = options;
  const doFetch = options.fetch ?? fetch;

  async function call<T>(path: string, makeBody: Body, schema: z.ZodType<T>, callOptions: CallOptions): Promise<ApiResult<T>> {
    let token: string;
    try {
      token = await tokens.accessToken();
    } catch (error) {
      return noToken(error);
    }
    let tokenRetried = false;
    let rateRetries = callOptions.rateLimitRetries;
    for (;;) {
      await limiter.take();
      const { body, contentType } = makeBody();
      let status: number;
      let text: string;
      try {
        const res = await doFetch(`${options.apiRoot}${path}`, {
          method: "POST",
          headers: { access_token: token, ...(contentType ? { "content-type": contentType } : {}) },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        text = await res.text();
      } catch (error) {
        return { ok: false, kind: "transport", message: `network: ${String(error)}` };
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, kind: "transport", message: `HTTP ${status}, not JSON` };
      }
      const envelope = apiEnvelopeSchema.safeParse(json);
      if (!envelope.success) return { ok: false, kind: "transport", message: `HTTP ${status}, unexpected answer` };
      const { error, message = "" } = envelope.data;
      if (error === 0) {
        limiter.succeeded();
        const data = schema.safeParse(envelope.data.data);
        if (!data.success) return { ok: false, kind: "transport", message: "success without the expected data" };
        return { ok: true, data: data.data };
      }
      if (isTokenRejected(error) && !tokenRetried) {
        tokenRetried = true;
        try {
          token = await tokens.rejected(token);
        } catch (e) {
          return noToken(e);
        }
        continue;
      }
      if (error === ZaloErrorCode.RATE_LIMITED) {
        const wait = limiter.backOff();
        log.warn("zalo: rate limited (-32), pausing sends", { path, waitMs: wait });
        if (rateRetries-- > 0) continue;
        return { ok: false, kind: "rate-limited", retryAfterMs: wait };
      }
      return { ok: false, kind: "zalo", code: error, message };
    }
  }

  const json = (value: unknown): Body => () => ({ body: JSON.stringify(value), contentType: "application/json" });

  const upload = (bytes: Uint8Array, name: string, mime: string): Body => () => {
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: mime }), name);
    return { body: form };
  };

  return {
    async sendCs(userId, message, callOptions) {
      // Checked before it leaves: a malformed message is our bug, better caught here than by Zalo.
      const request = csRequestSchema.parse({ recipient: { user_id: userId }, message });
      const result = await call("/v3.0/oa/message/cs", json(request), csResponseDataSchema, callOptions);
      return result.ok ? { ok: true, data: { messageId: result.data.message_id } } : result;
    },
    async uploadImage(bytes, name, mime) {
      const result = await call("/v2.0/oa/upload/image", upload(bytes, name, mime), imageUploadDataSchema, { rateLimitRetries: 1 });
      return result.ok ? { ok: true, data: { attachmentId: result.data.attachment_id } } : result;
    },
    async uploadFile(bytes, name, mime) {
      const result = await call("/v2.0/oa/upload/file", upload(bytes, name, mime), fileUploadDataSchema, { rateLimitRetries: 1 });
      return result.ok ? { ok: true, data: { token: result.data.token } } : result;
    },
  };
}

function noToken(error: unknown): ApiResult<never> {
  if (error instanceof ZaloAuthError) return { ok: false, kind: "no-token", needsConsent: error.needsConsent, message: error.message };
  return { ok: false, kind: "no-token", needsConsent: false, message: String(error) };
}
