import { describe, expect, it } from "vitest";
import type { OutboundMessage } from "../../src/core/types.js";
import { registrationFormExpiry } from "../../src/flows/registration/expiry.js";
import { createExpirySweeper } from "../../src/services/form-expiry.js";
import { testApp } from "../helpers/app.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const DAY = 24 * 60 * 60 * 1000;

/** Two unfinished forms, one 20 days old, one fresh; an app whose outbox records what it would send. */
async function twoForms() {
  const clock = testClock("2026-11-02T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now });
  const sent: OutboundMessage[][] = [];
  app.outbox.register("telegram", { send: async (_id, messages) => (sent.push(messages), { ok: true }) });
  await person(app, "telegram", "2001").says("/dangky gtclqg");
  clock.advance(20 * DAY);
  await person(app, "telegram", "2002").says("/dangky nscl");
  return { app, sent, at: clock.now().getTime() };
}

describe("the form-expiry sweep and a wrong clock", () => {
  it("does not delete forms when the clock jumped weeks past the newest stored form at a restart; says so", async () => {
    const { app, sent, at } = await twoForms();
    // Restarted with the clock 40 days ahead: the 20-day-old form looks 60 days old. `ran` is the
    // time the process has run, as its monotonic clock tells.
    let ran = 0;
    const sweeper = createExpirySweeper(app, registrationFormExpiry, () => new Date(at + 40 * DAY + ran), () => ran);
    ran += 60_000;
    await sweeper.sweep();
    expect(app.logLines.some((l) => l.includes("form expiry: the clock is far past the newest form"))).toBe(true);
    expect(await app.storage.repos.dialogs.get("telegram:2001")).toBeDefined();
    expect(await app.storage.repos.dialogs.get("telegram:2002")).toBeDefined();
    expect(sent).toEqual([]);
    // Ten more days really pass: the old form is 30 days old by then and goes, with its notice.
    ran += 10 * DAY;
    await sweeper.sweep();
    expect(await app.storage.repos.dialogs.get("telegram:2001")).toBeUndefined();
    expect(await app.storage.repos.dialogs.get("telegram:2002")).toBeDefined();
    expect(sent).toHaveLength(1);
    await app.close();
  });

  it("trusts a clock that agrees with the newest stored form: an expired form goes at the first sweep", async () => {
    const { app, sent, at } = await twoForms();
    // A form left 31 days before the newest one.
    const old = new Date(at - 31 * DAY).toISOString();
    await app.storage.unit(() => app.storage.repos.dialogs.put("telegram:2000", { flow: "register-nscl", data: {}, startedAt: old, updatedAt: old }));
    // Restarted two hours after the last message.
    const sweeper = createExpirySweeper(app, registrationFormExpiry, () => new Date(at + 2 * 3_600_000), () => 0);
    await sweeper.sweep();
    expect(await app.storage.repos.dialogs.get("telegram:2000")).toBeUndefined();
    expect(await app.storage.repos.dialogs.get("telegram:2001")).toBeDefined();
    // (No notice: nobody by that key ever wrote, so there is no one to tell.)
    expect(sent).toEqual([]);
    expect(app.logLines.some((l) => l.includes("the clock is far past"))).toBe(false);
    await app.close();
  });
});
