import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../src/channels/telegram/bot.js";
import { TELEGRAM_TEXT_LIMIT } from "../src/channels/telegram/render.js";
import { toRuns, visibleLength } from "../src/core/markup.js";
import type { InboundEvent, UserRef } from "../src/core/types.js";
import { testApp } from "./helpers/app.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, documentUpdate, fakeBotApi, stickerUpdate, textUpdate } from "./helpers/fake-telegram.js";
import { hostileEvent, seeded } from "./helpers/hostile-input.js";
import { useTempDirs } from "./helpers/temp-dir.js";
import type { Update } from "grammy/types";

const tempDir = useTempDirs();
const MESSAGES = 10_000;
const USERS = 40;

/** Hostile messages, each user's in order, users side by side. */
async function perUser<T>(count: number, users: number, run: (user: number, i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let i = u; i < count; i += users) results[i] = await run(u, i);
    }),
  );
  return results;
}

function trackUnhandled(): () => unknown[] {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", onRejection);
  return () => {
    process.off("unhandledRejection", onRejection);
    return seen;
  };
}

describe("10,000 hostile messages", () => {
  it("through the core: no crash, always an answer, nothing echoed unescaped, the store still valid", async () => {
    const dir = await tempDir();
    const app = await testApp(dir);
    const stop = trackUnhandled();
    const random = seeded(2026);
    const events: InboundEvent[] = Array.from({ length: MESSAGES }, (_, i) => hostileEvent(random, i));
    const replies = await perUser(MESSAGES, USERS, (u, i) => {
      const user: UserRef = { channel: u % 2 ? "telegram" : "web", id: u % 2 ? String(8_000_000 + u) : `hostile-session-${String(u).padStart(8, "0")}` };
      return app.conversation.handle(user, events[i]!);
    });
    expect(stop()).toEqual([]);
    replies.forEach((messages, i) => {
      expect(messages.length, `no answer to #${i} ${JSON.stringify(events[i]).slice(0, 120)}`).toBeGreaterThan(0);
      for (const m of messages) {
        // Strict parsing fails on any < > & that did not come from our own templates.
        expect(() => toRuns(m.text, true), `#${i}: ${m.text.slice(0, 200)}`).not.toThrow();
        for (const b of (m.buttons ?? []).flat()) expect(new TextEncoder().encode(b.data).length).toBeLessThanOrEqual(64);
      }
    });
    // A handler that threw would have been answered with the apology; none may.
    expect(app.logLines.filter((l) => l.includes("handler failed"))).toEqual([]);
    await app.close();
    // What was stored opens and validates again.
    const again = await testApp(dir);
    await again.close();
  }, 120_000);

  it("through the Telegram channel: every update answered, valid HTML within Telegram's limits", async () => {
    const dir = await tempDir();
    const app = await testApp(dir);
    const api = fakeBotApi();
    // Messages sent per chat, counted at the network edge.
    const perChat = new Map<number, number>();
    const counting = (async (url: string | URL, init?: { body?: unknown }) => {
      if (/\/send\w+$/.test(String(url)) && typeof init?.body === "string") {
        const chat = Number((JSON.parse(init.body) as { chat_id: number }).chat_id);
        perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
      }
      return api.fetch(url, init as RequestInit);
    }) as typeof fetch;
    const { bot } = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: counting });
    const stop = trackUnhandled();
    const random = seeded(1978);
    const updates: Update[] = Array.from({ length: MESSAGES }, (_, i) => {
      const chat = 8_100_000 + (i % USERS);
      const event = hostileEvent(random, i);
      switch (event.kind) {
        case "text":
          return textUpdate(chat, event.text.slice(0, 4096) || ".");
        case "command":
          return textUpdate(chat, `/${event.name} ${event.args}`.slice(0, 4096));
        case "button":
          return callbackUpdate(chat, event.data.slice(0, 64));
        case "file":
          return documentUpdate(chat, event.file.name);
        default:
          return stickerUpdate(chat);
      }
    });
    const answered = await perUser(MESSAGES, USERS, async (u, i) => {
      const chat = 8_100_000 + u;
      const before = perChat.get(chat) ?? 0;
      await bot.handleUpdate(updates[i]!);
      return (perChat.get(chat) ?? 0) - before;
    });
    expect(stop()).toEqual([]);
    answered.forEach((sent, i) => expect(sent, `no answer to update #${i}`).toBeGreaterThan(0));
    for (const call of api.sent()) {
      const text = String(call.payload.text ?? call.payload.caption ?? "");
      expect(call.payload.parse_mode === undefined || call.payload.parse_mode === "HTML").toBe(true);
      expect(() => toRuns(text, true), text.slice(0, 200)).not.toThrow();
      expect(visibleLength(text)).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    }
    expect(app.logLines.filter((l) => l.includes("handler failed") || l.includes("telegram update failed"))).toEqual([]);
    await app.close();
    // What was stored opens and validates again.
    const again = await testApp(dir);
    await again.close();
  }, 120_000);
});
