import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, createRateLimiter } from "../../src/channels/web/rate-limit.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("the web chat's rate limits", () => {
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("holds a script that makes up a new session for every request, by its address", async () => {
    bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger());
    const poll = (i: number) => fetch(`${bot!.webUrl}api/chat/updates`, { headers: { "x-chat-session": `junk-session-${String(i).padStart(8, "0")}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 320; i++) statuses.push((await poll(i)).status);
    // 300 requests in 10 s from one address; each session alone is far below its own limit.
    expect(statuses.slice(0, 300).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(300).every((s) => s === 429)).toBe(true);
  });

  it("forgets keys a window after their last request, never one still counting", () => {
    const limiter = createRateLimiter(3, 1_000);
    expect([0, 1, 2].map((t) => limiter.over("busy", t))).toEqual([false, false, false]);
    for (let i = 0; i < 1000; i++) limiter.over(`idle-${i}`, 10);
    expect(limiter.size).toBe(1001);
    // At 999 ms the idle ones are not a window old yet; "busy" goes over.
    expect(limiter.over("busy", 999)).toBe(true);
    // A window later the idle keys are dropped; "busy", still counting, is not forgotten: its
    // requests at 999 and 1,020 count, and two more put it over again.
    expect(limiter.over("busy", 1_020)).toBe(false);
    expect(limiter.size).toBe(1);
    expect(limiter.over("busy", 1_021)).toBe(false);
    expect(limiter.over("busy", 1_022)).toBe(true);
  });

  it("takes the client's address from the configured proxy's X-Forwarded-For only", () => {
    expect(clientAddress("::ffff:203.0.113.9", "198.51.100.1", undefined)).toBe("203.0.113.9");
    // A client cannot choose its address by sending the header itself.
    expect(clientAddress("203.0.113.9", "198.51.100.1", "127.0.0.1")).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "10.0.0.1, 198.51.100.7", "127.0.0.1")).toBe("198.51.100.7");
    expect(clientAddress("127.0.0.1", undefined, "127.0.0.1")).toBe("127.0.0.1");
  });
});
