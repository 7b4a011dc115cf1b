// The package is CommonJS with a default export; its class module imports cleanly by name.
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterEach, describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "../helpers/bot-process.js";
import { TEST_TOKEN } from "../helpers/fake-telegram.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("Telegram end to end (telegram-test-api emulator over HTTP)", () => {
  let server: TelegramServer | undefined;
  let bot: BotProcess | undefined;
  afterEach(async () => {
    await bot?.stop();
    await server?.stop();
  });

  it("answers /start and a button press when pointed at the emulator with TELEGRAM_API_ROOT", async () => {
    server = new TelegramServer({ port: 0, host: "127.0.0.1", storeTimeout: 60 });
    await server.start();
    const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
    const apiRoot = `http://127.0.0.1:${address.port}`;
    bot = await startBotProcess({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: apiRoot, DATA_DIR: await tempDir() });

    const client = server.getClient(TEST_TOKEN, { timeout: 10_000, userId: 31337, chatId: 31337 });
    await client.sendCommand(client.makeCommand("/start"));
    const updates = await client.getUpdates();
    const welcome = updates.result[0]!.message;
    expect(welcome.text).toContain("Kính chào Quý doanh nghiệp");
    const keyboard = (welcome.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    expect(keyboard.map((b) => b.callback_data)).toContain("cmd:dangky");

    await client.sendCallback(client.makeCallbackQuery("lang:en"));
    // The emulator hands out what has arrived so far: the rest of the /start reply (its second
    // message, the announcements question) may come in the same read as the answer to the press, or
    // before it. Read until the answer is in (or the client's timeout fails the test).
    const after: string[] = [];
    for (let reads = 0; reads < 5 && !after.join("\n").includes("Switched to English"); reads++) {
      after.push(...(await client.getUpdates()).result.map((u: { message: { text: string } }) => u.message.text));
    }
    expect(after.join("\n")).toContain("Switched to English");
  });
});
