import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { esc as toMarkup, toPlainText } from "../../src/core/markup.js";
import { createWebChat, webUserIdOf, type WebMessage } from "../../src/channels/web/chat.js";
import { createHttpServer, listen } from "../../src/channels/shared/http.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot } from "../../src/main.js";
import { testApp, testConfig } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { BOT_INFO, TEST_TOKEN, callbackUpdate, documentUpdate, fakeBotApi, photoUpdate, textUpdate } from "../helpers/fake-telegram.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const HOA = 7770001;
const LAN = 5550001;

const keyboardOf = (payload: Record<string, unknown>) =>
  ((payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("the officials' desk on Telegram (offline, fake Bot API at grammY's fetch)", () => {
  it("moves a case by button presses and the enterprise's chat gets the notice", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    app.outbox.register("telegram", channel.sender);
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: `telegram:${LAN}` }), new Date()));
    const code = made.ok ? made.submission.code : "";

    await channel.bot.handleUpdate(textUpdate(HOA, `/hoso ${code}`));
    const view = api.sent()[0]!;
    const move = keyboardOf(view.payload).find((b) => b.text === "→ Đã nhận hồ sơ")!;
    expect(move.callback_data).toBe(`hs:s:${code}:registered:dossier-received`);
    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(HOA, move.callback_data));
    const go = keyboardOf(api.sent()[0]!.payload).find((b) => b.text.includes("Chuyển, không kèm ghi chú"))!;
    api.clear();
    await channel.bot.handleUpdate(textUpdate(HOA, "Đã nhận đủ bản giấy"));

    const toLan = api.sent().filter((c) => c.payload.chat_id === LAN);
    expect(toLan).toHaveLength(1);
    expect(toLan[0]!.payload.parse_mode).toBe("HTML");
    expect(toPlainText(String(toLan[0]!.payload.text))).toContain("Tình trạng mới: Đã nhận hồ sơ");
    expect(toPlainText(String(toLan[0]!.payload.text))).toContain("Ghi chú của cán bộ phụ trách: Đã nhận đủ bản giấy");
    const toHoa = api.sent().filter((c) => c.payload.chat_id === HOA).map((c) => toPlainText(String(c.payload.text)));
    expect(toHoa[0]).toContain("✅ Đã chuyển hồ sơ GT-2026-0001");
    // The official's own reply comes after the notice went out, and says it went.
    expect(api.sent().findIndex((c) => c.payload.chat_id === LAN)).toBeLessThan(api.sent().findIndex((c) => c.payload.chat_id === HOA));
    expect(toHoa.join("\n")).toContain("📨 Đã gửi thông báo cho doanh nghiệp qua telegram.");
    // The button of the note step, pressed late, no longer does anything.
    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(HOA, go.callback_data));
    expect(String(api.sent()[0]?.payload.text)).toContain("không còn hiệu lực");
    await app.close();
  });

  it("marks a dossier item 'cần bổ sung' by button presses, the enterprise's chat gets one notice naming it, and a forged press changes nothing", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    app.outbox.register("telegram", channel.sender);
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: `telegram:${LAN}` }), new Date()));
    const code = made.ok ? made.submission.code : "";
    const press = async (user: number, text: string) => {
      const button = api.sent().flatMap((c) => keyboardOf(c.payload)).findLast((b) => b.text.includes(text));
      if (!button) throw new Error(`no button ${text}`);
      api.clear();
      await channel.bot.handleUpdate(callbackUpdate(user, button.callback_data));
      return button.callback_data;
    };
    const textsTo = (chat: number) => api.sent().filter((c) => c.payload.chat_id === chat).map((c) => toPlainText(String(c.payload.text)));

    // Lan sends a document; it goes to the submission, then to the item she picks.
    await channel.bot.handleUpdate(documentUpdate(LAN, "bao-cao-tu-danh-gia.pdf"));
    await press(LAN, `Hồ sơ ${code}`);
    expect(textsTo(LAN).join("\n")).toContain("thuộc mục nào");
    expect(await press(LAN, "Báo cáo tự đánh giá 07 tiêu chí")).toBe("di:i:self-assessment");

    await channel.bot.handleUpdate(textUpdate(HOA, `/hoso ${code}`));
    expect(await press(HOA, "📋 Báo cáo tự đánh giá 07 tiêu chí: 📤 đã gửi")).toBe(`ck:o:${code}:self-assessment`);
    expect(await press(HOA, "Cần bổ sung")).toBe(`ck:m:${code}:self-assessment:more`);
    api.clear();
    await channel.bot.handleUpdate(textUpdate(HOA, "Thiếu chữ ký và dấu"));
    expect(textsTo(HOA).join("\n")).toContain("⚠️ cần bổ sung (1 tệp) — ghi chú của cán bộ: Thiếu chữ ký và dấu");

    // Lan forges the officials' buttons: nothing changes.
    for (const forged of [`ck:m:${code}:self-assessment:ok`, `ck:m:${code}:environment:more`, `ck:o:${code}:self-assessment`]) {
      api.clear();
      await channel.bot.handleUpdate(callbackUpdate(LAN, forged));
      expect(textsTo(LAN).join("\n"), forged).toContain("không còn hiệu lực");
    }
    expect(Object.fromEntries(Object.entries((await app.services.submissions.get(code))!.checklist).map(([k, v]) => [k, v.state]))).toEqual({ "self-assessment": "needs-more" });

    // Documents are asked for: the one notice names exactly that item.
    await channel.bot.handleUpdate(textUpdate(HOA, `/hoso ${code}`));
    await press(HOA, "→ Cần bổ sung hồ sơ");
    await press(HOA, "Chuyển, không kèm ghi chú");
    const notices = textsTo(LAN);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("Các mục cần bổ sung:\n• Báo cáo tự đánh giá 07 tiêu chí: Thiếu chữ ký và dấu");
    expect(notices[0]).not.toContain("Đơn đăng ký tham dự");

    // Hoa marks it đạt once checked.
    await channel.bot.handleUpdate(textUpdate(HOA, `/hoso ${code}`));
    await press(HOA, "📋 Báo cáo tự đánh giá 07 tiêu chí");
    await press(HOA, "✅ Đạt");
    expect(textsTo(HOA).join("\n")).toContain("• Báo cáo tự đánh giá 07 tiêu chí: ✅ đạt (1 tệp)");
    await app.close();
  });

  it("sends the chart as a photo and the export as a document", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    expect((await app.storage.unit(() => app.services.submissions.create(draft(), new Date()))).ok).toBe(true);
    await channel.bot.handleUpdate(textUpdate(HOA, "/thongke"));
    const [text, photo] = api.sent();
    expect(text?.method).toBe("sendMessage");
    expect(toPlainText(String(text?.payload.text))).toContain("Thống kê Giải thưởng Chất lượng Quốc gia năm 2026");
    expect(photo?.method).toBe("sendPhoto");
    // grammY uploads the bytes as a part of its own, named in the field: attach://<part>.
    const part = String(photo?.payload.photo).replace("attach://", "");
    expect(photo?.payload[`${part}:filename`]).toBe("thong-ke-gtclqg-2026.png");
    expect(String(photo?.payload.caption)).toContain("Biểu đồ hồ sơ theo tình trạng");
    expect(keyboardOf(photo!.payload).map((b) => b.callback_data)).toEqual(["tk:nscl", "xu:gtclqg:2026:all:xlsx"]);

    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(HOA, "xu:gtclqg:2026:all:xlsx"));
    const doc = api.sent()[0]!;
    expect(doc.method).toBe("sendDocument");
    expect(doc.payload[`${String(doc.payload.document).replace("attach://", "")}:filename`]).toBe("ho-so-gtclqg-2026.xlsx");
    expect(toPlainText(String(doc.payload.caption))).toContain("1 hồ sơ");
    await app.close();
  });

  it("keeps a photo attached to a submission as a photo, and forwards it to the official with sendPhoto", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: `telegram:${LAN}` }), new Date()));
    const code = made.ok ? made.submission.code : "";
    const photoId = "AgACAgIAAxkBAAIBphoto";

    // The enterprise sends a photo outside a form and says which submission it is for.
    await channel.bot.handleUpdate(photoUpdate(LAN, photoId));
    const which = keyboardOf(api.sent()[0]!.payload).find((b) => b.callback_data === `att:${code}`)!;
    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(LAN, which.callback_data));
    const stored = await app.services.submissions.get(code);
    expect(stored?.documents.map((d) => d.file)).toEqual([{ channel: "telegram", ref: photoId, name: "anh-AQADlarge.jpg", size: 180_000, mime: "image/jpeg", photo: true }]);

    // The official opens the case and presses the document's button: Telegram gets the photo's file_id by sendPhoto.
    api.clear();
    await channel.bot.handleUpdate(textUpdate(HOA, `/hoso ${code}`));
    const doc = keyboardOf(api.sent()[0]!.payload).find((b) => b.callback_data === `hs:d:${code}:0`)!;
    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(HOA, doc.callback_data));
    const forwarded = api.sent().filter((c) => c.payload.chat_id === HOA);
    expect(forwarded.map((c) => c.method)).toEqual(["sendPhoto"]);
    expect(forwarded[0]!.payload.photo).toBe(photoId);
    await app.close();
  });

  it("answers a citizen's forged officials' callback exactly as any unknown button, and writes nothing", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: `telegram:${LAN}` }), new Date()));
    const code = made.ok ? made.submission.code : "";
    await channel.bot.handleUpdate(textUpdate(LAN, "/start"));
    const record = JSON.stringify(await app.services.submissions.get(code));
    const audited = (await auditTrail(app)).length;
    api.clear();
    await channel.bot.handleUpdate(callbackUpdate(LAN, "khongco:1"));
    const unknown = api.sent()[0]!.payload.text;
    for (const data of [`hs:s:${code}:registered:withdrawn`, "hsf:go", "xu:all:all:all:csv", "tk:gtclqg", `rq:ry:telegram:${HOA}`]) {
      api.clear();
      await channel.bot.handleUpdate(callbackUpdate(LAN, data));
      expect(api.calls.some((c) => c.method === "answerCallbackQuery")).toBe(true);
      expect(api.sent().map((c) => [c.method, c.payload.text])).toEqual([["sendMessage", unknown]]);
    }
    expect(JSON.stringify(await app.services.submissions.get(code))).toBe(record);
    expect(await auditTrail(app)).toHaveLength(audited);
    expect(await app.services.roles.roleOfKey(`telegram:${HOA}`)).toBe("admin");
    await app.close();
  });

  it("reaches an enterprise that registered in the web chat through its mailbox (npm start, over HTTP)", async () => {
    const api = fakeBotApi();
    const bot = await startBot(
      testConfig(await tempDir(), { WEB_PORT: "0", TELEGRAM_BOT_TOKEN: TEST_TOKEN, WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook", OFFICIAL_TELEGRAM_IDS: String(HOA) }),
      memoryLogger(),
      { channels: { telegram: { fetch: api.fetch, botInfo: BOT_INFO } } },
    );
    try {
      const session = "lanwebsession0000001";
      const made = await bot.app.storage.unit(() => bot.app.services.submissions.create({ ...draft({ programme: "nscl" }), owner: { userKey: `web:${webUserIdOf(session)}`, channel: "web", userId: webUserIdOf(session), locale: "vi" } }, new Date()));
      const code = made.ok ? made.submission.code : "";
      await bot.channels.telegram!.bot.handleUpdate(callbackUpdate(HOA, `hs:s:${code}:registered:eligible`));
      await bot.channels.telegram!.bot.handleUpdate(textUpdate(HOA, "Ưu tiên: sản phẩm OCOP"));
      expect(api.sent().map((c) => toPlainText(String(c.payload.text))).join("\n")).toContain("📨 Đã gửi thông báo cho doanh nghiệp qua web.");

      const res = await fetch(`${bot.webUrl}api/chat/updates`, { headers: { "x-chat-session": session } });
      const { messages } = (await res.json()) as { messages: WebMessage[] };
      expect(messages).toHaveLength(1);
      expect(messages[0]!.text).toContain(`📋 Thông báo về hồ sơ ${code} — Chương trình nâng cao năng suất và chất lượng năm 2026`);
      expect(messages[0]!.text).toContain("Đề nghị của Quý doanh nghiệp đủ điều kiện hỗ trợ.");
      expect(messages[0]!.text).toContain("Ghi chú của cán bộ phụ trách: Ưu tiên: sản phẩm OCOP");
    } finally {
      await bot.stop();
    }
  });

  it("sends a file a web user uploaded to the official on Telegram as a document with its bytes, or says it is gone", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: String(HOA) } });
    const api = fakeBotApi();
    const channel = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
    // The web chat over real HTTP, on the same app.
    const server = createHttpServer(createWebChat(app).routes, app.log);
    const { port } = await listen(server, "127.0.0.1", 0);
    const base = `http://127.0.0.1:${port}/`;
    const session = "web-owner-session-0001";
    const owner = `web:${webUserIdOf(session)}`;
    try {
      const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: owner }), new Date()));
      const code = made.ok ? made.submission.code : "";
      const pdf = Buffer.from("%PDF-1.7\n% báo cáo\n1 0 obj <<>> endobj\n\x00\xff\xfe binary\ntrailer <<>>\n%%EOF\n", "latin1");

      // The enterprise sends the file outside a form and says which submission it is for.
      const sent = await fetch(`${base}api/chat/upload`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", "x-chat-session": session, "x-file-name": encodeURIComponent("Báo cáo tự đánh giá.pdf") },
        body: pdf,
      });
      expect(sent.status).toBe(200);
      const which = ((await sent.json()) as { messages: WebMessage[] }).messages.flatMap((m) => m.buttons.flat()).find((b) => b.data === `att:${code}`)!;
      const pressed = await fetch(`${base}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session, button: which.data }) });
      expect(pressed.status).toBe(200);
      const file = (await app.services.submissions.get(code))?.documents[0]?.file;
      expect(file).toMatchObject({ channel: "web", name: "Báo cáo tự đánh giá.pdf", mime: "application/pdf", size: pdf.length });

      // The official opens the case on Telegram and presses the document's button: a document upload with the bytes.
      await channel.bot.handleUpdate(textUpdate(HOA, `/hoso ${code}`));
      const doc = keyboardOf(api.sent()[0]!.payload).find((b) => b.callback_data === `hs:d:${code}:0`)!;
      api.clear();
      await channel.bot.handleUpdate(callbackUpdate(HOA, doc.callback_data));
      const forwarded = api.sent().filter((c) => String(c.payload.chat_id) === String(HOA));
      expect(forwarded.map((c) => c.method)).toEqual(["sendDocument"]);
      // Never the upload's id as a file_id: grammY uploads the bytes as a part of its own.
      const part = String(forwarded[0]!.payload.document).replace("attach://", "");
      expect(String(forwarded[0]!.payload.document)).toMatch(/^attach:\/\//);
      expect(forwarded[0]!.payload[`${part}:filename`]).toBe("Báo cáo tự đánh giá.pdf");
      expect(Buffer.compare(forwarded[0]!.payload[`${part}:bytes`] as Buffer, pdf)).toBe(0);
      expect(toPlainText(String(forwarded[0]!.payload.caption))).toContain(`Tệp của hồ sơ ${code}: Báo cáo tự đánh giá.pdf`);

      // The bytes gone (removed from the store): the official gets the caption and a line saying so, no broken document.
      expect(await app.storage.repos.uploads.delete(file!.ref)).toBe(true);
      api.clear();
      await channel.bot.handleUpdate(callbackUpdate(HOA, doc.callback_data));
      const after = api.sent().filter((c) => String(c.payload.chat_id) === String(HOA));
      expect(after.map((c) => c.method)).toEqual(["sendMessage"]);
      expect(toPlainText(String(after[0]!.payload.text))).toContain("Tệp “Báo cáo tự đánh giá.pdf” không còn được lưu trên máy chủ");

      // A notice through the outbox carries the bytes too (the push path).
      await app.storage.repos.uploads.put(pdf, { name: "Báo cáo tự đánh giá.pdf", mime: "application/pdf" });
      api.clear();
      app.outbox.register("telegram", channel.sender);
      expect(await app.outbox.send("telegram", String(HOA), [{ text: toMarkup("Tệp mới"), attachment: { kind: "stored", file: file! } }])).toEqual({ ok: true });
      const pushed = api.sent()[0]!;
      expect(pushed.method).toBe("sendDocument");
      expect(Buffer.compare(pushed.payload[`${String(pushed.payload.document).replace("attach://", "")}:bytes`] as Buffer, pdf)).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    }
  });
});
