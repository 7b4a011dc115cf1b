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

  it("shows its own words in the browser's language (English chrome), and switches with /language", async () => {
    bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger());
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(bot.webUrl);
    await page.locator(".msg.bot").first().waitFor();
    const chrome = async () => ({
      lang: await page.locator("html").getAttribute("lang"),
      title: await page.title(),
      header: await page.locator("header h1").textContent(),
      send: await page.locator("#send").textContent(),
      placeholder: await page.locator("#text").getAttribute("placeholder"),
      attach: await page.locator("#attach").getAttribute("aria-label"),
      rule: await page.locator("#file-rule").textContent(),
    });
    expect(await chrome()).toEqual({
      lang: "en",
      title: "Productivity and Quality Assistant",
      header: "Productivity and Quality Assistant",
      send: "Send",
      placeholder: "Type a question or an answer…",
      attach: "Send a dossier file",
      rule: expect.stringContaining("Dossier files") as string,
    });
    // No Vietnamese in the page's own words (the bot's first greeting is the conversation, not the chrome).
    expect(Object.values(await chrome()).join(" ")).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu);

    // Choosing Vietnamese switches the page's words too, without a reload.
    await page.fill("#text", "/ngonngu vi");
    await page.press("#text", "Enter");
    await page.getByText("Đã chuyển sang tiếng Việt").waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === "vi");
    expect((await chrome()).send).toBe("Gửi");
    expect((await chrome()).header).toBe("Trợ lý Năng suất – Chất lượng");
    // And back to English.
    await page.fill("#text", "/language en");
    await page.press("#text", "Enter");
    await page.getByText("Switched to English").waitFor();
    await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === "en");
    expect((await chrome()).placeholder).toBe("Type a question or an answer…");
    await context.close();
    expect(errors).toEqual([]);
  });

  it("sends a PDF through the 📎 control and shows the bot's reply; a refused file is said in the log and not sent", async () => {
    bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger());
    // A Vietnamese browser: the page shows its own words (the 📎 label, the file rule) in Vietnamese.
    const page = await browser.newPage({ locale: "vi-VN" });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const uploads: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/chat/upload")) uploads.push(r.url());
    });
    await page.goto(bot.webUrl);
    await page.getByText("Kính chào Quý doanh nghiệp!").waitFor();

    // The control and the rule beside it, in the page's language.
    const attach = page.getByRole("button", { name: "Gửi tệp hồ sơ" });
    expect(await attach.textContent()).toBe("📎");
    expect(await page.locator("#file").getAttribute("accept")).toBe(".pdf,.doc,.docx,.jpg,.jpeg,.png");
    expect(await page.locator("#file-rule").textContent()).toBe("Tệp hồ sơ: PDF, Word hoặc ảnh (PDF, DOC, DOCX, JPG, JPEG, PNG), mỗi tệp không quá 20 MB.");

    // A small PDF through the page's own control: the picker opens from the 📎 button. The request
    // is held on its way until the page has shown that it is sending.
    let release: () => Promise<void> = async () => {};
    const held = new Promise<void>((resolve) => {
      void page.route("**/api/chat/upload", (route) => {
        release = () => route.continue();
        resolve();
      });
    });
    const chooser = page.waitForEvent("filechooser");
    await attach.click();
    await (await chooser).setFiles({ name: "Báo cáo tự đánh giá.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n") });
    expect(await page.locator(".msg.me").last().textContent()).toBe("📎 Báo cáo tự đánh giá.pdf");
    await held;
    expect(await page.locator("#send").textContent()).toBe("Đang gửi tệp…");
    expect(await attach.isDisabled()).toBe(true);
    await release();
    await page.unroute("**/api/chat/upload");
    // Sent as a file event: with no form open, the bot says it does not know which dossier it is for.
    await page.getByText("Trợ lý đã nhận tệp nhưng chưa rõ tệp này dùng cho hồ sơ nào").waitFor();
    expect(uploads).toHaveLength(1);

    // A type the unit does not take is refused on the page, before anything is sent.
    await page.locator("#file").setInputFiles({ name: "cai-dat.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
    await page.locator(".msg.system", { hasText: "Trợ lý chỉ nhận tệp PDF, Word hoặc ảnh" }).waitFor();
    // One the page lets through and the server refuses (not a PDF inside): the server's words, in the log.
    await page.locator("#file").setInputFiles({ name: "gia-mao.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
    await page.locator(".msg.system", { hasText: "Nội dung tệp không đúng với định dạng" }).waitFor();
    expect(uploads).toHaveLength(2);
    expect(await page.locator("#send").isDisabled()).toBe(false);
    await page.screenshot({ path: path.join(tmpdir(), "nscl-web-upload.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("re-draws a multi-select question in place when an item is tapped: no new message in the log", async () => {
    bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger());
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(bot.webUrl);
    await page.getByText("Kính chào Quý doanh nghiệp!").waitFor();
    await page.fill("#text", "/dangky nscl");
    await page.press("#text", "Enter");
    await page.getByRole("button", { name: "✅ Đồng ý" }).click();
    const question = page.locator(".msg.bot", { hasText: "Quý doanh nghiệp cần hỗ trợ nội dung nào?" });
    await question.waitFor();
    const messages = await page.locator("#log .msg").count();

    await question.getByRole("button", { name: /^Xây dựng, áp dụng hệ thống quản lý/ }).click();
    await question.getByRole("button", { name: /^✅ Xây dựng, áp dụng hệ thống quản lý/ }).waitFor();
    await question.getByRole("button", { name: /^Truy xuất nguồn gốc/ }).click();
    await question.getByRole("button", { name: "✔️ Xong (2)" }).waitFor();
    // The same message, ticked twice; neither the taps nor the replies added anything to the log.
    expect(await page.locator("#log .msg").count()).toBe(messages);
    expect(await question.count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
