import type { App } from "../../src/app.js";
import { createTelegramChannel, type TelegramChannel } from "../../src/channels/telegram/bot.js";
import { createBroadcastRunner, type BroadcastRunner, type BroadcastRunnerOptions } from "../../src/flows/broadcast/runner.js";
import { deliveriesLog, foldDeliveries, type DeliveryState } from "../../src/services/broadcasts/deliveries.js";
import type { Job } from "../../src/services/broadcasts/jobs.js";
import type { Segment } from "../../src/domain/broadcast.js";
import type { SubscriptionChoice } from "../../src/services/subscriptions.js";
import { testApp } from "./app.js";
import { BOT_INFO, TEST_TOKEN } from "./fake-telegram.js";
import type { FakeTelegramHttp } from "./fake-telegram-http.js";

export const OFFICIAL = "7770001";

/** The real app on `dir`, its Telegram channel pointed at a fake Bot API over HTTP, and the broadcast runner. */
export async function broadcastBot(
  dir: string,
  fake: FakeTelegramHttp,
  options: { runner?: BroadcastRunnerOptions; env?: Record<string, string>; clock?: () => Date } = {},
): Promise<{ app: App; telegram: TelegramChannel; runner: BroadcastRunner; close(): Promise<void> }> {
  const app = await testApp(dir, { env: { OFFICIAL_TELEGRAM_IDS: OFFICIAL, ...options.env }, ...(options.clock ? { clock: options.clock } : {}) });
  const telegram = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, apiRoot: fake.url, fetch: fake.clientFetch });
  app.outbox.register("telegram", telegram.sender);
  const runner = createBroadcastRunner(app, { retryBaseMs: 20, progressEveryMs: 60_000, ...(options.clock ? { clock: options.clock } : {}), ...options.runner });
  return {
    app,
    telegram,
    runner,
    async close() {
      await runner.stop();
      await app.close();
    },
  };
}

/** Telegram users who started the bot, each with a choice about announcements (null: never answered). */
export async function seedUsers(app: App, users: { id: string; choice: SubscriptionChoice | null }[], now = new Date("2026-11-22T02:00:00Z")): Promise<void> {
  for (const u of users) {
    app.services.users.touch({ channel: "telegram", id: u.id }, now);
    const key = `telegram:${u.id}`;
    app.services.subscriptions.markAsked(key, now);
    if (u.choice) app.services.subscriptions.set(key, u.choice, now);
  }
  await app.store.commit();
}

/** An announcement created as the compose flow does when the official presses "Gửi ngay". */
export function announce(app: App, text: string, segment: Segment = { kind: "all" }, scheduledAt: string | null = null, now = new Date()): Job {
  return app.services.broadcasts.createAnnouncement({ content: { text, attachment: null }, segment, createdBy: { channel: "telegram", id: OFFICIAL }, scheduledAt }, now);
}

/** Where every recipient of a job stands, read back from its delivery file. */
export async function deliveryState(app: App, jobId: string): Promise<DeliveryState> {
  await app.store.commit();
  return foldDeliveries(await app.store.log(deliveriesLog).read(jobId));
}
