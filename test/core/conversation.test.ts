import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import type { OutboundMessage, UserRef } from "../../src/core/types.js";
import { testApp } from "../helpers/app.js";
import { counterFeature, echoFeature } from "../helpers/fixture-features.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const texts = (messages: OutboundMessage[]) => messages.map((m) => toPlainText(m.text));

describe("conversation core", () => {
  it("handles one user's events one at a time and in order, even when they arrive together", async () => {
    const app = await testApp(await tempDir(), { extraFeatures: [counterFeature] });
    const lan: UserRef = { channel: "web", id: "lan-0000000000000000" };
    await app.conversation.handle(lan, { kind: "command", name: "dem", args: "" });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.conversation.handle(lan, { kind: "text", text: `tin ${i}` })),
    );
    expect(replies.map((r) => texts(r)[0])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    const stored = await app.storage.repos.dialogs.get("web:lan-0000000000000000");
    const seen = (stored?.data as { seen: string[] }).seen;
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `tin ${i}`));
    await app.close();
  });

  it("lets different users proceed side by side", async () => {
    const app = await testApp(await tempDir(), { extraFeatures: [counterFeature] });
    const users = Array.from({ length: 30 }, (_, i): UserRef => ({ channel: "web", id: `user-${String(i).padStart(16, "0")}` }));
    await Promise.all(users.map((u) => app.conversation.handle(u, { kind: "command", name: "dem", args: "" })));
    const rounds = await Promise.all(users.flatMap((u) => [1, 2, 3].map(() => app.conversation.handle(u, { kind: "text", text: "x" }))));
    expect(rounds.map((r) => texts(r)[0])).toEqual(users.flatMap(() => ["1", "2", "3"]));
    await app.close();
  });

  it("keeps a conversation's state across a restart", async () => {
    const dir = await tempDir();
    const minh: UserRef = { channel: "telegram", id: "4242" };
    const first = await testApp(dir, { extraFeatures: [counterFeature] });
    await first.conversation.handle(minh, { kind: "command", name: "dem", args: "" });
    await first.conversation.handle(minh, { kind: "text", text: "một" });
    await first.conversation.handle(minh, { kind: "command", name: "ngonngu", args: "en" });
    await first.close();

    const second = await testApp(dir, { extraFeatures: [counterFeature] });
    const reply = await second.conversation.handle(minh, { kind: "text", text: "hai" });
    expect(texts(reply)).toEqual(["2"]);
    const help = await second.conversation.handle(minh, { kind: "command", name: "help", args: "" });
    expect(texts(help)[0]).toContain("How to use the assistant");
    await second.close();
  });

  it("answers a message it cannot place instead of staying silent", async () => {
    const app = await testApp(await tempDir());
    const u: UserRef = { channel: "web", id: "quiet-000000000000000" };
    const unknown = await app.conversation.handle(u, { kind: "command", name: "khongco", args: "" });
    expect(texts(unknown)[0]).toContain("không có lệnh /khongco");
    const stray = await app.conversation.handle(u, { kind: "button", data: "forged:whatever" });
    expect(texts(stray)[0]).toContain("không còn hiệu lực");
    const sticker = await app.conversation.handle(u, { kind: "unsupported", what: "sticker" });
    expect(texts(sticker)[0]).toContain("chỉ đọc được tin nhắn chữ");
    const huge = await app.conversation.handle(u, { kind: "text", text: "a".repeat(100_000) });
    expect(texts(huge)[0]).toContain("quá dài");
    const blank = await app.conversation.handle(u, { kind: "text", text: "\u200B\u200B  " });
    expect(blank).toHaveLength(1);
    await app.close();
  });

  it("gives a non-official exactly the unknown-command answer for an officials' command and button", async () => {
    const app = await testApp(await tempDir(), { extraFeatures: [echoFeature], env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    const citizen: UserRef = { channel: "telegram", id: "111" };
    const official: UserRef = { channel: "telegram", id: "777" };
    const refused = await app.conversation.handle(citizen, { kind: "command", name: "canbo", args: "" });
    const missing = await app.conversation.handle(citizen, { kind: "command", name: "canbo2", args: "" });
    expect(texts(refused)[0]).toBe(texts(missing)[0]!.replace("/canbo2", "/canbo"));
    expect(texts(await app.conversation.handle(citizen, { kind: "button", data: "secret:approve" }))[0]).toContain("không còn hiệu lực");
    expect(texts(await app.conversation.handle(citizen, { kind: "button", data: "cmd:canbo" }))[0]).toContain("không có lệnh /canbo");
    expect(texts(await app.conversation.handle(official, { kind: "command", name: "canbo", args: "" }))).toEqual(["bí mật của cán bộ"]);
    expect(texts(await app.conversation.handle(official, { kind: "button", data: "secret:approve" }))).toEqual(["đã duyệt"]);
    await app.close();
  });

  it("switches language per user and remembers it", async () => {
    const app = await testApp(await tempDir());
    const u: UserRef = { channel: "console", id: "local" };
    const choose = await app.conversation.handle(u, { kind: "command", name: "language", args: "" });
    expect(choose[0]!.buttons?.[0]?.map((b) => b.data)).toEqual(["lang:vi", "lang:en"]);
    expect(texts(await app.conversation.handle(u, { kind: "button", data: "lang:en" }))[0]).toContain("Switched to English");
    expect(texts(await app.conversation.handle(u, { kind: "command", name: "start", args: "" }))[0]).toContain("Welcome!");
    expect(texts(await app.conversation.handle(u, { kind: "button", data: "lang:fr" }))[0]).toContain("no longer valid");
    expect(texts(await app.conversation.handle(u, { kind: "command", name: "ngonngu", args: "vi" }))[0]).toContain("Đã chuyển sang tiếng Việt");
    await app.close();
  });

  it("cancels only when something is in progress", async () => {
    const app = await testApp(await tempDir(), { extraFeatures: [counterFeature] });
    const u: UserRef = { channel: "web", id: "cancel-00000000000000" };
    expect(texts(await app.conversation.handle(u, { kind: "command", name: "huy", args: "" }))[0]).toContain("không có thao tác");
    await app.conversation.handle(u, { kind: "command", name: "dem", args: "" });
    expect(texts(await app.conversation.handle(u, { kind: "command", name: "cancel", args: "" }))[0]).toContain("Đã hủy");
    // After the cancel, free text goes to the FAQ again, not to the counter.
    expect(texts(await app.conversation.handle(u, { kind: "text", text: "còn đếm không?" }))[0]).toContain("Trợ lý chưa có câu trả lời");
    await app.close();
  });
});
