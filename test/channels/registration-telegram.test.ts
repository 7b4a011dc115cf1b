import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { testApp } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, documentUpdate, fakeBotApi, textUpdate } from "../helpers/fake-telegram.js";
import { QUESTION, answerFrom, type Talker } from "../helpers/registration-script.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const LAN = 5550001;

type Keyboard = { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;

describe("registration through Telegram (offline, fake Bot API at grammY's fetch)", () => {
  it("registers with typed answers and buttons pressed as callback queries", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now });
    const api = fakeBotApi();
    const { bot } = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });

    // What Telegram would show Lan after each update: the texts and the buttons of the bot's replies.
    const lan: Talker & { send(update: Parameters<typeof bot.handleUpdate>[0]): Promise<void> } = {
      hears: () => api.sent().map((c) => toPlainText(String(c.payload.text ?? c.payload.caption ?? ""))).join("\n---\n"),
      async send(update) {
        api.clear();
        await bot.handleUpdate(update);
      },
      async says(text) {
        await lan.send(textUpdate(LAN, text));
      },
      async presses(label) {
        const buttons = api.sent().flatMap((c) => ((c.payload.reply_markup as Keyboard)?.inline_keyboard ?? []).flat());
        const button = buttons.find((b) => b.text.toLowerCase().includes(label.toLowerCase()));
        if (!button) throw new Error(`no button "${label}" among ${buttons.map((b) => b.text).join(" | ")}`);
        await lan.send(callbackUpdate(LAN, button.callback_data));
        expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
      },
    };

    await lan.says("/dangky");
    const choose = api.sent()[0]!;
    expect(choose.payload.parse_mode).toBe("HTML");
    expect((choose.payload.reply_markup as Keyboard)?.inline_keyboard?.flat().map((b) => b.callback_data)).toEqual(["dk:gtclqg", "dk:nscl"]);
    await lan.presses("Giải thưởng Chất lượng Quốc gia");
    await answerFrom(lan, "consent", "docs", (said, q) => expect(said).toContain(QUESTION[q]));
    expect(lan.hears()).toContain(QUESTION.docs);
    await lan.send(documentUpdate(LAN, "don-dang-ky.pdf"));
    expect(lan.hears()).toContain("Đã nhận tệp “don-dang-ky.pdf”");
    await lan.presses("Xong");
    expect(lan.hears()).toContain(QUESTION.summary);
    // Every button fits Telegram's 64-byte callback data.
    for (const b of api.sent().flatMap((c) => ((c.payload.reply_markup as Keyboard)?.inline_keyboard ?? []).flat())) {
      expect(new TextEncoder().encode(b.callback_data).length).toBeLessThanOrEqual(64);
    }
    await lan.presses("Gửi đăng ký");
    const done = api.sent()[0]!;
    expect(done.payload.chat_id).toBe(LAN);
    expect(String(done.payload.text)).toContain("Mã hồ sơ: <code>GT-2026-0001</code>");

    expect(await app.services.submissions.get("GT-2026-0001")).toMatchObject({
      owner: { userKey: `telegram:${LAN}`, channel: "telegram", userId: String(LAN), locale: "vi" },
      organisation: { taxCode: "0314409058", revenueVnd: 1_500_000_000, capitalVnd: 20_000_000_000, vsic: "vsic2018:C", address: { province: "Đồng Nai" } },
      award: { certificates: ["iso9001", "ocop"] },
      contact: { phone: "+84912345678", email: "lan@minhan.vn" },
      documents: [{ file: { channel: "telegram", ref: "BQACAgIAAxkBAAIB", name: "don-dang-ky.pdf", size: 12345, mime: "application/pdf" } }],
    });
    await app.close();
  });
});
