import { createHash, randomBytes } from "node:crypto";
import { afterEach } from "vitest";
import type { RunningBot } from "../../src/main.js";
import { ZALO, type CsSent, type FakeZalo } from "./fake-zalo.js";

/**
 * Zalo's side of the webhook: events shaped like the samples in tech-notes §6.1, signed the way
 * Zalo signs them (computed here independently of src/), posted to the bot over real HTTP.
 */
export type ZaloEvent = Record<string, unknown>;

/**
 * Events are dated by the bot's clock (it refuses events outside ZALO_EVENT_WINDOW_MINUTES): real
 * time, or a test's fixed clock given with `zaloEventClock`. A counter keeps timestamps distinct.
 */
let eventClock: () => number = Date.now;
let sequence = 0;
const timestamp = () => String(eventClock() + (sequence++ % 1000));
export function zaloEventClock(clock: () => number): void {
  eventClock = clock;
}
afterEach(() => {
  eventClock = Date.now;
});
const msgId = () => randomBytes(16).toString("hex");

export function textEvent(userId: string, text: string, id = msgId()): ZaloEvent {
  return {
    app_id: ZALO.appId,
    sender: { id: userId },
    user_id_by_app: `9${userId}`,
    recipient: { id: ZALO.oaId },
    event_name: "user_send_text",
    message: { text, msg_id: id },
    timestamp: timestamp(),
  };
}

export function attachmentEvent(userId: string, kind: "image" | "file", payload: Record<string, unknown>, text?: string): ZaloEvent {
  return {
    app_id: ZALO.appId,
    sender: { id: userId },
    recipient: { id: ZALO.oaId },
    event_name: `user_send_${kind}`,
    message: { msg_id: msgId(), ...(text ? { text } : {}), attachments: [{ type: kind, payload }] },
    timestamp: timestamp(),
  };
}

export function stickerEvent(userId: string): ZaloEvent {
  return {
    app_id: ZALO.appId,
    sender: { id: userId },
    recipient: { id: ZALO.oaId },
    event_name: "user_send_sticker",
    message: { msg_id: msgId(), attachments: [{ type: "sticker", payload: { id: "abc", url: "https://zalo.example/sticker.png" } }] },
    timestamp: timestamp(),
  };
}

export function followEvent(userId: string, kind: "follow" | "unfollow" = "follow"): ZaloEvent {
  return { oa_id: ZALO.oaId, follower: { id: userId }, user_id_by_app: `9${userId}`, event_name: kind, source: "oa_profile", app_id: ZALO.appId, timestamp: timestamp() };
}

/** What the OA sent echoes back; `adminId` = a person typing on oa.zalo.me, none = our own API send. */
export function oaEchoEvent(userId: string, adminId?: string): ZaloEvent {
  return {
    app_id: ZALO.appId,
    sender: { id: ZALO.oaId, ...(adminId ? { admin_id: adminId } : {}) },
    recipient: { id: userId },
    event_name: "oa_send_text",
    message: { text: "Chào anh/chị, cán bộ xin trả lời…", msg_id: msgId() },
    timestamp: timestamp(),
  };
}

export function signatureOf(raw: string, ts: string, secret: string = ZALO.oaSecretKey): string {
  return `mac=${createHash("sha256").update(`${ZALO.appId}${raw}${ts}${secret}`).digest("hex")}`;
}

/** Posts an event; `signature` null sends none, a string sends that one, undefined signs it properly. */
export async function postEvent(webhookUrl: string, event: ZaloEvent | string, signature?: string | null): Promise<Response> {
  const raw = typeof event === "string" ? event : JSON.stringify(event);
  const ts = typeof event === "string" ? "" : String(event.timestamp);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig = signature === undefined ? signatureOf(raw, ts) : signature;
  if (sig !== null) headers["x-zevent-signature"] = sig;
  return fetch(webhookUrl, { method: "POST", headers, body: raw });
}

export function webhookUrlOf(bot: RunningBot): string {
  return `${bot.webUrl}zalo/webhook`;
}

/**
 * A Zalo user talking to the bot: each step posts a signed event, waits until the bot has
 * handled it, and returns the consultation messages the fake OA received for this user since.
 */
export function zaloUser(bot: RunningBot, fake: FakeZalo, userId: string) {
  const url = webhookUrlOf(bot);
  const step = async (event: ZaloEvent): Promise<CsSent[]> => {
    const before = fake.to(userId).length;
    const res = await postEvent(url, event);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    await bot.channels.zalo!.idle();
    return fake.to(userId).slice(before);
  };
  const last = () => fake.to(userId).at(-1);
  return {
    id: userId,
    send: (text: string) => step(textEvent(userId, text)),
    /** Presses a button of the latest message that has one with this title (its hidden payload comes back as text). */
    press: (title: string) => {
      const withButton = [...fake.to(userId)].reverse().find((m) => m.buttons.some((b) => b.title === title));
      const button = withButton?.buttons.find((b) => b.title === title);
      if (!button) throw new Error(`no button "${title}" was shown to ${userId}; buttons: ${JSON.stringify(last()?.buttons.map((b) => b.title))}`);
      return step(textEvent(userId, button.payload));
    },
    /** Answers a numbered list. */
    choose: (n: number) => step(textEvent(userId, String(n))),
    follow: () => step(followEvent(userId)),
    unfollow: () => step(followEvent(userId, "unfollow")),
    sendEvent: step,
    texts: () => fake.to(userId).map((m) => m.text ?? ""),
    last,
  };
}

export type ZaloUser = ReturnType<typeof zaloUser>;

/** All texts of a step, joined, for `toContain` checks. */
export function textOf(messages: readonly CsSent[]): string {
  return messages.map((m) => m.text ?? "").join("\n");
}
