import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { TELEGRAM_TEXT_LIMIT } from "../../src/channels/telegram/render.js";
import { toPlainText, visibleLength } from "../../src/core/markup.js";
import { testApp } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, chatMemberUpdate, documentUpdate, fakeBotApi, stickerUpdate, textUpdate, type FailRule } from "../helpers/fake-telegram.js";
import { counterFeature, echoFeature } from "../helpers/fixture-features.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const LAN = 5550001;

async function setup(fail?: FailRule) {
  const app = await testApp(await tempDir(), { extraFeatures: [echoFeature, counterFeature], env: { OFFICIAL_TELEGRAM_IDS: "7770001" } });
  const api = fakeBotApi(fail);
  const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
  return { app, api, channel, bot: channel.bot };
}

const keyboardOf = (payload: Record<string, unknown>) =>
  ((payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("Telegram channel (offline, fake Bot API at grammY's fetch)", () => {
  it("answers /start with the welcome, the personal-data notice and menu buttons", async () => {
    const { app, api, bot } = await setup();
    await bot.handleUpdate(textUpdate(LAN, "/start"));
    const [reply] = api.sent();
    expect(reply?.method).toBe("sendMessage");
    expect(reply?.payload.chat_id).toBe(LAN);
    expect(reply?.payload.parse_mode).toBe("HTML");
    expect(String(reply?.payload.text)).toContain("Kính chào Quý doanh nghiệp");
    expect(String(reply?.payload.text)).toContain("dữ liệu cá nhân");
    expect(keyboardOf(reply!.payload).map((b) => b.callback_data)).toEqual(["cmd:chuongtrinh", "cmd:hoidap", "cmd:dangky", "cmd:tracuu", "cmd:lich", "cmd:tudanhgia"]);
    await app.close();
  });

  it("turns a button press into the same conversation, and answers the callback", async () => {
    const { app, api, bot } = await setup();
    await bot.handleUpdate(callbackUpdate(LAN, "cmd:ngonngu"));
    expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(keyboardOf(api.sent()[0]!.payload).map((b) => b.callback_data)).toEqual(["lang:vi", "lang:en"]);
    api.clear();
    await bot.handleUpdate(callbackUpdate(LAN, "lang:en"));
    expect(String(api.sent()[0]?.payload.text)).toContain("Switched to English");
    api.clear();
    await bot.handleUpdate(textUpdate(LAN, "/help"));
    expect(String(api.sent()[0]?.payload.text)).toContain("/trogiup, /help");
    await app.close();
  });

  it("delivers a hostile company name exactly as typed, never as formatting", async () => {
    const { app, api, bot } = await setup();
    const name = `<b>A&B</b> *_ [x](http://evil) <a href="x">`;
    await bot.handleUpdate(textUpdate(LAN, `/lap ${name}`));
    const payload = api.sent()[0]!.payload;
    expect(payload.parse_mode).toBe("HTML");
    expect(payload.text).toBe(`<b>Bạn đã gõ:</b> &lt;b&gt;A&amp;B&lt;/b&gt; *_ [x](http://evil) &lt;a href=&quot;x&quot;&gt;`);
    // What Telegram shows after parsing the HTML:
    expect(toPlainText(String(payload.text))).toBe(`Bạn đã gõ: ${name}`);
    expect(keyboardOf(payload)[0]?.text).toBe(name.slice(0, 30));
    await app.close();
  });

  it("splits a message over 4,096 characters and puts the buttons on the last part", async () => {
    const { app, api, bot } = await setup();
    await bot.handleUpdate(textUpdate(LAN, "/dai Hồ sơ tham dự gồm báo cáo tự đánh giá. "));
    const parts = api.sent();
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(visibleLength(String(p.payload.text))).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.slice(0, -1).every((p) => p.payload.reply_markup === undefined)).toBe(true);
    expect(parts.map((p) => toPlainText(String(p.payload.text))).join(" ").length).toBeGreaterThanOrEqual(10_000);
    await app.close();
  });

  it("refuses a forged officials' button from a citizen and runs it for an official", async () => {
    const { app, api, bot } = await setup();
    await bot.handleUpdate(callbackUpdate(LAN, "secret:approve"));
    expect(String(api.sent()[0]?.payload.text)).toContain("không còn hiệu lực");
    api.clear();
    await bot.handleUpdate(textUpdate(LAN, "/canbo"));
    expect(String(api.sent()[0]?.payload.text)).toContain("không có lệnh /canbo");
    api.clear();
    await bot.handleUpdate(callbackUpdate(7770001, "secret:approve"));
    expect(api.sent()[0]?.payload.text).toBe("đã duyệt");
    await app.close();
  });

  it("replies to one user's quick messages in the order they were sent", async () => {
    const { app, api, bot } = await setup();
    await bot.handleUpdate(textUpdate(LAN, "/dem"));
    api.clear();
    await Promise.all(Array.from({ length: 10 }, (_, i) => bot.handleUpdate(textUpdate(LAN, `số ${i}`))));
    expect(api.sent().map((c) => c.payload.text)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    await app.close();
  });

  it("answers files, stickers and group chats without silence or leaks", async () => {
    const { app, api, bot } = await setup();
    await bot.handleUpdate(documentUpdate(LAN, "<bao-cao>.pdf"));
    expect(String(api.sent()[0]?.payload.text)).toContain("đã nhận tệp");
    api.clear();
    await bot.handleUpdate(stickerUpdate(LAN));
    expect(String(api.sent()[0]?.payload.text)).toContain("chỉ đọc được tin nhắn chữ");
    api.clear();
    await bot.handleUpdate(textUpdate(LAN, "/start", "group"));
    expect(String(api.sent()[0]?.payload.text)).toContain("tin nhắn riêng");
    api.clear();
    await bot.handleUpdate(textUpdate(LAN, "xin chào mọi người", "group"));
    expect(api.sent()).toEqual([]);
    await app.close();
  });

  it("publishes the command list in Vietnamese and English", async () => {
    const { app, api, channel } = await setup();
    await channel.publishCommands();
    const lists = api.calls.filter((c) => c.method === "setMyCommands");
    expect(lists).toHaveLength(2);
    const vi = lists[0]!.payload.commands as { command: string; description: string }[];
    const en = lists[1]!.payload.commands as { command: string; description: string }[];
    expect(vi.map((c) => c.command)).toEqual(expect.arrayContaining(["start", "trogiup", "huy", "ngonngu"]));
    expect(en.map((c) => c.command)).toEqual(expect.arrayContaining(["start", "help", "cancel", "language"]));
    expect(lists[1]!.payload.language_code).toBe("en");
    expect(vi.find((c) => c.command === "huy")?.description).toBe("Hủy thao tác đang thực hiện");
    expect(vi.map((c) => c.command)).not.toContain("canbo");
    await app.close();
  });

  it("reports a blocked user and Telegram's wait time on pushes", async () => {
    const { app, channel } = await setup((call) => {
      if (call.payload.chat_id === 1) return { error_code: 403, description: "Forbidden: bot was blocked by the user" };
      if (call.payload.chat_id === 2) return { error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } };
      return undefined;
    });
    const message = [{ text: toPlainText("x") as never }];
    expect(await channel.sender.send("1", message)).toEqual({ ok: false, reason: "blocked" });
    expect(await channel.sender.send("2", message)).toEqual({ ok: false, reason: "rate-limited", retryAfterSeconds: 7 });
    expect(await channel.sender.send("3", message)).toEqual({ ok: true });
    await app.close();
  });

  it("marks a user unreachable when they block the bot or a reply is refused, and reachable when they come back", async () => {
    const { app, bot } = await setup((call) => (call.payload.chat_id === 6660001 && call.method === "sendMessage" ? { error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined));
    await bot.handleUpdate(textUpdate(LAN, "/start"));
    await bot.handleUpdate(chatMemberUpdate(LAN, "kicked"));
    expect((await app.services.users.get(`telegram:${LAN}`))?.unreachableSince).not.toBeNull();
    await bot.handleUpdate(chatMemberUpdate(LAN, "member"));
    expect((await app.services.users.get(`telegram:${LAN}`))?.unreachableSince).toBeNull();

    await bot.handleUpdate(textUpdate(6660001, "/start"));
    expect((await app.services.users.get("telegram:6660001"))?.unreachableSince).not.toBeNull();
    await app.close();
  });
});
