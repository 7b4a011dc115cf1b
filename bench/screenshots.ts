/**
 * `npm run screenshots`: the web desk's main pages as PNGs in docs/screenshots/, for the README —
 * taken again whenever the pages change. A throwaway store seeded with demo dossiers (bench's
 * large-store drafts: made-up companies), Debian's chromium through playwright-core (CHROMIUM_PATH
 * to use another), laptop size 1280×800 and the list also at phone size 390×844. Nothing leaves
 * the machine; the bot runs without any channel.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { parseConfig } from "../src/config.js";
import { memoryLogger } from "../src/core/log.js";
import { STATUSES } from "../src/domain/statuses.js";
import { startBot } from "../src/main.js";
import { submissionDraft } from "./lib/large-store.js";

const ADMIN = "7770001";
const OUT = path.resolve("docs/screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const dir = await mkdtemp(path.join(tmpdir(), "nscl-screenshots-"));
  const parsed = parseConfig({ DATA_DIR: dir, WEB_PORT: "0", OFFICIAL_TELEGRAM_IDS: ADMIN, DEFAULT_LOCALE: "vi" });
  if (!parsed.ok) throw new Error(parsed.error);
  const bot = await startBot(parsed.config, memoryLogger());
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  try {
    const { app } = bot;
    const now = new Date();
    // 40 demo dossiers, some moved on; 25 demo subscribers.
    let first = "";
    await app.storage.unit(async () => {
      for (let i = 0; i < 40; i++) {
        const programme = i % 4 === 0 ? "nscl" : "gtclqg";
        const made = await app.services.submissions.create({ ...submissionDraft(i), documents: [] }, new Date(now.getTime() - (i % 30) * 86_400_000));
        if (!made.ok) continue;
        first ||= made.submission.code;
        const statuses = STATUSES[programme];
        if (i % 3) await app.services.submissions.changeStatus(made.submission.code, statuses[i % statuses.length]!.id, { kind: "official", userKey: `telegram:${ADMIN}` }, new Date(now.getTime() - (i % 20) * 86_400_000), null);
      }
      for (let i = 0; i < 25; i++) {
        const key = `telegram:${100000 + i}`;
        await app.services.subscriptions.markAsked(key, now);
        await app.services.subscriptions.set(key, "yes", now);
      }
    });
    // A scheduled announcement, so its page has something to show (the bot has no channel to send it on).
    const job = await app.storage.unit(() =>
      app.services.broadcasts.createAnnouncement(
        { content: { text: "Sở KH&CN thông báo: hội thảo hướng dẫn hồ sơ Giải thưởng Chất lượng Quốc gia (nội dung minh hoạ).", attachment: null }, segment: { kind: "all" }, createdBy: { channel: "telegram", id: ADMIN }, scheduledAt: new Date(now.getTime() + 7 * 86_400_000).toISOString() },
        now,
      ),
    );
    const { token } = await app.services.deskAuth.issueLink(`telegram:${ADMIN}`, now);
    const signed = await app.services.deskAuth.redeem(token, now);
    if (!signed.ok) throw new Error(signed.reason);
    const base = bot.webUrl.replace(/\/$/, "");
    const shots: [string, string, { width: number; height: number }][] = [
      ["dossiers", "/desk/dossiers", { width: 1280, height: 800 }],
      ["dossiers-phone", "/desk/dossiers", { width: 390, height: 844 }],
      ["dossier", `/desk/dossiers/${first}`, { width: 1280, height: 800 }],
      ["figures", "/desk/figures", { width: 1280, height: 800 }],
      ["content-profile", "/desk/content/profile", { width: 1280, height: 800 }],
      ["kb-list", "/desk/content/kb?q=le+phi", { width: 1280, height: 800 }],
      ["kb-entry", "/desk/content/kb/gt-le-phi", { width: 1280, height: 800 }],
      ["announcements", "/desk/announcements", { width: 1280, height: 800 }],
      ["announcement-job", `/desk/announcements/${job.id}`, { width: 1280, height: 800 }],
    ];
    await mkdir(OUT, { recursive: true });
    for (const [name, at, viewport] of shots) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      await context.addCookies([{ name: "nscl_desk", value: signed.session, url: `${base}/desk` }]);
      const page = await context.newPage();
      const res = await page.goto(`${base}${at}`, { waitUntil: "load" });
      if (res?.status() !== 200) throw new Error(`${at}: ${res?.status()}`);
      const file = path.join(OUT, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`${path.relative(process.cwd(), file)}  ${viewport.width}×${viewport.height}  ${((await stat(file)).size / 1024).toFixed(0)} KB`);
      await context.close();
    }
  } finally {
    await browser.close();
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
