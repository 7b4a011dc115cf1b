import { describe, expect, it } from "vitest";
import { LimiterStopped, SendLimiter } from "../../src/services/broadcasts/send-limiter.js";
import { busiestSecond, shortestGapPerChat } from "../helpers/fake-telegram-http.js";

/** Time that moves only when told; timers fire `lateMs` late, as a busy event loop makes them. */
function fakeTime(lateMs = 0) {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = ++seq;
      timers.set(id, { at: now + ms + lateMs, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** The next turn of the loop comes at once, however late the timers are. */
    defer: (fn: () => void) => void timers.set(++seq, { at: now, fn }),
    async runFor(ms: number) {
      const end = now + ms;
      await flush();
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fn();
        await flush();
      }
      now = end;
    },
  };
}

function limiterOn(time: ReturnType<typeof fakeTime>, perSecond: number) {
  const limiter = new SendLimiter({ perSecond, now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer, defer: time.defer });
  const grants: { chatId: string; at: number }[] = [];
  const take = (chat: string) => limiter.take(chat).then(() => void grants.push({ chatId: chat, at: time.now() }));
  return { limiter, grants, take };
}

describe("send pacing", () => {
  it("spaces sends evenly at the configured rate", async () => {
    const time = fakeTime();
    const { grants, take } = limiterOn(time, 10);
    for (let i = 0; i < 25; i++) void take(`chat${i}`);
    await time.runFor(5000);
    expect(grants.map((g) => g.at)).toEqual(Array.from({ length: 25 }, (_, i) => i * 100));
  });

  it("still reaches the rate when timers fire late, without ever exceeding it in a second", async () => {
    const time = fakeTime(7);
    const { grants, take } = limiterOn(time, 25);
    for (let i = 0; i < 500; i++) void take(`chat${i}`);
    await time.runFor(10_000);
    // 25 a second for 10 s, give or take the first and the last.
    expect(grants.length).toBeGreaterThanOrEqual(249);
    expect(busiestSecond(grants.map((g) => g.at))).toBeLessThanOrEqual(26);
  });

  it("reaches a high rate even when every timer fires later than the gap between two sends", async () => {
    const time = fakeTime(12);
    const { grants, take } = limiterOn(time, 200);
    for (let i = 0; i < 3000; i++) void take(`chat${i}`);
    await time.runFor(10_000);
    // At least 95% of 200 a second (restarting the schedule at each late timer would give ~80 a second).
    expect(grants.length).toBeGreaterThanOrEqual(1900);
    expect(busiestSecond(grants.map((g) => g.at))).toBeLessThanOrEqual(200);
  });

  it("gives one chat at most one message a second while others go on", async () => {
    const time = fakeTime();
    const { grants, take } = limiterOn(time, 50);
    for (const chat of ["a", "a", "b", "a", "c"]) void take(chat);
    await time.runFor(3000);
    expect(grants).toEqual([
      { chatId: "a", at: 0 },
      { chatId: "b", at: 20 },
      { chatId: "c", at: 40 },
      { chatId: "a", at: 1000 },
      { chatId: "a", at: 2000 },
    ]);
    expect(shortestGapPerChat(grants)).toBeGreaterThanOrEqual(1000);
  });

  it("counts from the moment the caller actually sends", async () => {
    const time = fakeTime();
    const limiter = new SendLimiter({ perSecond: 50, now: time.now, setTimer: time.setTimer, clearTimer: time.clearTimer, defer: time.defer });
    const first = await limiter.take("a");
    await time.runFor(30);
    first.sending();
    let second = -1;
    void limiter.take("a").then(() => (second = time.now()));
    await time.runFor(2000);
    expect(second).toBe(1030);
  });

  it("holds everyone while a 429's retry_after runs, and releases waiters on stop", async () => {
    const time = fakeTime();
    const { limiter, grants, take } = limiterOn(time, 10);
    void take("a");
    void take("b");
    await time.runFor(150);
    limiter.pause(2000);
    void take("c");
    await time.runFor(1000);
    expect(grants.map((g) => g.chatId)).toEqual(["a", "b"]);
    await time.runFor(1000);
    expect(grants.at(-1)).toEqual({ chatId: "c", at: 2150 });

    limiter.pause(10_000);
    const waiting = limiter.take("d");
    limiter.stop();
    await expect(waiting).rejects.toBeInstanceOf(LimiterStopped);
  });
});
