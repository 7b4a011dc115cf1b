import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { testApp } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, fakeBotApi, textUpdate } from "../helpers/fake-telegram.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const HOA = 7770001;
const LAN = 5550001;

const keyboardOf = (payload: Record<string, unknown>) =>
  ((payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("the hand-off inbox on Telegram (offline, fake Bot API at grammY's fetch)", () => {
  it("a refused question with HTML reaches Hoa's /hopthu shown literally; her 5,000-character answer reaches Lan whole, split into messages", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    app.outbox.register("telegram", channel.sender);

    await channel.bot.handleUpdate(textUpdate(LAN, "<b>giá vàng</b> hôm nay & ngày mai?"));
    const refusal = api.sent().filter((c) => c.payload.chat_id === LAN);
    expect(toPlainText(String(refusal.at(-1)!.payload.text))).toContain("(mã HT1)");
    expect(keyboardOf(refusal.at(-1)!.payload).map((b) => b.callback_data)).toContain("hoi:q");
    api.clear();

    await channel.bot.handleUpdate(textUpdate(HOA, "/hopthu"));
    const listed = api.sent().map((c) => String(c.payload.text)).join("\n");
    // Escaped on the wire: Telegram shows the tags as typed, never as formatting.
    expect(listed).toContain("“&lt;b&gt;giá vàng&lt;/b&gt; hôm nay &amp; ngày mai?”");
    const answer = api.sent().flatMap((c) => keyboardOf(c.payload)).find((b) => b.text === "✍️ Trả lời")!;
    expect(answer.callback_data).toBe("ht:a:HT1");
    await channel.bot.handleUpdate(callbackUpdate(HOA, answer.callback_data));

    // 5,000 characters, in two messages (Telegram takes at most 4,096 in one).
    const long = Array.from({ length: 700 }, (_, i) => `ý ${i + 1}.`).join(" ").slice(0, 5000).trim();
    await channel.bot.handleUpdate(textUpdate(HOA, long.slice(0, 4000)));
    await channel.bot.handleUpdate(textUpdate(HOA, long.slice(4000)));
    const send = api.sent().flatMap((c) => keyboardOf(c.payload)).findLast((b) => b.text === "✅ Gửi")!;
    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(HOA, send.callback_data));

    const toLan = api.sent().filter((c) => c.payload.chat_id === LAN).map((c) => String(c.payload.text));
    expect(toLan.length).toBeGreaterThanOrEqual(2);
    // Telegram counts the text after its HTML entities are parsed.
    for (const text of toLan) expect(toPlainText(text).length).toBeLessThanOrEqual(4096);
    const whole = toLan.map((t) => toPlainText(t)).join(" ").replace(/\s+/g, " ");
    expect(whole).toContain(long.replace(/\s+/g, " "));
    expect(whole).toContain("<b>giá vàng</b> hôm nay & ngày mai?");
    expect(whole).toContain("— Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect(api.sent().filter((c) => c.payload.chat_id === HOA).map((c) => toPlainText(String(c.payload.text))).join("\n")).toContain("Đã gửi câu trả lời cho HT1");
    expect((await app.services.inbox.get("HT1"))?.status).toBe("answered");
    await app.close();
  });
});
