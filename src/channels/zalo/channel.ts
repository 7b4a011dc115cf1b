import type { App } from "../../app.js";
import { zaloSettingsOf, type ZaloSettings } from "../../config.js";
import { toPlainText } from "../../core/markup.js";
import type { ChannelSender, DeliveryOutcome } from "../../core/outbox.js";
import { userKeyOf, type InboundEvent, type Locale, type OutboundMessage, type UserRef } from "../../core/types.js";
import { defineChannel, type Channel } from "../channel.js";
import { createChoices } from "../shared/choices.js";
import { createHandoff } from "../shared/handoff.js";
import { readBody, sendJson, type Route } from "../shared/http.js";
import { createEventQueue } from "../shared/queue.js";
import { createSeenEvents } from "../shared/seen.js";
import { alertOfficials } from "./alerts.js";
import { isOutsideWindow, ZaloErrorCode, ZALO_MAX_BUTTONS, type CsMessage } from "./api-schemas.js";
import { createOaClient, type ApiResult, type CallOptions } from "./client.js";
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./rate-limit.js";
import { reachOf, type ZaloReach } from "./reach.js";
import { buttonDataOf, renderMessages, type RenderTexts, type ZaloCall } from "./render.js";
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

/** Test seams at the network edge and for time (`startBot(…, { channels: { zalo: … } })`). */
export type ZaloSeams = Partial<Pick<ZaloOptions, "clock" | "rateLimit" | "fetch">>;

/**
 * Routes: `POST /zalo/webhook`. Sender: pushes (notices, announcements) as consultation messages;
 * outside the window → `unreachable`. Start: stores the token chain if new and starts the token
 * refresh schedule; stop: ends the schedule and waits for events in progress.
 */
export interface ZaloChannel extends Channel {
  /** What a push could reach for this user now, from what the bot saw (for planning broadcasts). */
  reach(userId: string): Promise<ZaloReach>;
  tokens: TokenKeeper;
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
  // Zalo's records were stored before these utilities were shared: its keys stay bare (a user id,
  // `m:<msg_id>`), as on disk, instead of the `zalo:` scope a new channel uses (nothing moved).
  const scope = "";
  const choices = createChoices(storage, scope);
  const seen = createSeenEvents(storage, scope);
  const handoff = createHandoff(storage, scope, options.handoffMinutes);
  const templates = options.templates ?? noTemplates;
  const queue = createEventQueue("zalo", log);

  const userOf = (id: string): UserRef => ({ channel: "zalo", id });
  const keyOf = (id: string) => userKeyOf(userOf(id));
  const localeOf = async (id: string): Promise<Locale> => (await app.services.users.get(keyOf(id)))?.locale ?? app.config.DEFAULT_LOCALE;
  const textsFor = (locale: Locale): RenderTexts => ({
    chooseByNumber: toPlainText(app.translator.t(locale, "choose-by-number")),
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

  /** A pressed button comes back as text carrying its payload; otherwise a number from the last list, a command or text. */
  const eventOfText = async (userId: string, text: string, now: Date): Promise<InboundEvent> => {
    const data = buttonDataOf(text);
    return data !== null ? { kind: "button", data } : choices.eventOf(userId, text, now);
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
        // A person answering in the OA's own chat answers the user's open inbox item.
        await storage.unit(() => app.services.inbox.answeredInPlatformChat(user, now));
        log.info("zalo: a person at the OA is answering; the bot keeps quiet there", { user: keyOf(userId), minutes: options.handoffMinutes });
        return;
      default: {
        const events: InboundEvent[] =
          inbound.kind === "text"
            ? [await eventOfText(userId, inbound.text, now)]
            : inbound.kind === "files"
              ? inbound.files.map((file, i) => ({ kind: "file" as const, file, caption: i === 0 ? inbound.caption : "" }))
              : [{ kind: "unsupported", what: inbound.what }];
        if (!(await handoff.admits(userId, events, now))) {
          log.info("zalo: left to the person at the OA", { user: keyOf(userId) });
          return;
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
      // Signed, but possibly recorded and sent again later (or dated far ahead): only recent events count.
      const ageMs = clock().getTime() - Number(envelope.data.timestamp);
      if (!Number.isFinite(ageMs) || Math.abs(ageMs) > options.eventWindowMinutes * 60_000) {
        log.warn("zalo webhook: event outside the time window, dropped", { ageMinutes: Number.isFinite(ageMs) ? Math.round(ageMs / 60_000) : null, windowMinutes: options.eventWindowMinutes });
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
      queue.take(inbound.userId, () => handle(inbound));
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
    // Up to 5 hidden-query buttons, more as a numbered list; jpg/png and pdf/doc(x) uploads; no edits.
    capabilities: { buttons: ZALO_MAX_BUTTONS, photos: true, documents: true, edits: false },
    routes: [route],
    sender,
    reach,
    tokens,
    start: async () => {
      await tokens.start();
      log.info("zalo: webhook ready", { path: ZALO_WEBHOOK_PATH });
    },
    async stop() {
      tokens.stop();
      await queue.idle();
    },
    idle: () => queue.idle(),
    startupLine: (baseUrl) => ({ key: "startup-zalo", args: { url: new URL(ZALO_WEBHOOK_PATH, baseUrl).href } }),
  };
}

/** On when the four ZALO_* keys are set (config.ts makes sure it is all or none). */
export const zaloChannel = defineChannel({
  name: "zalo",
  create(app, seams?: ZaloSeams): ZaloChannel | null {
    const settings = zaloSettingsOf(app.config);
    return settings ? createZaloChannel(app, { ...settings, ...seams }) : null;
  },
});

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
