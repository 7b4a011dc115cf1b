import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { webUserIdOf, type WebMessage } from "../../src/channels/web/chat.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const SESSION = "websession0000000001";

async function post(url: string, body: string, contentType = "application/json"): Promise<{ status: number; json: { messages: WebMessage[]; error?: string } }> {
  const res = await fetch(`${url}api/chat`, { method: "POST", headers: { "content-type": contentType }, body });
  return { status: res.status, json: (await res.json()) as { messages: WebMessage[]; error?: string } };
}

describe("web chat endpoint over real HTTP", () => {
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  const start = async () => {
    bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger());
    return bot.webUrl;
  };

  it("answers /start with text, styled runs and buttons, then a button press", async () => {
    const url = await start();
    const first = await post(url, JSON.stringify({ session: SESSION, text: "/start" }));
    expect(first.status).toBe(200);
    const welcome = first.json.messages[0]!;
    expect(welcome.text).toContain("Kính chào Quý doanh nghiệp");
    expect(welcome.runs).toContainEqual({ text: "Trợ lý Năng suất – Chất lượng", style: { b: true } });
    expect(welcome.buttons.flat().map((b: { data: string }) => b.data)).toEqual(["cmd:chuongtrinh", "cmd:hoidap", "cmd:dangky", "cmd:tracuu", "cmd:lich", "cmd:tudanhgia"]);
    const pressed = await post(url, JSON.stringify({ session: SESSION, button: "cmd:trogiup" }));
    expect(pressed.json.messages[0]!.text).toContain("Hướng dẫn sử dụng");
  });

  it("keeps hostile text as plain text in the runs", async () => {
    const url = await start();
    const res = await post(url, JSON.stringify({ session: SESSION, text: "/khongco<script>" }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).not.toContain("<script>");
  });

  it.each([
    ["malformed JSON", "{", 400, "invalid-json"],
    ["a short session id", JSON.stringify({ session: "abc", text: "hi" }), 400, "invalid-request"],
    ["both text and button", JSON.stringify({ session: SESSION, text: "a", button: "b" }), 400, "invalid-request"],
    ["neither text nor button", JSON.stringify({ session: SESSION }), 400, "invalid-request"],
    ["an unknown field", JSON.stringify({ session: SESSION, text: "a", admin: true }), 400, "invalid-request"],
    ["text over 4,096 characters", JSON.stringify({ session: SESSION, text: "a".repeat(5000) }), 400, "invalid-request"],
    ["a body over 16 KB", JSON.stringify({ session: SESSION, text: "a".repeat(20_000) }), 413, "body-too-large"],
  ])("refuses %s with a clear status", async (_what, body, status, error) => {
    const url = await start();
    const res = await post(url, body);
    expect(res.status).toBe(status);
    expect(res.json.error).toBe(error);
  });

  it("refuses a non-JSON content type and unknown paths", async () => {
    const url = await start();
    expect((await post(url, "text=hi", "application/x-www-form-urlencoded")).status).toBe(415);
    // Only JSON itself, with or without parameters.
    for (const type of ["application/json-evil", "application/jsonp", "text/json", "application/json, text/html"]) {
      expect((await post(url, JSON.stringify({ session: "contenttype00000001", text: "hi" }), type)).status, type).toBe(415);
    }
    for (const type of ["application/json", "Application/JSON; charset=utf-8", "application/json ;charset=UTF-8"]) {
      expect((await post(url, JSON.stringify({ session: "contenttype00000001", text: "hi" }), type)).status, type).toBe(200);
    }
    expect((await fetch(`${url}api/nothing`)).status).toBe(404);
    expect((await fetch(`${url}api/chat`)).status).toBe(405);
  });

  it("refuses a huge body without reading it all (chunked, no length)", async () => {
    const url = new URL(await start());
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: "/api/chat", method: "POST", headers: { "content-type": "application/json" } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.on("error", () => resolve(413));
      const chunk = "a".repeat(64 * 1024);
      for (let i = 0; i < 32; i++) req.write(chunk);
      req.end();
      setTimeout(() => reject(new Error("no answer")), 5000);
    });
    expect(status).toBe(413);
  });

  it("serves the page with its words from the locale files and a strict content policy", async () => {
    const url = await start();
    const res = await fetch(url);
    const html = await res.text();
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(html).toContain("<title>Trợ lý Năng suất – Chất lượng</title>");
    expect(html).not.toMatch(/\{\{/);
    expect((await fetch(`${url}chat.js`)).headers.get("content-type")).toContain("javascript");
  });

  it("keeps a status notice for a web user across a restart: the page's first request after a reload gets it", async () => {
    const dir = await tempDir();
    bot = await startBot(testConfig(dir, { WEB_PORT: "0" }), memoryLogger());
    // The enterprise registered in the web chat; an official moves the case while its page is closed.
    const made = await bot.app.storage.unit(() =>
      bot!.app.services.submissions.create({ ...draft({ programme: "nscl" }), owner: { userKey: `web:${webUserIdOf(SESSION)}`, channel: "web", userId: webUserIdOf(SESSION), locale: "vi" } }, new Date()),
    );
    const code = made.ok ? made.submission.code : "";
    const moved = await bot.app.storage.unit(() => bot!.app.services.workflow.move(code, "eligible", { userKey: "telegram:777", role: "admin" }, new Date(), "Ưu tiên sản phẩm OCOP", "registered"));
    expect(moved.ok).toBe(true);
    expect(await bot.app.outbox.send("web", webUserIdOf(SESSION), [{ text: `Thông báo về hồ sơ ${code}: đủ điều kiện` as never }])).toEqual({ ok: true });
    await bot.stop();

    // Restarted: nothing was kept in memory, the notice waits in the store.
    bot = await startBot(testConfig(dir, { WEB_PORT: "0" }), memoryLogger());
    // What the page sends when it loads (chat.js: /start), with the session kept in localStorage.
    const { status, json } = await post(bot.webUrl, JSON.stringify({ session: SESSION, text: "/start" }));
    expect(status).toBe(200);
    expect(json.messages[0]?.text).toBe(`Thông báo về hồ sơ ${code}: đủ điều kiện`);
    expect(json.messages.slice(1).map((m) => m.text).join("\n")).toContain("Kính chào Quý doanh nghiệp!");
    // Delivered once: the next poll and the next load have nothing more.
    const res = await fetch(`${bot.webUrl}api/chat/updates`, { headers: { "x-chat-session": SESSION } });
    expect(((await res.json()) as { messages: WebMessage[] }).messages).toEqual([]);
    // Another browser's session never gets it.
    const other = await post(bot.webUrl, JSON.stringify({ session: "otherwebsession00001", text: "/start" }));
    expect(other.json.messages.map((m) => m.text).join("\n")).not.toContain(code);
  });

  it("delivers a notice to a web user through the mailbox the page polls", async () => {
    const url = await start();
    const outcome = await bot!.app.outbox.send("web", webUserIdOf(SESSION), [{ text: "Hồ sơ đã được tiếp nhận" as never }]);
    expect(outcome).toEqual({ ok: true });
    // The session in a URL is refused: it is a credential, and proxies log URLs.
    expect((await fetch(`${url}api/chat/updates?session=${SESSION}`)).status).toBe(400);
    const res = await fetch(`${url}api/chat/updates`, { headers: { "x-chat-session": SESSION } });
    expect(((await res.json()) as { messages: WebMessage[] }).messages[0]?.text).toBe("Hồ sơ đã được tiếp nhận");
  });
});
