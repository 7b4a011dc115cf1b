import type { App } from "../../app.js";
import type { ZaloSettings } from "../../config.js";
import { KeyedQueue } from "../../core/keyed-queue.js";
import { toPlainText } from "../../core/markup.js";
import type { ChannelSender, DeliveryOutcome } from "../../core/outbox.js";
import { userKeyOf, type InboundEvent, type Locale, type OutboundMessage, type UserRef } from "../../core/types.js";
import { readBody, sendJson, type Route } from "../shared/http.js";
import { alertOfficials } from "./alerts.js";
import { isOutsideWindow, ZaloErrorCode, type CsMessage } from "./api-schemas.js";
import { createChoices } from "./choices.js";
import { createOaClient, type ApiResult, type CallOptions } from "./client.js";
import { createHandoff } from "./handoff.js";
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./rate-limit.js";
import { reachOf, type ZaloReach } from "./reach.js";
import { renderMessages, type RenderTexts, type ZaloCall } from "./render.js";
import { createSeenEvents } from "./seen.js";
import { signatureMatches, signatureVariants, webhookSignature } from "./signature.js";
import { noTemplates, type TemplateSender } from "./templates.js";
import { createTokenKeeper, type TokenKeeper } from "./tokens.js";
import { dedupKeyOf, readWebhookEvent, webhookEnvelopeSchema, type ZaloInbound } from "./webhook-events.js";

export const ZALO_WEBHOOK_PATH = "/zalo/webhook";
/** Zalo's events are small; anything bigger is not from Zalo. */
const MAX_WEBHOOK_BODY = 64 * 1024;

export interface ZaloOptions extends ZaloSettings {
  /** Test seams at the network edge and for time. */
  fetch?: typeof fetch;
  clock?: () => Date;
  rateLimit?: Partial<RateLimitOptions>;
  /** Approved template messages for users outside the 7-day window (none yet). */
  templates?: TemplateSender;
}

export interface ZaloChannel {
  /** `POST /zalo/webhook` on the bot's HTTP server. */
  route: Route;
  /** Pushes (notices, announcements) as consultation messages; outside the window → `unreachable`. */
  sender: ChannelSender;
  /** What a push could reach for this user now, from what the bot saw (for planning broadcasts). */
  reach(userId: string): Promise<ZaloReach>;
  tokens: TokenKeeper;
  /** Stores the token chain if new and starts the token refresh schedule. */
  start(): Promise<void>;
  /** Stops the schedule and waits for events in progress. */
  stop(): Promise<void>;
  /** Resolves when every event taken in so far has been handled and answered. */
  idle(): Promise<void>;
}

type Failure = Exclude<ApiResult<unknown>, { ok: true }>;

/**
 * The Zalo Official Account channel: verifies and de-duplicates webhook events, maps them to the
 * core's events, and renders the core's messages as consultation messages. It decides nothing
 * about what to answer.
 */
export function createZaloChannel(app: App, options: ZaloOptions): ZaloChannel {
  const log = app.log;
  const clock = options.clock ?? (() => new Date());
  const { storage } = app;
  const zalo = storage.repos.zalo;

  const tokens = createTokenKeeper({
    appId: options.appId,
    appSecret: options.appSecret,
    seedRefreshToken: options.refreshToken,
    oauthRoot: options.oauthRoot,
    records: zalo.auth,
    tx: storage,
    log,
    clock,
    onNeedsConsent: (reason) => alertOfficials(app, "zalo-needs-consent", { detail: reason.slice(0, 200) }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const limiter = createRateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit });
  const client = createOaClient({ apiRoot: options.apiRoot, tokens, limiter, log, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const choices = createChoices(zalo.choices, storage);
  const seen = createSeenEvents(zalo, storage);
  const handoff = createHandoff(options.handoffMinutes, zalo.handoff, storage);
  const templates = options.templates ?? noTemplates;
  // Per user, in arrival order: a number is read against the list the previous reply showed.
  const queue = new KeyedQueue();

  const userOf = (id: string): UserRef => ({ channel: "zalo", id });
  const keyOf = (id: string) => userKeyOf(userOf(id));
  const localeOf = async (id: string): Promise<Locale> => (await app.services.users.get(keyOf(id)))?.locale ?? app.config.DEFAULT_LOCALE;
  const textsFor = (locale: Locale): RenderTexts => ({
    chooseByNumber: toPlainText(app.translator.t(locale, "zalo-choose-by-number")),
    fileElsewhere: (name) => toPlainText(app.translator.t(locale, "zalo-file-elsewhere", { name })),
    storedFile: (name, url) => toPlainText(app.translator.t(locale, "zalo-stored-file", { name, url })),
  });

  /** Sends the calls in order; stops at the first failure. */
  const perform = async (userId: string, calls: readonly ZaloCall[], callOptions: CallOptions): Promise<ApiResult<unknown>> => {
    for (const call of calls) {
      let result: ApiResult<unknown>;
      if (call.kind === "text") {
        const message: CsMessage = call.buttons
          ? { text: call.text, attachment: { type: "template", payload: { buttons: call.buttons } } }
          : { text: call.text };
        result = await client.sendCs(userId, message, callOptions);
      } else {
        const uploaded =
          call.kind === "image"
            ? await client.uploadImage(call.bytes, call.name, call.mime)
            : await client.uploadFile(call.bytes, call.name, call.mime);
        if (uploaded.ok) {
          const message: CsMessage =
            "attachmentId" in uploaded.data
              ? { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: uploaded.data.attachmentId }] } } }
              : { attachment: { type: "file", payload: { token: uploaded.data.token } } };
          result = await client.sendCs(userId, message, callOptions);
        } else {
          log.warn("zalo: upload failed, sending a note instead", { user: keyOf(userId), ...describe(uploaded) });
          result = await client.sendCs(userId, { text: call.fallback }, callOptions);
        }
      }
      if (!result.ok) return result;
    }
    return { ok: true, data: null };
  };

  /** Zalo said this user cannot be written to now: record it (writing again clears it). */
  const recordUnreachable = async (userId: string, failure: Failure) => {
    if (failure.kind !== "zalo") return;
    const code = failure.code;
    if (isOutsideWindow(code) || code === ZaloErrorCode.NOT_FOLLOWER || code === ZaloErrorCode.USER_INACTIVE) {
      await storage.unit(() => app.services.users.markUnreachable(keyOf(userId), true, clock())).catch((error: unknown) => log.error("zalo: could not save", { error }));
    }
  };

  const deliverReply = (userId: string) => async (messages: OutboundMessage[]) => {
    const rendered = renderMessages(messages, textsFor(await localeOf(userId)));
    await choices.remember(userId, rendered.options, clock(), true);
    const result = await perform(userId, rendered.calls, { rateLimitRetries: 3 });
    if (!result.ok) {
      log.warn("zalo: reply not delivered", { user: keyOf(userId), ...describe(result) });
      await recordUnreachable(userId, result);
    }
  };

  const handle = async (inbound: Exclude<ZaloInbound, { kind: "ignored" }>): Promise<void> => {
    const { userId } = inbound;
    const user = userOf(userId);
    const now = clock();
    switch (inbound.kind) {
      case "follow":
        // Following is the Zalo way of pressing Start.
        await app.conversation.handle(user, { kind: "command", name: "start", args: "" }, deliverReply(userId));
        return;
      case "unfollow":
        await storage.unit(() => app.services.users.markUnreachable(keyOf(userId), true, now));
        return;
      case "person-at-oa":
        await handoff.personWrote(userId, now);
        log.info("zalo: a person at the OA is answering; the bot keeps quiet there", { user: keyOf(userId), minutes: options.handoffMinutes });
        return;
      default: {
        const events: InboundEvent[] =
          inbound.kind === "text"
            ? [await choices.eventOf(userId, inbound.text, now)]
            : inbound.kind === "files"
              ? inbound.files.map((file, i) => ({ kind: "file" as const, file, caption: i === 0 ? inbound.caption : "" }))
              : [{ kind: "unsupported", what: inbound.what }];
        if (await handoff.active(userId, now)) {
          // A command or a button press is addressed to the bot: it takes the conversation back.
          const first = events[0]!;
          if (events.length === 1 && (first.kind === "command" || first.kind === "button")) {
            await handoff.end(userId);
          } else {
            log.info("zalo: left to the person at the OA", { user: keyOf(userId) });
            return;
          }
        }
        for (const event of events) await app.conversation.handle(user, event, deliverReply(userId));
      }
    }
  };

  const route: Route = {
    method: "POST",
    path: ZALO_WEBHOOK_PATH,
    async handle(req, res) {
      const raw = await readBody(req, MAX_WEBHOOK_BODY);
      const refuse = (why: string, fields: Record<string, unknown> = {}) => {
        log.warn(`zalo webhook: ${why}, refused`, fields);
        sendJson(res, 401, { error: "invalid-signature" });
      };
      const header = req.headers["x-zevent-signature"];
      if (typeof header !== "string" || header.trim() === "") return refuse("no X-ZEvent-Signature");
      let body: unknown;
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return refuse("body is not JSON");
      }
      const envelope = webhookEnvelopeSchema.safeParse(body);
      if (!envelope.success) return refuse("no timestamp to check the signature with");
      const expected = webhookSignature({ appId: options.appId, rawBody: raw, timestamp: envelope.data.timestamp, secretKey: options.oaSecretKey });
      if (!signatureMatches(header, expected)) {
        const timestampHeader = req.headers["x-zevent-timestamp"];
        const wouldMatch = signatureVariants(header, {
          appIdFromConfig: options.appId,
          appIdFromBody: envelope.data.app_id,
          oaIdFromBody: envelope.data.oa_id,
          timestampFromBody: envelope.data.timestamp,
          timestampHeader: typeof timestampHeader === "string" ? timestampHeader : undefined,
          oaSecretKey: options.oaSecretKey,
          appSecret: options.appSecret,
          rawBody: raw,
        });
        return refuse("wrong signature", wouldMatch.length ? { wouldMatch, fix: "adjust webhookSignature in src/channels/zalo/signature.ts" } : {});
      }

      // Verified: from here on Zalo always gets 200 quickly, so it neither retries nor disables the webhook.
      const ok = () => sendJson(res, 200, { ok: true });
      if (envelope.data.app_id !== undefined && envelope.data.app_id !== options.appId) {
        log.warn("zalo webhook: event for another app id, ignored");
        return ok();
      }
      const inbound = readWebhookEvent(body);
      if (inbound.kind === "ignored") {
        log.debug("zalo webhook: ignored", { reason: inbound.reason });
        return ok();
      }
      if (options.oaId && inbound.oaId !== options.oaId) {
        log.warn("zalo webhook: event for another OA, ignored", { oa: inbound.oaId });
        return ok();
      }
      let first: boolean;
      try {
        first = await seen.firstTime(dedupKeyOf(body, envelope.data), clock());
      } catch (error) {
        // Not remembered, so not taken: Zalo retries it (Webhook Retry on) once we can write again.
        log.error("zalo webhook: could not record the event, refused for a retry", { error: String(error) });
        sendJson(res, 503, { error: "try-again" });
        return;
      }
      if (!first) {
        log.info("zalo webhook: repeated event dropped", { user: keyOf(inbound.userId) });
        return ok();
      }
      // Queued now (arrival order), handled after the answer: Zalo wants its 200 within 2 s.
      void queue.run(inbound.userId, () => handle(inbound)).catch((error: unknown) => log.error("zalo: event failed", { user: keyOf(inbound.userId), error }));
      ok();
    },
  };

  const sender: ChannelSender = {
    async send(userId, messages): Promise<DeliveryOutcome> {
      if (!/^\d{1,32}$/.test(userId)) return { ok: false, reason: "failed", detail: "not a Zalo user id" };
      const rendered = renderMessages(messages, textsFor(await localeOf(userId)));
      await choices.remember(userId, rendered.options, clock(), false);
      const result = await perform(userId, rendered.calls, { rateLimitRetries: 0 });
      if (result.ok) return { ok: true };
      await recordUnreachable(userId, result);
      if (result.kind === "zalo" && isOutsideWindow(result.code)) {
        const viaTemplate = await templates.send(userId, messages);
        if (viaTemplate) return viaTemplate;
      }
      return outcomeOf(result);
    },
    // Broadcasts skip (and report) users outside the window instead of trying each one.
    async reach(userId) {
      const r = await reach(userId);
      if (r.kind === "closed") return { ok: false, reason: "unreachable", detail: "outside Zalo's 7-day window" };
      return { ok: true, billed: r.kind === "billed" };
    },
  };

  async function reach(userId: string): Promise<ZaloReach> {
    const record = await app.services.users.get(keyOf(userId));
    if (!record || record.unreachableSince) return { kind: "closed" };
    return reachOf(record.lastSeen, clock());
  }

  return {
    route,
    sender,
    reach,
    tokens,
    start: () => tokens.start(),
    async stop() {
      tokens.stop();
      await queue.idle();
    },
    idle: () => queue.idle(),
  };
}

/** Maps a failed send onto the outbox's outcomes. */
export function outcomeOf(failure: Failure): DeliveryOutcome {
  switch (failure.kind) {
    case "zalo":
      if (isOutsideWindow(failure.code)) return { ok: false, reason: "unreachable", detail: `outside Zalo's 7-day window (${failure.code})` };
      if (failure.code === ZaloErrorCode.NOT_FOLLOWER) return { ok: false, reason: "blocked" };
      if (failure.code === ZaloErrorCode.USER_INACTIVE) return { ok: false, reason: "unreachable", detail: `user inactive or restricted (${failure.code})` };
      return { ok: false, reason: "failed", detail: `zalo ${failure.code} ${failure.message}`.trim() };
    case "rate-limited":
      return { ok: false, reason: "rate-limited", retryAfterSeconds: Math.max(1, Math.ceil(failure.retryAfterMs / 1000)) };
    case "no-token":
      return { ok: false, reason: "failed", detail: failure.needsConsent ? "zalo: the OA must grant consent again" : `zalo: no access token (${failure.message})` };
    case "transport":
      return { ok: false, reason: "failed", detail: `zalo: ${failure.message}` };
  }
}

function describe(failure: Failure): Record<string, unknown> {
  switch (failure.kind) {
    case "zalo":
      return { code: failure.code, message: failure.message };
    case "rate-limited":
      return { rateLimitedForMs: failure.retryAfterMs };
    default:
      return { problem: failure.kind, detail: failure.message };
  }
}
