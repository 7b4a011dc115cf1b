import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { ADMIN, ENTERPRISE, csrfOf, get, post, signIn, startDeskBot, type DeskBot } from "../helpers/desk-web.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const ASK = "Tham dự Giải thưởng Chất lượng Quốc gia có mất phí không?";
const ENTRY = "gt-le-phi";

/** Signs the admin in through the bot's link, as the desk's own browser test does. */
async function signedIn(browser: Browser, desk: DeskBot): Promise<Page> {
  const link = (await desk.loginLink(ADMIN))!;
  const page = await browser.newPage();
  await page.goto(`${desk.base}${link}`);
  await page.waitForURL(`${desk.base}/desk/dossiers`);
  return page;
}

/** The field's problem as the page ties it to the field: aria-invalid and aria-describedby naming the problem's text. */
async function problemOf(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  expect(await input.getAttribute("aria-invalid")).toBe("true");
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(" ").filter((id) => id.endsWith("-error"));
  expect(ids).toHaveLength(1);
  return (await page.locator(`#${ids[0]}`).textContent()) ?? "";
}

describe("the department's content on the web desk, in headless Chromium", () => {
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

  it("the unit's phone changed on the page is in the bot's next FAQ answer; a wrong phone is refused next to its field and nothing is saved; the history shows the previous value", async () => {
    desk = await startDeskBot(await tempDir());
    // No phone set yet: the contact line points to the Sở's office instead of listing empty fields.
    expect((await desk.say(ENTERPRISE, ASK)).join("\n")).not.toContain("0251 3822 123");
    const page = await signedIn(browser, desk);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.getByRole("link", { name: "Thông tin đơn vị" }).click();
    await page.getByRole("heading", { name: "Thông tin đơn vị và mốc thời gian" }).waitFor();

    // A wrong phone with a good email: refused, the problem next to the phone, neither kept, the typed values still in the form.
    await page.getByLabel("Điện thoại", { exact: true }).fill("12345");
    await page.getByLabel("Email", { exact: true }).fill("tdc@dongnai.gov.vn");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.locator("#form-problems").waitFor();
    expect(await problemOf(page, "Điện thoại")).not.toBe("");
    expect(await page.getByLabel("Email", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByLabel("Email", { exact: true }).inputValue()).toBe("tdc@dongnai.gov.vn");
    expect(await desk.bot.app.services.content.history("profile", desk.bot.app.services.province.id)).toEqual([]);
    expect(desk.bot.app.services.province.unit.email).toBeNull();

    // The phone as people write it: saved, and the very next answer in the bot carries it.
    await page.getByLabel("Điện thoại", { exact: true }).fill("(0251) 3822.123");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByText("Đã lưu. Trợ lý dùng nội dung mới ngay từ câu trả lời tiếp theo.").waitFor();
    expect(await page.getByLabel("Điện thoại", { exact: true }).inputValue()).toBe("0251 3822 123");
    const answer = (await desk.say(ENTERPRISE, ASK)).join("\n");
    // The answer's one contact line carries what was saved.
    expect(answer).toMatch(/📞[^\n]*0251 3822 123[^\n]*tdc@dongnai\.gov\.vn/);

    // A dossier deadline before the launch: refused with both dates, next to the deadline; the phone saved before stays.
    await page.getByLabel("Phát động — bắt đầu", { exact: true }).fill("1/6/2026");
    await page.getByLabel("Nộp hồ sơ — kết thúc", { exact: true }).fill("1/5/2026");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.locator("#form-problems").waitFor();
    expect(await problemOf(page, "Nộp hồ sơ — kết thúc")).toContain("Hạn nộp hồ sơ (01/05/2026) không thể trước ngày phát động (01/06/2026)");
    expect(await desk.bot.app.services.content.history("profile", desk.bot.app.services.province.id)).toHaveLength(1);
    await page.goto(`${desk.base}/desk/content/profile`);

    // The history: who (a name, not an account id), via the web, the previous (empty) and new phone.
    const history = page.locator("ol.history li");
    expect(await history.count()).toBe(1);
    const step = (await history.first().textContent()) ?? "";
    expect(step).toContain("v1");
    expect(step).toContain("qua bàn làm việc trên web");
    expect(step).toContain("unit.phone");
    expect(step).toContain("0251 3822 123");
    expect(step).not.toContain(String(ADMIN));
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it("a KB answer with a broken link, or with an empty source, is refused with the problem next to the field; a good edit is answered at once", async () => {
    desk = await startDeskBot(await tempDir());
    const page = await signedIn(browser, desk);
    await page.getByRole("link", { name: "Hỏi đáp" }).click();
    await page.getByRole("heading", { name: "Mục hỏi đáp" }).waitFor();
    // Searched without diacritics.
    await page.getByLabel("Tìm theo mã, câu hỏi hoặc nội dung (gõ có dấu hay không dấu đều được)").fill("le phi tham du");
    await page.getByRole("button", { name: "Tìm", exact: true }).click();
    await page.waitForURL(/q=le/);
    await page.locator(`a[href="/desk/content/kb/${ENTRY}"]`).click();
    await page.waitForURL(`${desk.base}/desk/content/kb/${ENTRY}`);
    const original = await page.getByLabel("Câu trả lời tiếng Việt", { exact: true }).inputValue();
    expect(original.length).toBeGreaterThan(0);

    // A link that is not an http(s) address.
    await page.getByLabel("Câu trả lời tiếng Việt", { exact: true }).fill('Xem <a href="http//giaithuong.org.vn">tại đây</a>.');
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.locator("#form-problems").waitFor();
    expect(await problemOf(page, "Câu trả lời tiếng Việt")).toContain("Liên kết «http//giaithuong.org.vn» trong câu trả lời không hợp lệ");
    expect(await page.getByLabel("Câu trả lời tiếng Việt", { exact: true }).inputValue()).toBe('Xem <a href="http//giaithuong.org.vn">tại đây</a>.');

    // An empty source (the answer put back as it was).
    await page.getByLabel("Câu trả lời tiếng Việt", { exact: true }).fill(original);
    await page.getByLabel("Nguồn", { exact: true }).fill("");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.locator("#form-problems").waitFor();
    expect(await problemOf(page, "Nguồn")).toContain("Mỗi mục phải ghi nguồn");
    expect(await desk.bot.app.services.content.history("entry", ENTRY)).toEqual([]);
    expect((await desk.say(ENTERPRISE, ASK)).join("\n")).not.toContain("Nội dung do cán bộ sửa trên web");

    // A good edit: kept, answered at once, in the history with the previous text.
    await page.goto(`${desk.base}/desk/content/kb/${ENTRY}`);
    await page.getByLabel("Câu trả lời tiếng Việt", { exact: true }).fill("Nội dung do cán bộ sửa trên web: Quý doanh nghiệp vui lòng hỏi {unit}.");
    await page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByText("Đã lưu. Trợ lý dùng nội dung mới ngay từ câu trả lời tiếp theo.").waitFor();
    expect((await desk.say(ENTERPRISE, ASK)).join("\n")).toContain("Nội dung do cán bộ sửa trên web: Quý doanh nghiệp vui lòng hỏi");
    const step = (await page.locator("ol.history li").first().textContent()) ?? "";
    expect(step).toContain("answer.vi");
    expect(step).toContain(original.split("\n")[0]!.replace(/<[^>]+>/g, "").slice(0, 20));
    await page.close();
  }, 90_000);

  it("an official adds an entry on the page (over HTTP, as the form posts it): refused with each problem by field, then kept and answered by the bot", async () => {
    desk = await startDeskBot(await tempDir());
    const { cookie } = await signIn(desk.base, (await desk.loginLink(ADMIN))!);
    const form = await get(desk.base, "/desk/content/kb-new", cookie);
    expect(form.status).toBe(200);
    const topic = /<option value="([^"]+)"/.exec(form.text)![1]!;
    const fields = {
      csrf: csrfOf(form.text),
      version: "0",
      id: "dn-hoi-thao-thu",
      topic,
      "questions.vi": "Sở có tổ chức hội thảo thử nghiệm không?\nhoi thao thu nghiem cua so\nco hoi thao thu nghiem khong",
      "questions.en": "",
      "answer.vi": "Nội dung thử nghiệm: Quý doanh nghiệp vui lòng hỏi {unit}.",
      "answer.en": "",
      source: "",
      reviewed: "",
    };
    const refused = await post(desk.base, "/desk/content/kb-new", fields, cookie);
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/id="f-source-error">Mỗi mục phải ghi nguồn/);
    expect(refused.text).toContain('aria-describedby="f-source-hint f-source-error"');
    expect(await desk.bot.app.services.content.entry("dn-hoi-thao-thu")).toBeUndefined();

    const saved = await post(desk.base, "/desk/content/kb-new", { ...fields, source: "bot-huong-dan", reviewed: "22/11/2026" }, cookie);
    expect(saved.status).toBe(303);
    expect(saved.location).toBe("/desk/content/kb/dn-hoi-thao-thu?done=saved");
    expect(await desk.bot.app.services.content.entry("dn-hoi-thao-thu")).toMatchObject({ version: 1, added: true });
    expect((await desk.say(ENTERPRISE, "Sở có tổ chức hội thảo thử nghiệm không?")).join("\n")).toContain("Nội dung thử nghiệm: Quý doanh nghiệp vui lòng hỏi");
    // Without the form's CSRF token nothing is saved.
    expect((await post(desk.base, "/desk/content/kb/dn-hoi-thao-thu", { ...fields, csrf: "" }, cookie)).status).toBe(403);
  });
});
