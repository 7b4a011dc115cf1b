import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { esc } from "../../src/core/markup.js";
import { startBotProcess } from "../helpers/bot-process.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi, textUpdate } from "../helpers/fake-telegram.js";
import { ZALO, startFakeZalo, zaloEnv } from "../helpers/fake-zalo.js";
import { choicesFeature } from "../helpers/fixture-choices.js";
import { counterFeature, echoFeature } from "../helpers/fixture-features.js";
import { useTempDirs } from "../helpers/temp-dir.js";
import { useZaloBots, type ZaloBotOptions } from "../helpers/zalo-bot.js";
import {
  attachmentEvent,
  followEvent,
  oaEchoEvent,
  postEvent,
  signatureOf,
  stickerEvent,
  textEvent,
  textOf,
  webhookUrlOf,
  zaloEventClock,
  zaloUser,
} from "../helpers/zalo-webhook.js";

const tempDir = useTempDirs();
const startZaloBot = useZaloBots(tempDir);
const fixtures = [echoFeature, counterFeature, choicesFeature];
const setup = (options: Omit<ZaloBotOptions, "extraFeatures"> = {}) => startZaloBot({ extraFeatures: fixtures, ...options });

describe("Zalo webhook: signatures and repeats", () => {
  it("answers a correctly signed message and refuses wrong, missing or unverifiable signatures with 401", async () => {
    const { bot, fake } = await setup();
    const url = webhookUrlOf(bot);

    const forged = textEvent("5000000000000000001", "/start");
    const raw = JSON.stringify(forged);
    expect((await postEvent(url, forged, signatureOf(raw, String(forged.timestamp), "not-the-secret"))).status).toBe(401);
    expect((await postEvent(url, forged, "mac=" + "0".repeat(64))).status).toBe(401);
    expect((await postEvent(url, forged, null)).status).toBe(401);
    expect((await postEvent(url, "not json at all", "mac=abc")).status).toBe(401);
    // A signature made for another body does not carry over.
    const other = textEvent("5000000000000000001", "/trogiup");
    expect((await postEvent(url, forged, signatureOf(JSON.stringify(other), String(other.timestamp)))).status).toBe(401);
    await bot.channels.zalo!.idle();
    expect(fake.sent).toEqual([]);
    expect(await bot.app.services.users.count()).toBe(0);

    const real = await postEvent(url, forged);
    expect(real.status).toBe(200);
    await bot.channels.zalo!.idle();
    expect(textOf(fake.to("5000000000000000001"))).toContain("Kính chào Quý doanh nghiệp");
    expect(fake.problems).toEqual([]);
  });

  it("drops a replayed message: the same msg_id changes nothing, even signed correctly", async () => {
    const { bot, fake } = await setup();
    const url = webhookUrlOf(bot);
    const lan = zaloUser(bot, fake, "5000000000000000002");
    await lan.send("/dem");
    const first = textEvent(lan.id, "một");
    expect(textOf(await lan.sendEvent(first))).toBe("1");

    const replay = await postEvent(url, first);
    expect(replay.status).toBe(200);
    await bot.channels.zalo!.idle();
    expect(fake.to(lan.id)).toHaveLength(2);
    // The counter did not move: the next message is the second one, not the third.
    expect(textOf(await lan.send("hai"))).toBe("2");
  });

  it("drops a correctly signed event dated outside the window (a replay kept for later, or a clock far off), whatever the de-duplication forgot", async () => {
    const { bot, fake, log } = await setup();
    const url = webhookUrlOf(bot);
    const lan = zaloUser(bot, fake, "5000000000000000005");
    const MINUTE = 60_000;
    for (const at of [Date.parse("2001-09-09T01:46:40Z"), Date.parse("2286-11-20T17:46:39Z"), Date.now() - 20 * MINUTE, Date.now() + 20 * MINUTE]) {
      const res = await postEvent(url, { ...textEvent(lan.id, "/start"), timestamp: String(at) });
      // Answered 200 (Zalo must not retry it or turn the webhook off), but not taken.
      expect(res.status).toBe(200);
    }
    await bot.channels.zalo!.idle();
    expect(fake.to(lan.id)).toEqual([]);
    expect(log.lines.filter((l) => l.includes("zalo webhook: event outside the time window, dropped"))).toHaveLength(4);
    // Within the window (Zalo's clock a few minutes off) it is taken.
    await postEvent(url, { ...textEvent(lan.id, "/start"), timestamp: String(Date.now() - 10 * MINUTE) });
    await bot.channels.zalo!.idle();
    expect(fake.to(lan.id)).not.toEqual([]);
  });

  it("takes the window from ZALO_EVENT_WINDOW_MINUTES", async () => {
    const { bot, fake } = await setup({ env: { ZALO_EVENT_WINDOW_MINUTES: "30" } });
    const lan = zaloUser(bot, fake, "5000000000000000006");
    await postEvent(webhookUrlOf(bot), { ...textEvent(lan.id, "/start"), timestamp: String(Date.now() - 20 * 60_000) });
    await bot.channels.zalo!.idle();
    expect(fake.to(lan.id)).not.toEqual([]);
  });

  it("handles a message Zalo delivers three times at once exactly once", async () => {
    const { bot, fake } = await setup();
    const event = textEvent("5000000000000000003", "/ngonngu");
    const statuses = await Promise.all([1, 2, 3].map(() => postEvent(webhookUrlOf(bot), event).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200]);
    await bot.channels.zalo!.idle();
    expect(fake.to("5000000000000000003")).toHaveLength(1);
  });

  it("remembers the events it has seen across a restart", async () => {
    const fake = await startFakeZalo();
    const dir = await tempDir();
    const first = await setup({ fake, dataDir: dir });
    const event = textEvent("5000000000000000004", "/trogiup");
    await zaloUser(first.bot, fake, "5000000000000000004").sendEvent(event);
    expect(fake.to("5000000000000000004")).toHaveLength(1);
    await first.stop();

    const second = await setup({ fake, dataDir: dir });
    expect((await postEvent(webhookUrlOf(second.bot), event)).status).toBe(200);
    await second.bot.channels.zalo!.idle();
    expect(fake.to("5000000000000000004")).toHaveLength(1);
  });
});

describe("Zalo conversations", () => {
  it("/ngonngu → press English (its hidden payload comes back as text) → the answer in English", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000010");

    const [choose] = await lan.send("/ngonngu");
    expect(choose?.buttons.map((b) => b.title)).toEqual(["✓ Tiếng Việt", "English"]);
    // Payloads carry the core's button data; the fake checked they are oa.query.hide buttons.
    expect(choose?.buttons.map((b) => b.payload)).toEqual(["#nscl:lang:vi", "#nscl:lang:en"]);

    expect(textOf(await lan.press("English"))).toContain("Switched to English");
    const welcome = await lan.send("/start");
    expect(textOf(welcome)).toContain("Welcome");
    // The menu's six entries are more than Zalo's five buttons: a numbered list under the welcome,
    // answered with its number; a first /start then asks about announcements (its own buttons).
    expect(textOf(welcome)).toContain("1. 📚 Programmes");
    expect(textOf(welcome)).toContain("6. 🧭 Self-check");
    expect(welcome.at(-1)?.buttons.map((b) => b.payload)).toEqual(["#nscl:ann:yes", "#nscl:ann:no"]);
    await lan.press("No, thanks");
    expect(textOf(await lan.send("/start"))).toContain("6. 🧭 Self-check");
    expect(textOf(await lan.send("1"))).toContain("Programmes and topics");
    expect(fake.problems).toEqual([]);
  });

  it("sends plain text: markup becomes text, and hostile input arrives as typed", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000011");
    const name = `<b>A&B</b> *_ <a href="x">`;
    const [reply] = await lan.send(`/lap ${name}`);
    expect(reply?.text).toBe(`Bạn đã gõ: ${name}`);
    expect(reply?.buttons[0]?.title).toBe(name.slice(0, 30));
  });

  it("splits a long answer at sentence boundaries into messages of at most 2,000 characters", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000012");
    const parts = await lan.send("/vanban");
    expect(parts.length).toBeGreaterThanOrEqual(5);
    for (const p of parts) {
      expect(p.text!.length).toBeLessThanOrEqual(2000);
      expect(p.text!.endsWith(".")).toBe(true);
    }
    expect(parts.map((p) => p.text).join(" ").length).toBeGreaterThanOrEqual(10_000);
  });

  it("asks a question with 7 choices as a numbered list and takes the answer by number", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000013");
    const [question] = await lan.send("/chon");
    expect(question?.buttons).toEqual([]);
    expect(question?.text).toContain("1. Nông nghiệp");
    expect(question?.text).toContain("7. Công nghệ thông tin");
    expect(question?.text).toContain("trả lời bằng số thứ tự");

    expect(textOf(await lan.choose(3))).toBe("Đã chọn: Cơ khí");
    // That reply showed no list: a bare number is ordinary text again.
    expect(textOf(await lan.send("3"))).not.toContain("Đã chọn");
    await lan.send("/chon");
    expect(textOf(await lan.send("  7 "))).toBe("Đã chọn: Công nghệ thông tin");
    await lan.send("/chon");
    expect(textOf(await lan.send("9"))).not.toContain("Đã chọn");
  });

  it("welcomes a new follower like /start and records an unfollow", async () => {
    const { bot, fake, app } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000014");
    expect(textOf(await lan.follow())).toContain("Kính chào Quý doanh nghiệp");
    expect((await app.services.users.get("zalo:5000000000000000014"))?.unreachableSince).toBeNull();
    expect(await lan.unfollow()).toEqual([]);
    expect((await app.services.users.get("zalo:5000000000000000014"))?.unreachableSince).not.toBeNull();
    // Writing again makes the user reachable again.
    await lan.send("/trogiup");
    expect((await app.services.users.get("zalo:5000000000000000014"))?.unreachableSince).toBeNull();
  });

  it("turns images and files into the core's file events (channel zalo, ref = the URL) and answers stickers politely", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000015");
    await lan.send("/nhantep");
    const file = await lan.sendEvent(
      attachmentEvent(lan.id, "file", { url: "https://f.zalo.example/abc/bao-cao.pdf", name: "Báo cáo tự đánh giá.pdf", size: "482133", type: "pdf", checksum: "x" }),
    );
    expect(textOf(file)).toBe("tệp|zalo|Báo cáo tự đánh giá.pdf|482133|application/pdf|https://f.zalo.example/abc/bao-cao.pdf|");
    await lan.send("/nhantep");
    const image = await lan.sendEvent(attachmentEvent(lan.id, "image", { url: "https://f.zalo.example/img/1.jpg", thumbnail: "https://f.zalo.example/img/1t.jpg" }, "giấy phép"));
    expect(textOf(image)).toMatch(/^tệp\|zalo\|anh-zalo-[0-9a-f]{12}\.jpg\|null\|image\/jpeg\|https:\/\/f\.zalo\.example\/img\/1\.jpg\|giấy phép$/);
    expect(textOf(await lan.sendEvent(stickerEvent(lan.id)))).toContain("chỉ đọc được tin nhắn chữ");
  });

  it("keeps quiet while a person at the OA answers, ignores its own echoes, and takes back over on a command", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000016");
    // The echo of the bot's own send (no admin_id) changes nothing.
    expect(await lan.sendEvent(oaEchoEvent(lan.id))).toEqual([]);
    expect(await lan.send("xin chao")).not.toEqual([]);

    expect(await lan.sendEvent(oaEchoEvent(lan.id, "admin-77"))).toEqual([]);
    expect(await lan.send("cam on chi, cho em hoi them")).toEqual([]);
    expect(await lan.sendEvent(attachmentEvent(lan.id, "image", { url: "https://f.zalo.example/img/2.jpg" }))).toEqual([]);
    // Another user's conversation is not affected.
    expect(await zaloUser(bot, fake, "5000000000000000017").send("xin chao")).not.toEqual([]);
    // A command is addressed to the bot: it answers again from there on.
    expect(textOf(await lan.send("/trogiup"))).toContain("/trogiup");
    expect(await lan.send("xin chao")).not.toEqual([]);
  });

  it("stops keeping quiet after the configured minutes", async () => {
    let now = Date.parse("2026-11-22T09:00:00Z");
    zaloEventClock(() => now);
    const { bot, fake } = await setup({ env: { ZALO_HANDOFF_MINUTES: "20" }, options: { channels: { zalo: { clock: () => new Date(now) } } } });
    const lan = zaloUser(bot, fake, "5000000000000000018");
    await lan.sendEvent(oaEchoEvent(lan.id, "admin-77"));
    now += 19 * 60_000;
    expect(await lan.send("alo")).toEqual([]);
    now += 2 * 60_000;
    expect(await lan.send("alo")).not.toEqual([]);
  });

  it("is a different user from the same person on Telegram: two keys, separate state", async () => {
    const api = fakeBotApi();
    const { bot, fake, app } = await setup({
      env: { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9", WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook" },
      options: { channels: { telegram: { fetch: api.fetch, botInfo: BOT_INFO } } },
    });
    await bot.channels.telegram!.bot.handleUpdate(textUpdate(5550001, "/ngonngu en"));
    expect(String(api.sent().at(-1)?.payload.text)).toContain("Switched to English");

    const sameNumber = zaloUser(bot, fake, "5550001");
    expect(textOf(await sameNumber.send("/start"))).toContain("Kính chào Quý doanh nghiệp");
    expect((await app.services.users.get("telegram:5550001"))?.locale).toBe("en");
    expect((await app.services.users.get("zalo:5550001"))?.locale).toBeNull();
    await sameNumber.send("/dem");
    await bot.channels.telegram!.bot.handleUpdate(textUpdate(5550001, "mot"));
    // The Telegram user is in no flow; the Zalo user's counter is untouched by it.
    expect(textOf(await sameNumber.send("mot"))).toBe("1");
  });
});

describe("Zalo sending: tokens, limits and the 7-day window", () => {
  it("refreshes once when the token dies during a burst of 50 sends, and delivers all 50", async () => {
    const { bot, fake, app } = await setup();
    await zaloUser(bot, fake, "5000000000000000020").send("/trogiup");
    const before = fake.refreshes;
    expect(before).toBe(1);

    fake.expireTokensAfter(10);
    const ids = Array.from({ length: 50 }, (_, i) => `60000000000000${String(i).padStart(5, "0")}`);
    const outcomes = await Promise.all(ids.map((id, i) => app.outbox.send("zalo", id, [{ text: esc(`Thông báo số ${i + 1}`) }])));

    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(fake.refreshes - before).toBe(1);
    expect(fake.rejectedTokens).toBeGreaterThan(0);
    expect(new Set(fake.sent.filter((s) => s.text?.startsWith("Thông báo số")).map((s) => s.text)).size).toBe(50);
    expect(fake.problems).toEqual([]);
  });

  it("keeps the rotated refresh token on disk and continues with it after a restart", async () => {
    const fake = await startFakeZalo();
    const dir = await tempDir();
    const first = await setup({ fake, dataDir: dir });
    const lan = zaloUser(first.bot, fake, "5000000000000000021");
    await lan.send("/chon");
    expect(fake.refreshes).toBe(1);
    if (first.app.storage.backend === "json") {
      // Written before use: the journal holds the new pair as soon as the refresh returns…
      const journal = (await readdir(path.join(dir, "journal"))).map((f) => path.join(dir, "journal", f));
      const lines = (await Promise.all(journal.map((f) => readFile(f, "utf8")))).join("");
      expect(lines).toContain(`"refreshToken":"${fake.refreshToken}"`);
      await first.stop();
      // …and zalo-auth.json after the shutdown checkpoint.
      const stored = JSON.parse(await readFile(path.join(dir, "zalo-auth.json"), "utf8")) as { records: Record<string, { refreshToken: string }> };
      expect(Object.values(stored.records)[0]?.refreshToken).toBe(fake.refreshToken);
    } else {
      // Written before use: committed (read outside any unit of work) as soon as the refresh returns.
      expect((await first.app.storage.repos.zalo.auth.get(ZALO.appId))?.refreshToken).toBe(fake.refreshToken);
      await first.stop();
    }

    // Same settings, so ZALO_REFRESH_TOKEN is the first (now used up) token: the stored chain wins.
    const second = await setup({ fake, dataDir: dir });
    const again = zaloUser(second.bot, fake, "5000000000000000021");
    // The numbered list shown before the restart still answers.
    expect(textOf(await again.choose(2))).toBe("Đã chọn: Chế biến thực phẩm");
    expect(fake.refreshes).toBe(1);
    expect(fake.problems).toEqual([]);
  });

  it("refreshes ahead of expiry instead of sending with a token about to die", async () => {
    let now = Date.parse("2026-11-22T09:00:00Z");
    zaloEventClock(() => now);
    const { bot, fake } = await setup({ options: { channels: { zalo: { clock: () => new Date(now) } } } });
    const lan = zaloUser(bot, fake, "5000000000000000022");
    await lan.send("/trogiup");
    expect(fake.refreshes).toBe(1);
    now += 24 * 3600_000 + 30 * 60_000; // 24 h 30 min of 25 h
    expect(textOf(await lan.send("/trogiup"))).toContain("/trogiup");
    expect(fake.refreshes).toBe(2);
    expect(fake.rejectedTokens).toBe(0);
  });

  it("reports a user outside the 7-day window as unreachable, records it, and does not retry", async () => {
    const { bot, fake, app } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000023");
    await lan.send("/start");
    fake.outsideWindow.add(lan.id);
    const outcome = await app.outbox.send("zalo", lan.id, [{ text: esc("Hồ sơ của Quý doanh nghiệp đã được tiếp nhận.") }]);
    expect(outcome).toMatchObject({ ok: false, reason: "unreachable" });
    expect(fake.attempts.filter((a) => a.userId === lan.id && a.error === -230)).toHaveLength(1);
    expect((await app.services.users.get(`zalo:${lan.id}`))?.unreachableSince).not.toBeNull();
    expect(await bot.channels.zalo!.reach(lan.id)).toEqual({ kind: "closed" });
  });

  it("says what a push can reach: free within 48 h, billed to 7 days, then closed", async () => {
    let now = Date.parse("2026-11-22T09:00:00Z");
    zaloEventClock(() => now);
    const { bot, fake } = await setup({ options: { channels: { zalo: { clock: () => new Date(now) } }, app: { clock: () => new Date(now) } } });
    await zaloUser(bot, fake, "5000000000000000024").send("/start");
    expect((await bot.channels.zalo!.reach("5000000000000000024")).kind).toBe("free");
    now += 3 * 24 * 3600_000;
    expect((await bot.channels.zalo!.reach("5000000000000000024")).kind).toBe("billed");
    now += 5 * 24 * 3600_000;
    expect((await bot.channels.zalo!.reach("5000000000000000024")).kind).toBe("closed");
    expect((await bot.channels.zalo!.reach("5999999999999999999")).kind).toBe("closed");
  });

  it("on -32 waits and retries a reply, but reports a push as rate-limited", async () => {
    const { bot, fake, app } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000025");
    fake.rateLimitNext = 2;
    expect(textOf(await lan.send("/trogiup"))).toContain("/trogiup");
    fake.rateLimitNext = 1;
    const outcome = await app.outbox.send("zalo", lan.id, [{ text: esc("Nhắc hạn nộp hồ sơ.") }]);
    expect(outcome).toMatchObject({ ok: false, reason: "rate-limited" });
  });

  it("uploads a chart image and a PDF, and says where to get a file type Zalo does not take", async () => {
    const { bot, fake } = await setup();
    const lan = zaloUser(bot, fake, "5000000000000000026");
    const chart = await lan.send("/baocao png");
    expect(chart.map((m) => m.text ?? m.imageAttachmentId)).toEqual(["Báo cáo đính kèm.", "img-1"]);
    const pdf = await lan.send("/baocao pdf");
    expect(pdf.map((m) => m.text ?? m.fileToken)).toEqual(["Báo cáo đính kèm.", "file-2"]);
    expect(fake.uploads.map((u) => [u.kind, u.name, u.mime])).toEqual([
      ["image", "bieu-do.png", "image/png"],
      ["file", "bien-nhan.pdf", "application/pdf"],
    ]);
    const csv = await lan.send("/baocao csv");
    expect(csv).toHaveLength(1);
    expect(csv[0]?.text).toContain("Báo cáo đính kèm.");
    expect(csv[0]?.text).toContain("“danh-sach.csv” chưa gửi được qua Zalo");
    expect(fake.problems).toEqual([]);
  });

  it("when the refresh token is refused: logs it, tells the officials on Telegram once, and pushes fail", async () => {
    const api = fakeBotApi();
    const fake = await startFakeZalo();
    fake.refuseRefresh = true;
    const { bot, app, log } = await setup({
      fake,
      env: {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook",
        OFFICIAL_TELEGRAM_IDS: "7770001",
      },
      options: { channels: { telegram: { fetch: api.fetch, botInfo: BOT_INFO } } },
    });
    const first = await app.outbox.send("zalo", "5000000000000000027", [{ text: esc("Thông báo.") }]);
    const second = await app.outbox.send("zalo", "5000000000000000027", [{ text: esc("Thông báo.") }]);
    expect(first).toEqual({ ok: false, reason: "failed", detail: "zalo: the OA must grant consent again" });
    expect(second).toMatchObject({ ok: false, reason: "failed" });
    await bot.channels.zalo!.idle();
    await new Promise((r) => setImmediate(r));
    const alerts = api.sent().filter((c) => c.payload.chat_id === 7770001);
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]?.payload.text)).toContain("Kênh Zalo OA đã ngừng gửi tin");
    expect(log.lines.some((l) => l.includes("an OA admin must grant the app consent again"))).toBe(true);
    expect((await bot.channels.zalo!.tokens.current()).needsConsent?.reason).toContain("-14014");
    expect(fake.sent).toEqual([]);
  });
});

describe("Zalo as `npm start` runs it", () => {
  it("starts the channel from the settings, prints the webhook address, answers a signed event and stops cleanly", async () => {
    const fake = await startFakeZalo();
    const bot = await startBotProcess({ DATA_DIR: await tempDir(), ...zaloEnv(fake.url) });
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    try {
      await until(() => bot.output().includes("/zalo/webhook"));
      expect(bot.output()).toMatch(/Kênh Zalo OA đang chạy: .*http:\/\/127\.0\.0\.1:\d+\/zalo\/webhook/);
      const res = await postEvent(`${bot.url}zalo/webhook`, textEvent("5000000000000000090", "/start"));
      expect(res.status).toBe(200);
      // The reply leaves after the 200: wait for it at the fake OA.
      await until(() => fake.to("5000000000000000090").length > 0);
      expect(textOf(fake.to("5000000000000000090"))).toContain("Kính chào Quý doanh nghiệp");
      expect(await bot.stop("SIGTERM")).toBe(0);
      expect(fake.problems).toEqual([]);
    } finally {
      await bot.stop("SIGKILL");
      await fake.close();
    }
  });
});
