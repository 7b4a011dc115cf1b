import { expect } from "vitest";
import type { App } from "../../src/app.js";
import { createTelegramChannel, type TelegramChannel } from "../../src/channels/telegram/bot.js";
import { createBroadcastRunner, type BroadcastRunner, type BroadcastRunnerOptions } from "../../src/services/broadcasts/runner.js";
import { foldDeliveries, type Recipient } from "../../src/domain/records/delivery.js";
import { zeroCounts, type Counts, type FinalResult, type Job } from "../../src/domain/records/broadcast-job.js";
import type { Segment } from "../../src/domain/broadcast.js";
import type { SubscriptionChoice } from "../../src/domain/records/subscription.js";
import type { JsonStorage } from "../../src/store/json/backend.js";
import { deliveriesLog } from "../../src/store/json/collections.js";
import type { DeliverySummary } from "../../src/store/repositories.js";
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

/** Telegram users who started the bot, each with a choice about announcements (null: never answered), in one unit of work. */
export async function seedUsers(app: App, users: { id: string; choice: SubscriptionChoice | null }[], now = new Date("2026-11-22T02:00:00Z")): Promise<void> {
  await app.storage.unit(async () => {
    for (const u of users) {
      await app.services.users.touch({ channel: "telegram", id: u.id }, now);
      const key = `telegram:${u.id}`;
      await app.services.subscriptions.markAsked(key, now);
      if (u.choice) await app.services.subscriptions.set(key, u.choice, now);
    }
  });
}

/** An announcement created (and committed) as the compose flow does when the official presses "Gửi ngay". */
export function announce(app: App, text: string, segment: Segment = { kind: "all" }, scheduledAt: string | null = null, now = new Date()): Promise<Job> {
  return app.storage.unit(() =>
    app.services.broadcasts.createAnnouncement({ content: { text, attachment: null }, segment, createdBy: { channel: "telegram", id: OFFICIAL }, scheduledAt }, now),
  );
}

/** Where every recipient of a job stands. */
export interface DeliveryState {
  /** null: the recipients were never (completely) listed. */
  recipients: Recipient[] | null;
  /** Per recipient, its final result (null: not settled). */
  final: (FinalResult | null)[];
  /** Recipients in flight (claimed, no result yet). */
  inFlight: number;
  counts: Counts;
  summary: DeliverySummary | null;
}

/**
 * Where every recipient of a job stands, through the deliveries repository (any backend). On the
 * JSON backend the job's file on disk is read back too and must say the same.
 */
export async function deliveryState(app: App, jobId: string): Promise<DeliveryState> {
  const repo = app.storage.repos.deliveries;
  const summary = await repo.summary(jobId);
  const dump = summary ? (await repo.dump(jobId)).sort((a, b) => a.index - b.index) : null;
  const state: DeliveryState = {
    recipients: dump?.map(({ ch, id, loc, codes }) => ({ ch, id, loc, ...(codes ? { codes } : {}) })) ?? null,
    final: dump?.map((r) => r.final) ?? [],
    inFlight: summary?.inFlight ?? 0,
    counts: summary?.counts ?? zeroCounts(),
    summary,
  };
  if (app.storage.backend === "json") {
    const onDisk = foldDeliveries(await (app.storage as JsonStorage).engine.log(deliveriesLog).read(jobId));
    expect(onDisk.recipients?.map((r) => r.id) ?? null, "recipients in the job's file").toEqual(state.recipients?.map((r) => r.id) ?? null);
    if (onDisk.recipients) {
      // A send in flight has a `try` line and no result: the repository's dump shows it uncertain.
      const inFlight = new Set(onDisk.inFlight);
      expect(onDisk.final.map((f, i) => f ?? (inFlight.has(i) ? "uncertain" : null)), "results in the job's file").toEqual(state.final);
      expect(onDisk.inFlight.length, "sends in flight in the job's file").toBe(state.inFlight);
      expect(onDisk.counts, "counts from the job's file").toEqual(state.counts);
    }
  }
  return state;
}
