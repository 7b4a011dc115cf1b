import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { seedUsers } from "../helpers/broadcast.js";
import { ADMIN, startDeskBot, type DeskBot } from "../helpers/desk-web.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const SUBSCRIBED = "5550101";
const NOT_SUBSCRIBED = "5550102";
// Typed markup stays text for the recipient, exactly as on the preview.
const TEXT = "Sở KH&CN thông báo: hội thảo <b>GTCLQG</b> ngày 10/12 tại hội trường Sở.";

describe("announcements on the web desk, in headless Chromium", () => {
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

  it("composed, previewed exactly as sent and sent now: the subscribed Telegram user gets it, the other does not; the progress bar fills and the final report shows; audited via web", async () => {
    desk = await startDeskBot(await tempDir());
    const app = desk.bot.app;
    await seedUsers(app, [
      { id: SUBSCRIBED, choice: "yes" },
      { id: NOT_SUBSCRIBED, choice: "no" },
    ]);
    const link = (await desk.loginLink(ADMIN))!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${desk.base}${link}`);
    await page.waitForURL(`${desk.base}/desk/dossiers`);
    await page.getByRole("link", { name: "Thông báo" }).click();
    await page.getByRole("heading", { name: "Soạn thông báo mới" }).waitFor();

    // An empty text is refused next to its field.
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator("#bc-text-error").waitFor();
    expect(await page.getByLabel("Nội dung thông báo").getAttribute("aria-describedby")).toBe("bc-text-error");

    await page.getByLabel("Nội dung thông báo").fill(TEXT);
    await page.getByLabel("Người nhận").selectOption({ label: "tất cả người đăng ký nhận thông báo" });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.locator("#announcement-preview").waitFor();
    const previewed = (await page.locator("#announcement-preview").textContent()) ?? "";
    expect(previewed).toContain(TEXT);
    expect(previewed).toContain("Thông báo của");
    expect(previewed).toContain("/tatthongbao để ngừng nhận");
    expect(await page.locator("#audience").textContent()).toContain("Số người nhận: 1");
    expect(desk.api.sent().filter((c) => String(c.payload.chat_id) === SUBSCRIBED)).toHaveLength(0);

    await page.getByRole("button", { name: "Gửi ngay" }).click();
    await page.waitForURL(/\/desk\/announcements\/TB-\d{4}$/);
    // The page polls progress.json until the job ends, then shows the final report.
    await page.locator("#job-report:not([hidden])").waitFor({ timeout: 20_000 });
    const report = (await page.locator("#job-report").textContent()) ?? "";
    expect(report).toMatch(/Thông báo TB-\d{4} đã gửi xong/);
    // The group is everyone the bot knows (the official too): one sent, the two not subscribed accounted for.
    expect(report).toContain("Kết quả cho 3 người");
    expect(report).toContain("Chưa đăng ký hoặc đã tắt thông báo: 2");
    expect(report).toContain("• Đã gửi: 1");
    expect(await page.locator("#job-state").textContent()).toBe("đã gửi xong");
    expect(await page.locator("#job-progress").evaluate((el) => [(el as unknown as { value: number }).value, (el as unknown as { max: number }).max])).toEqual([1, 1]);

    const toSubscribed = desk.api.sent().filter((c) => String(c.payload.chat_id) === SUBSCRIBED);
    expect(toSubscribed).toHaveLength(1);
    // The text as typed (markup stays text), between the sender line and the way to stop, as previewed.
    const sent = String(toSubscribed[0]!.payload.text);
    expect(sent).toContain("\n\nSở KH&amp;CN thông báo: hội thảo &lt;b&gt;GTCLQG&lt;/b&gt; ngày 10/12 tại hội trường Sở.\n\n");
    expect(sent.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">")).toBe(previewed);
    expect(desk.api.sent().filter((c) => String(c.payload.chat_id) === NOT_SUBSCRIBED)).toHaveLength(0);
    const created = (await auditTrail(app)).find((e) => e.action === "broadcast-created");
    expect(created?.detail).toMatch(/^via web/);
    expect(created?.actor.userKey).toBe(`telegram:${ADMIN}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("a scheduled announcement can be paused, resumed and cancelled from its page; a time in the past is refused next to its field", async () => {
    desk = await startDeskBot(await tempDir());
    await seedUsers(desk.bot.app, [{ id: SUBSCRIBED, choice: "yes" }]);
    const link = (await desk.loginLink(ADMIN))!;
    const page = await browser.newPage();
    await page.goto(`${desk.base}${link}`);
    await page.waitForURL(`${desk.base}/desk/dossiers`);
    await page.goto(`${desk.base}/desk/announcements`);
    await page.getByLabel("Nội dung thông báo").fill("Thông báo hẹn giờ");
    await page.getByRole("button", { name: "Xem trước" }).click();
    await page.getByLabel("Hoặc hẹn giờ gửi (giờ Việt Nam, ngày/tháng/năm giờ:phút)").fill("1/1/2020 08:00");
    await page.getByRole("button", { name: "Hẹn giờ gửi" }).click();
    await page.locator("#bc-when-error").waitFor();
    expect(await page.locator("#bc-when-error").textContent()).toContain("Thời điểm này đã qua");
    expect(await desk.bot.app.services.broadcasts.list()).toHaveLength(0);

    const next = new Date(Date.now() + 30 * 86_400_000);
    const when = `${next.getUTCDate()}/${next.getUTCMonth() + 1}/${next.getUTCFullYear()} 08:30`;
    await page.getByLabel("Hoặc hẹn giờ gửi (giờ Việt Nam, ngày/tháng/năm giờ:phút)").fill(when);
    await page.getByRole("button", { name: "Hẹn giờ gửi" }).click();
    await page.waitForURL(/\/desk\/announcements\/TB-\d{4}$/);
    expect(await page.locator("#job-state").textContent()).toBe("hẹn giờ");
    await page.getByRole("button", { name: "Tạm dừng" }).click();
    await page.locator("#job-state", { hasText: "tạm dừng" }).waitFor();
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.locator("#job-state", { hasText: "hẹn giờ" }).waitFor();
    await page.getByRole("button", { name: "Hủy gửi" }).click();
    await page.locator("#job-state", { hasText: "đã hủy" }).waitFor();
    const [job] = await desk.bot.app.services.broadcasts.list();
    expect(job?.state).toBe("cancelled");
    expect(job?.history.map((h) => h.action)).toEqual(["scheduled", "paused", "resumed", "cancelled"]);
    expect(desk.api.sent().filter((c) => String(c.payload.chat_id) === SUBSCRIBED)).toHaveLength(0);
    await page.close();
  }, 90_000);
});
