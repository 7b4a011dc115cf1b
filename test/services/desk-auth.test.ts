import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const HOUR = 3_600_000;

describe("desk sign-in service", () => {
  it("ends a session after 8 hours without a request, and not before; a link expires after 10 minutes; a malformed token is refused before the store", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: "7770001" } });
    try {
      const auth = app.services.deskAuth;
      const t0 = new Date("2026-11-22T01:00:00Z");
      const { token, expiresAt } = await auth.issueLink("telegram:7770001", t0);
      expect(expiresAt).toBe("2026-11-22T01:10:00.000Z");
      expect(await auth.inspect(token, new Date(t0.getTime() + 10 * 60_000))).toEqual({ ok: false, reason: "expired" });
      const signed = await auth.redeem(token, new Date(t0.getTime() + 9 * 60_000));
      if (!signed.ok) throw new Error(signed.reason);
      // Used within the hour, again just before 8 idle hours: still signed in; 8 hours after the last request: not.
      const at = (h: number) => new Date(t0.getTime() + h * HOUR);
      expect(await auth.check(signed.session, at(1))).toMatchObject({ userKey: "telegram:7770001", role: "admin" });
      expect(await auth.check(signed.session, at(8.9))).toMatchObject({ userKey: "telegram:7770001" });
      expect(await auth.check(signed.session, at(16.8))).not.toBeNull();
      expect(await auth.check(signed.session, at(24.8))).toBeNull();
      // Gone from the store, not merely refused.
      expect(await auth.check(signed.session, at(16.9))).toBeNull();
      expect(await auth.redeem("not a token", t0)).toEqual({ ok: false, reason: "malformed" });
      expect(await auth.redeem(token, t0)).toEqual({ ok: false, reason: "used" });
    } finally {
      await app.close();
    }
  });
});
