import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import { launchChromium } from "../helpers/browser.js";
import { ADMIN, ENTERPRISE, startDeskBot, type DeskBot } from "../helpers/desk-web.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> A&B "Minh An"`;

describe("the officials' web desk in headless Chromium", () => {
  let browser: Browser;
  let desk: DeskBot | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await desk?.bot.stop();
    desk = undefined;
  });
  afterAll(async () => browser?.close());

  it("signs in through the bot's link, filters the list, opens a dossier, moves it to 'cần bổ sung' after the preview, and the enterprise's Telegram gets the notice", async () => {
    desk = await startDeskBot(await tempDir());
    const app = desk.bot.app;
    const create = async (overrides: Parameters<typeof draft>[0]) => {
      const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: `telegram:${ENTERPRISE}`, ...overrides }), new Date()));
      if (!made.ok) throw new Error("not created");
      return made.submission.code;
    };
    const code = await create({ name: HOSTILE });
    await create({ name: "Công ty CP Đồng Xanh", taxCode: "0100109106" });
    await create({ name: "Hợp tác xã Tân Phú", taxCode: "0101243150", programme: "nscl" });

    const link = (await desk.loginLink(ADMIN))!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // The link's page posts its own form (desk.js): the browser lands on the list, the token out of the address bar.
    await page.goto(`${desk.base}${link}`);
    await page.waitForURL(`${desk.base}/desk/dossiers`);
    await page.getByRole("heading", { name: "Hồ sơ" }).waitFor();
    const cookie = (await page.context().cookies()).find((c) => c.name === "nscl_desk")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/desk" });
    expect(await page.locator("#counts").textContent()).toContain("3 hồ sơ");

    // Filter: the award only.
    await page.getByLabel("Chương trình").selectOption("gtclqg");
    await page.getByRole("button", { name: "Lọc" }).click();
    await page.waitForURL(/programme=gtclqg/);
    expect(await page.locator("#counts").textContent()).toContain("2 hồ sơ");
    expect(await page.locator("table.list tbody tr").count()).toBe(2);
    // The hostile name is text: no script ran, no image was made.
    expect(await page.locator("table.list tbody").textContent()).toContain(HOSTILE);
    expect(await page.locator("table.list img").count()).toBe(0);
    await page.screenshot({ path: path.join(tmpdir(), "nscl-desk-list.png"), fullPage: true });

    // Open the dossier; ask for more documents; the preview shows the notice; nothing is sent yet.
    await page.getByRole("link", { name: code }).click();
    await page.waitForURL(`${desk.base}/desk/dossiers/${code}`);
    expect(await page.locator("h1").textContent()).toBe(`${code} · ${HOSTILE}`);
    await page.getByLabel("Tài liệu cần bổ sung (doanh nghiệp sẽ nhận đúng nội dung này)").fill("Bổ sung báo cáo tự đánh giá 07 tiêu chí");
    await page.getByRole("button", { name: "Xem trước thông báo: Cần bổ sung hồ sơ" }).click();
    await page.locator("#notice-preview").waitFor();
    const preview = (await page.locator("#notice-preview").textContent()) ?? "";
    expect(preview).toContain("Tình trạng mới: Cần bổ sung hồ sơ");
    expect(preview).toContain("Bổ sung báo cáo tự đánh giá 07 tiêu chí");
    expect(desk.api.sent().filter((c) => String(c.payload.chat_id) === String(ENTERPRISE))).toHaveLength(0);
    await page.screenshot({ path: path.join(tmpdir(), "nscl-desk-preview.png"), fullPage: true });
    await page.getByRole("button", { name: "Chuyển sang “Cần bổ sung hồ sơ” và gửi thông báo" }).click();
    await page.getByText("Đã chuyển tình trạng và gửi thông báo cho doanh nghiệp.").waitFor();
    const toEnterprise = desk.api.sent().filter((c) => String(c.payload.chat_id) === String(ENTERPRISE));
    expect(toEnterprise).toHaveLength(1);
    expect(toPlainText(String(toEnterprise[0]!.payload.text))).toContain("Ghi chú của cán bộ phụ trách: Bổ sung báo cáo tự đánh giá 07 tiêu chí");
    expect((await app.services.submissions.get(code))?.status).toBe("needs-supplement");
    await page.screenshot({ path: path.join(tmpdir(), "nscl-desk-dossier.png"), fullPage: true });

    // English, on a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { name: new RegExp(code) }).waitFor();
    expect(await page.getByRole("link", { name: "Dossiers" }).count()).toBe(1);
    await page.getByRole("link", { name: "Dossiers" }).click();
    await page.getByRole("heading", { name: "Dossiers" }).waitFor();
    // (globalThis: the test's types know no DOM.)
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Figures with their chart.
    await page.getByRole("link", { name: "Figures" }).click();
    // Its load event waits for the chart image too.
    await page.waitForURL(`${desk.base}/desk/figures`, { waitUntil: "load" });
    expect(await page.locator("img.chart").evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);

    // Sign out: the next page is refused.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${desk.base}/desk/signed-out`);
    const refused = await page.goto(`${desk.base}/desk/dossiers`);
    expect(refused?.status()).toBe(401);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
    // A long walk through the desk in a browser: more room than the suite's 30 s on a busy machine.
  }, 90_000);
});
