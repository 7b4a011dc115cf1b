import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("users", () => {
  it("records first contact, marks a user unreachable, and makes them reachable again when they write", async () => {
    const dir = await tempDir();
    const app = await testApp(dir);
    const u = { channel: "telegram" as const, id: "99" };
    await app.conversation.handle(u, { kind: "command", name: "start", args: "" });
    const first = await app.services.users.get("telegram:99");
    expect(first).toMatchObject({ channel: "telegram", id: "99", locale: null, unreachableSince: null });
    await app.storage.unit(() => app.services.users.markUnreachable("telegram:99", true, new Date("2026-11-22T10:00:00Z")));
    await app.storage.unit(() => app.services.users.markUnreachable("telegram:99", true, new Date("2026-11-23T10:00:00Z")));
    expect((await app.services.users.get("telegram:99"))?.unreachableSince).toBe("2026-11-22T10:00:00.000Z");
    await app.close();

    const again = await testApp(dir);
    expect((await again.storage.repos.users.get("telegram:99"))?.unreachableSince).toBe("2026-11-22T10:00:00.000Z");
    await again.conversation.handle(u, { kind: "text", text: "xin chao" });
    expect((await again.services.users.get("telegram:99"))?.unreachableSince).toBeNull();
    await again.close();
  });
});
