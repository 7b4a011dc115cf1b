import { describe, expect, it } from "vitest";
import { forgetIdleWebVisitors, WEB_VISITOR_IDLE_MS } from "../../src/services/web-visitors.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOW = new Date("2026-12-04T03:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

describe("idle web visitors", () => {
  it("are forgotten after 30 days with their subscription and mailbox, unless they hold a submission or an unfinished form", async () => {
    const app = await testApp(await tempDir());
    const { users, subscriptions } = app.services;
    const { repos } = app.storage;
    const web = (id: string) => ({ channel: "web" as const, id });
    await app.storage.unit(async () => {
      for (const id of ["junk0000000000000001", "junk0000000000000002", "registered0000000001", "halfway0000000000001", "recent00000000000001"]) {
        await users.touch(web(id), id.startsWith("recent") ? ago(2) : ago(45));
        await subscriptions.set(`web:${id}`, "yes", ago(45));
        await repos.mailboxes.push(id, [{ text: "Thông báo" }], 50);
      }
      await users.touch({ channel: "telegram", id: "1001" }, ago(400));
      await users.touch({ channel: "zalo", id: "5000000000000000001" }, ago(400));
      await app.services.submissions.create(draft({ userKey: "web:registered0000000001" }), ago(45));
      await repos.dialogs.put("web:halfway0000000000001", { flow: "register-gtclqg", data: {}, startedAt: ago(45).toISOString(), updatedAt: ago(45).toISOString() });
    });

    expect(await forgetIdleWebVisitors(app.storage, NOW)).toBe(2);
    for (const id of ["junk0000000000000001", "junk0000000000000002"]) {
      expect(await users.get(`web:${id}`)).toBeUndefined();
      expect(await repos.subscriptions.get(`web:${id}`)).toBeUndefined();
      expect(await repos.mailboxes.take(id)).toEqual([]);
    }
    for (const key of ["web:registered0000000001", "web:halfway0000000000001", "web:recent00000000000001", "telegram:1001", "zalo:5000000000000000001"]) {
      expect(await users.get(key), key).toBeDefined();
    }
    expect(await repos.subscriptions.get("web:registered0000000001")).toBeDefined();
    // Nothing more to forget.
    expect(await forgetIdleWebVisitors(app.storage, NOW)).toBe(0);
    await app.close();
  });

  it("goes through many visitors a slice at a time", async () => {
    const app = await testApp(await tempDir());
    await app.storage.unit(async () => {
      for (let i = 0; i < 1_203; i++) await app.services.users.touch({ channel: "web", id: `flood${String(i).padStart(15, "0")}` }, ago(31));
    });
    expect(await forgetIdleWebVisitors(app.storage, NOW, WEB_VISITOR_IDLE_MS)).toBe(1_203);
    expect(await app.services.users.count()).toBe(0);
    await app.close();
  });
});
