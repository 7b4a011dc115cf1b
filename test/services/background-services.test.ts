import { afterEach, describe, expect, it, vi } from "vitest";
import { registrationFormExpiry } from "../../src/flows/registration/expiry.js";
import { createBroadcastRunner } from "../../src/services/broadcasts/runner.js";
import { scheduleFormExpiry } from "../../src/services/form-expiry.js";
import { testApp } from "../helpers/app.js";
import { announce } from "../helpers/broadcast.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

afterEach(() => {
  vi.useRealTimers();
});

describe("background services, when their work fails", () => {
  it("the form-expiry sweep logs each failed sweep with the count and goes on sweeping at its interval", async () => {
    const app = await testApp(await tempDir());
    // A store that is closed refuses every unit of work: each sweep fails.
    await app.close();
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval"] });
    const schedule = scheduleFormExpiry(app, registrationFormExpiry, () => new Date("2026-12-04T03:00:00Z"), 10 * 60_000);
    try {
      expect(schedule.failures).toBe(0);
      // The first sweep runs a minute after the start.
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(() => expect(schedule.failures).toBe(1));
      const lines = app.logLines.filter((l) => l.includes("form expiry sweep failed"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/ERROR form expiry sweep failed; the forms wait for the next sweep/);
      expect(lines[0]).toContain("failures=1");
      // Then one every interval, each counted.
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      await vi.waitFor(() => expect(schedule.failures).toBe(2));
      expect(app.logLines.filter((l) => l.includes("form expiry sweep failed")).at(-1)).toContain("failures=2");
    } finally {
      schedule.stop();
    }
  });

  it("the broadcast runner logs and counts a tick that fails, and keeps ticking", async () => {
    const app = await testApp(await tempDir());
    // An announcement scheduled for a minute from now; the runner's clock is past it, so each tick starts it — a write.
    const now = new Date();
    await announce(app, "Thông báo", { kind: "all" }, new Date(now.getTime() + 60_000).toISOString(), now);
    await app.close();
    const runner = createBroadcastRunner(app, { tickEveryMs: 50, clock: () => new Date(now.getTime() + 120_000) });
    try {
      expect(runner.backgroundFailures).toBe(0);
      runner.start();
      // The first tick at start, then one every 50 ms: each fails to write on the closed store and is counted.
      await vi.waitFor(() => expect(runner.backgroundFailures).toBeGreaterThanOrEqual(3), { timeout: 5_000, interval: 20 });
      const lines = app.logLines.filter((l) => l.includes("broadcast tick failed"));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines[0]).toMatch(/ERROR broadcast tick failed/);
      expect(lines.some((l) => l.includes("failures="))).toBe(true);
    } finally {
      await runner.stop();
    }
  });
});
