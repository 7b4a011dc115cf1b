import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { testApp } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, fakeBotApi, textUpdate } from "../helpers/fake-telegram.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const OFFICIAL = 7770001;
const LAN = 5550001;
const ASKED = "quy mo doanh nghiep vua la bao nhieu lao dong";

const keyboardOf = (payload: Record<string, unknown>) =>
  ((payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("learning from an answer through Telegram (offline, fake Bot API)", () => {
  it("an official's /hoc offers the nearest entries as buttons, shows HTML in the answer literally, and a press makes the bot answer the enterprise's question", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(OFFICIAL) } });
    const api = fakeBotApi();
    const { bot } = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    const title = app.services.kb.entry("ns-quy-mo-dn")!.questions.vi[0]!;

    await bot.handleUpdate(textUpdate(LAN, ASKED));
    expect(toPlainText(String(api.sent()[0]!.payload.text)).startsWith(title)).toBe(false);
    api.clear();

    await bot.handleUpdate(textUpdate(OFFICIAL, `/hoc ${ASKED} | Xem <b>NĐ 80/2021</b> & hỏi đơn vị`));
    const offer = api.sent()[0]!.payload;
    expect(offer.parse_mode).toBe("HTML");
    expect(String(offer.text)).toContain("Xem &lt;b&gt;NĐ 80/2021&lt;/b&gt; &amp; hỏi đơn vị");
    const buttons = keyboardOf(offer).map((b) => b.callback_data);
    expect(buttons).toContain("hoc:p:ns-quy-mo-dn");
    expect(buttons).toContain("hoc:n");
    api.clear();

    await bot.handleUpdate(callbackUpdate(OFFICIAL, "hoc:p:ns-quy-mo-dn"));
    expect(toPlainText(String(api.sent()[0]!.payload.text))).toContain(`làm một cách hỏi của mục “${title}”`);
    api.clear();

    await bot.handleUpdate(textUpdate(LAN, ASKED));
    expect(toPlainText(String(api.sent()[0]!.payload.text)).startsWith(title)).toBe(true);
    await app.close();
  });
});
