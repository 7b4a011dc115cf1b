import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { launchChromium } from "../helpers/browser.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

describe("web chat page in headless Chromium", () => {
  let browser: Browser;
  let bot: RunningBot;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  // Stop the bot before its temp DATA_DIR is removed.
  afterEach(async () => bot?.stop());
  afterAll(async () => browser?.close());

  it("greets, follows button presses, and shows typed text literally", async () => {
    bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger());
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(bot.webUrl);

    await page.getByText("Kính chào Quý doanh nghiệp!").waitFor();
    expect(await page.locator(".msg.bot strong").first().textContent()).toBe("Trợ lý Năng suất – Chất lượng");

    await page.getByRole("button", { name: "📚 Chương trình" }).last().click();
    await page.getByText("Chương trình và chủ đề").waitFor();
    await page.fill("#text", "/ngonngu");
    await page.press("#text", "Enter");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText("Switched to English").waitFor();

    const hostile = `<img src=x onerror="window.hacked=1"> A&B *_`;
    await page.fill("#text", `/lap ${hostile}`);
    await page.press("#text", "Enter");
    await page.getByText("There is no command /lap").waitFor();
    expect(await page.locator(".msg.me").last().textContent()).toBe(`/lap ${hostile}`);
    expect(await page.locator("#log img").count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { hacked?: number }).hacked)).toBeUndefined();

    await page.screenshot({ path: path.join(tmpdir(), "nscl-web-chat.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
