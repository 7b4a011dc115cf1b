import { describe, expect, it } from "vitest";
import { createConversation, type TurnUnits } from "../../src/core/conversation.js";
import { toPlainText } from "../../src/core/markup.js";
import type { InboundEvent, UserRef } from "../../src/core/types.js";
import type { BotFeature } from "../../src/flows/context.js";
import { dialogStore } from "../../src/services/dialogs.js";
import { LockTimeoutError } from "../../src/store/errors.js";
import { testApp } from "../helpers/app.js";
import { storeUnderTest } from "../helpers/store-under-test.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** A lock wait that timed out, as the backend under test reports it. */
const lockTimeout = () =>
  storeUnderTest() === "json" ? new LockTimeoutError("unit\u0000web:x") : Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" });

/** /hong changes the user's language, then fails with what the test gives it. */
const failing = (error: () => Error): BotFeature => ({
  name: "failing-fixture",
  commands: [
    {
      names: ["hong"],
      descriptionKey: "cmd-help",
      audience: "everyone",
      run: async (ctx) => {
        await ctx.services.users.setLocale(ctx.userKey, "en");
        throw error();
      },
    },
  ],
});

/**
 * The app's conversation core over the app's own storage, with `afterWork` run at the end of each
 * turn's unit of work — after the turn changed everything it changes — to fail it there.
 */
async function appWithUnits(afterWork: (() => Error) | null, features: BotFeature[] = []) {
  const app = await testApp(await tempDir(), { extraFeatures: features });
  const units: TurnUnits = {
    unit: (work, options) =>
      app.storage.unit(async () => {
        const result = await work();
        if (afterWork) throw afterWork();
        return result;
      }, options),
    isLockTimeout: (error) => app.storage.isLockTimeout(error),
  };
  const conversation = createConversation({
    dispatcher: app.dispatcher,
    translator: app.translator,
    services: app.services,
    dialogs: dialogStore(app.storage.repos.dialogs),
    touchUser: (user, now) => app.services.users.touch(user, now),
    roleOf: (user) => app.services.roles.roleOf(user),
    units,
    defaultLocale: "vi",
    log: app.log,
  });
  const say = async (user: UserRef, event: InboundEvent) => (await conversation.handle(user, event)).map((m) => toPlainText(m.text));
  const message = (key: string) => toPlainText(app.translator.t("vi", key));
  return { app, say, message };
}

describe("a turn that fails keeps nothing of itself and says what happened", () => {
  const lan: UserRef = { channel: "web", id: "turn-failures-0000001" };
  const register: InboundEvent = { kind: "command", name: "dangky", args: "gtclqg" };

  it("a lock wait that timed out: asks to send it again", async () => {
    const { app, say, message } = await appWithUnits(lockTimeout);
    expect(await say(lan, register)).toEqual([message("error-busy")]);
    expect(await app.storage.repos.dialogs.get("web:turn-failures-0000001")).toBeUndefined();
    expect(await app.services.users.get("web:turn-failures-0000001")).toBeUndefined();
    expect(app.logLines.some((l) => l.includes("turn waited too long for a lock"))).toBe(true);
    await app.close();
  });

  it("a save that failed: says it was not saved", async () => {
    const { app, say, message } = await appWithUnits(() => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
    expect(await say(lan, register)).toEqual([message("error-storage")]);
    expect(await app.storage.repos.dialogs.get("web:turn-failures-0000001")).toBeUndefined();
    expect(await app.services.users.get("web:turn-failures-0000001")).toBeUndefined();
    await app.close();
  });

  it("a handler that failed: says there was a problem with the message, and its changes are gone", async () => {
    const { app, say, message } = await appWithUnits(null, [failing(() => new Error("a bug"))]);
    expect(await say(lan, { kind: "command", name: "hong", args: "" })).toEqual([message("error-internal")]);
    expect(await app.services.users.get("web:turn-failures-0000001")).toBeUndefined();
    await app.close();
  });

  it("a handler whose own lock wait timed out: asks to send it again", async () => {
    const { app, say, message } = await appWithUnits(null, [failing(lockTimeout)]);
    expect(await say(lan, { kind: "command", name: "hong", args: "" })).toEqual([message("error-busy")]);
    expect(await app.services.users.get("web:turn-failures-0000001")).toBeUndefined();
    await app.close();
  });
});
