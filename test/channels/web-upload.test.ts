import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { webUserIdOf, type WebMessage } from "../../src/channels/web/chat.js";
import { readAtMost } from "../../src/channels/web/upload.js";
import { memoryLogger } from "../../src/core/log.js";
import { MAX_DOSSIER_FILE_BYTES } from "../../src/domain/dossier-file.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { QUESTION, answerFrom, type Talker } from "../helpers/registration-script.js";
import { storeUnderTest } from "../helpers/store-under-test.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const SESSION = "web-upload-session-0001";

/** The smallest file a PDF reader opens: what the check looks at is its first bytes. */
const SMALL_PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

interface Answer {
  status: number;
  json: { messages?: WebMessage[]; error?: string; detail?: string };
}

async function upload(url: string, name: string | null, bytes: Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${url}api/chat/upload`, {
    method: "POST",
    headers: {
      "content-type": "application/octet-stream",
      "x-chat-session": SESSION,
      ...(name !== null ? { "x-file-name": encodeURIComponent(name) } : {}),
      ...headers,
    },
    body: bytes,
  });
  return { status: res.status, json: (await res.json()) as Answer["json"] };
}

async function chat(url: string, body: object): Promise<WebMessage[]> {
  const res = await fetch(`${url}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: SESSION, ...body }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: WebMessage[] }).messages;
}

describe("file upload on the web chat, over real HTTP", () => {
  let bot: RunningBot | undefined;
  let dir = "";
  let log = memoryLogger();
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  const start = async (options: Parameters<typeof startBot>[2] = {}) => {
    dir = await tempDir();
    log = memoryLogger();
    bot = await startBot(testConfig(dir, { WEB_PORT: "0" }), log, options);
    return bot.webUrl;
  };
  /** Nothing kept: not these bytes, and (JSON) no file at all under DATA_DIR/uploads. */
  const nothingStored = async (bytes: Uint8Array) => {
    expect(await bot!.app.storage.repos.uploads.get(sha(bytes))).toBeUndefined();
    if (storeUnderTest() === "json") {
      const files = await readdir(path.join(dir, "uploads")).catch(() => [] as string[]);
      expect(files).toEqual([]);
    }
  };

  it("attaches a PDF sent during a registration's documents step to the submission; the upload is kept 0600", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const url = await start({ app: { clock: clock.now } });
    let last: WebMessage[] = [];
    const browser: Talker = {
      hears: () => last.map((m) => m.text).join("\n---\n"),
      says: async (text) => (last = await chat(url, { text })),
      async presses(label) {
        const button = last.flatMap((m) => m.buttons.flat()).find((b) => b.label.toLowerCase().includes(label.toLowerCase()));
        if (!button) throw new Error(`no button "${label}"`);
        last = await chat(url, { button: button.data });
      },
    };
    await browser.says("/dangky gtclqg");
    await answerFrom(browser, "consent", "docs", (said, q) => expect(said).toContain(QUESTION[q]));
    expect(browser.hears()).toContain(QUESTION.docs);

    const sent = await upload(url, "Báo cáo tự đánh giá.pdf", SMALL_PDF);
    expect(sent.status).toBe(200);
    last = sent.json.messages!;
    expect(browser.hears()).toContain("Đã nhận tệp “Báo cáo tự đánh giá.pdf” (tổng cộng 1 tệp)");
    await browser.presses("Xong");
    expect(browser.hears()).toContain(QUESTION.summary);
    await browser.presses("Gửi đăng ký");
    expect(browser.hears()).toContain("Mã hồ sơ: GT-2026-0001");

    const submission = await bot!.app.services.submissions.get("GT-2026-0001");
    expect(submission?.documents.map((d) => d.file)).toEqual([
      { channel: "web", ref: sha(SMALL_PDF), name: "Báo cáo tự đánh giá.pdf", size: SMALL_PDF.length, mime: "application/pdf" },
    ]);
    const kept = await bot!.app.storage.repos.uploads.get(sha(SMALL_PDF));
    expect(Buffer.from(kept!.bytes).equals(SMALL_PDF)).toBe(true);
    expect(kept).toMatchObject({ name: "Báo cáo tự đánh giá.pdf", mime: "application/pdf" });
    if (storeUnderTest() === "json") {
      expect((await stat(path.join(dir, "uploads", sha(SMALL_PDF)))).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dir, "uploads"))).mode & 0o777).toBe(0o700);
      // Only the upload itself: no part file left behind.
      expect(await readdir(path.join(dir, "uploads"))).toEqual([sha(SMALL_PDF)]);
    }
  });

  it("files an upload under the dossier item the enterprise picks, and shows the checklist under /tracuu (issue 18)", async () => {
    const url = await start();
    const made = await bot!.app.storage.unit(() => bot!.app.services.submissions.create(draft({ userKey: `web:${webUserIdOf(SESSION)}` }), new Date("2026-11-22T03:00:00Z")));
    const code = made.ok ? made.submission.code : "";
    const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join("\n");
    const press = (messages: WebMessage[], label: string) => {
      const button = messages.flatMap((m) => m.buttons.flat()).find((b) => b.label.includes(label));
      if (!button) throw new Error(`no button "${label}"`);
      return chat(url, { button: button.data });
    };
    const sent = await upload(url, "Báo cáo tự đánh giá.pdf", SMALL_PDF);
    expect(texts(sent.json.messages!)).toContain("vào hồ sơ nào?");
    const asked = await press(sent.json.messages!, `Hồ sơ ${code}`);
    expect(texts(asked)).toContain(`Tệp vừa gửi (Báo cáo tự đánh giá.pdf) thuộc mục nào của hồ sơ ${code}?`);
    const filed = await press(asked, "Báo cáo tự đánh giá 07 tiêu chí");
    expect(texts(filed)).toContain("• Báo cáo tự đánh giá 07 tiêu chí: 📤 đã gửi (1 tệp)");
    expect((await bot!.app.services.submissions.get(code))?.documents.map((d) => [d.file.channel, d.file.ref, d.item])).toEqual([["web", sha(SMALL_PDF), "self-assessment"]]);
    expect(texts(await chat(url, { text: "/tracuu" }))).toContain("• Đơn đăng ký tham dự: ⬜ chưa nộp (0 tệp)");
  });

  it("hands an accepted file to the conversation as a file event outside any form (asks where it belongs)", async () => {
    const url = await start();
    await chat(url, { text: "/start" });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const sent = await upload(url, "giay-chung-nhan.png", png);
    expect(sent.status).toBe(200);
    expect(sent.json.messages!.map((m) => m.text).join("\n")).toContain("chưa rõ tệp này dùng cho hồ sơ nào");
  });

  it.each([
    ["an unknown extension", "chuong-trinh.exe", Buffer.from("MZ\x90\x00 not a dossier file"), 415, "file-type-unsupported", "Trợ lý chỉ nhận tệp PDF, Word hoặc ảnh (PDF, DOC, DOCX, JPG, JPEG, PNG), mỗi tệp không quá 20 MB"],
    ["a name without an extension", "baocao", SMALL_PDF, 415, "file-type-unsupported", "Trợ lý chỉ nhận tệp PDF"],
    ["a web page named .pdf", "bao-cao.pdf", Buffer.from("<html><script>alert(1)</script></html>"), 415, "file-content-mismatch", "Nội dung tệp không đúng với định dạng"],
    ["a PDF named .docx", "bao-cao.docx", SMALL_PDF, 415, "file-content-mismatch", "Nội dung tệp không đúng với định dạng"],
    ["a PNG named .jpg", "anh.jpg", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 415, "file-content-mismatch", "Nội dung tệp không đúng với định dạng"],
    ["an empty file", "rong.pdf", Buffer.alloc(0), 400, "file-empty", "Tệp này không có nội dung"],
  ])("refuses %s with the bot's words about files, and keeps nothing", async (_what, name, bytes, status, error, words) => {
    const url = await start();
    const res = await upload(url, name, bytes);
    expect(res.status).toBe(status);
    expect(res.json.error).toBe(error);
    expect(res.json.messages![0]!.text).toContain(words);
    await nothingStored(bytes);
  });

  it("answers a refusal in the user's language", async () => {
    const url = await start();
    await chat(url, { text: "/start" });
    await bot!.app.storage.unit(() => bot!.app.services.users.setLocale(`web:${webUserIdOf(SESSION)}`, "en"));
    const res = await upload(url, "bao-cao.pdf", Buffer.from("not a pdf"));
    expect(res.json.messages![0]!.text).toContain("The file's content does not match the type its name ends with");
  });

  it.each([
    ["a path in the name", "../../etc/passwd.pdf"],
    ["a Windows path in the name", "..\\..\\boot.pdf"],
    ["a control character in the name", "bao\ncao.pdf"],
    ["a NUL in the name", "bao-cao.pdf\u0000.exe"],
  ])("refuses %s, and keeps nothing", async (_what, name) => {
    const url = await start();
    const res = await upload(url, name, SMALL_PDF);
    expect(res.status).toBe(400);
    expect(res.json.error).toBe("invalid-request");
    await nothingStored(SMALL_PDF);
  });

  it("refuses a missing, malformed or invalid session, a name not percent-encoded and another content type, and keeps nothing", async () => {
    const url = await start();
    const cases: [Record<string, string>, number, string][] = [
      [{ "x-chat-session": "" }, 400, "invalid-request"],
      [{ "x-chat-session": "abc" }, 400, "invalid-request"],
      [{ "x-chat-session": "a session with spaces ok?" }, 400, "invalid-request"],
      [{ "x-file-name": "%E0%A4%A" }, 400, "invalid-request"],
      [{ "content-type": "application/pdf" }, 415, "content-type-must-be-octet-stream"],
      [{ "content-type": "multipart/form-data; boundary=x" }, 415, "content-type-must-be-octet-stream"],
    ];
    for (const [headers, status, error] of cases) {
      const res = await upload(url, "bao-cao.pdf", SMALL_PDF, headers);
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(res.json.error).toBe(error);
    }
    // No name at all.
    expect((await upload(url, null, SMALL_PDF)).status).toBe(400);
    // The session never in the URL: the endpoint does not read it there.
    const inUrl = await fetch(`${url}api/chat/upload?session=${SESSION}`, { method: "POST", headers: { "content-type": "application/octet-stream", "x-file-name": "a.pdf" }, body: SMALL_PDF });
    expect(inUrl.status).toBe(400);
    await nothingStored(SMALL_PDF);
  });

  it("refuses a file declared over 20 MB before reading its body", async () => {
    const url = new URL(await start());
    // The client declares 20 MB + 1 and sends 16 bytes, then waits: the answer comes without the rest.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: "/api/chat/upload",
          method: "POST",
          headers: { "content-type": "application/octet-stream", "content-length": String(MAX_DOSSIER_FILE_BYTES + 1), "x-chat-session": SESSION, "x-file-name": "lon.pdf" },
        },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => {
            req.destroy();
            resolve({ status: res.statusCode ?? 0, body });
          });
        },
      );
      req.on("error", (e) => reject(e));
      req.write(SMALL_PDF.subarray(0, 16));
      setTimeout(() => reject(new Error("no answer before the body was sent")), 5000);
    });
    expect(answer.status).toBe(413);
    const json = JSON.parse(answer.body) as Answer["json"];
    expect(json.error).toBe("file-too-large");
    expect(json.messages![0]!.text).toContain("Tệp này lớn hơn 20 MB");
    await nothingStored(SMALL_PDF.subarray(0, 16));
  });

  it("keeps nothing of a file whose sender goes away halfway, and logs no server error", async () => {
    const url = new URL(await start());
    const whole = Buffer.concat([SMALL_PDF, Buffer.alloc(4000, 0x20)]);
    await new Promise<void>((resolve) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        path: "/api/chat/upload",
        method: "POST",
        headers: { "content-type": "application/octet-stream", "content-length": String(whole.length), "x-chat-session": SESSION, "x-file-name": "nua-chung.pdf" },
      });
      req.on("error", () => resolve());
      req.on("close", () => resolve());
      req.write(whole.subarray(0, 100), () => req.destroy());
    });
    // The server has seen the connection close once a later request is answered.
    await chat(bot!.webUrl, { text: "/start" });
    await nothingStored(whole);
    expect(log.lines.join("\n")).not.toContain("http handler failed");
  });

  it("counts an upload against the session's rate limit like a message", async () => {
    const url = await start();
    for (let i = 0; i < 30; i++) await chat(url, { text: "xin chào" });
    const res = await upload(url, "bao-cao.pdf", SMALL_PDF);
    expect(res.status).toBe(429);
    expect(res.json.error).toBe("too-many-requests");
    await nothingStored(SMALL_PDF);
  });

  it("refuses a body without a declared length (chunked)", async () => {
    const url = new URL(await start());
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: "/api/chat/upload", method: "POST", headers: { "content-type": "application/octet-stream", "x-chat-session": SESSION, "x-file-name": "a.pdf" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", () => resolve(-1));
      req.write(SMALL_PDF);
      req.end();
      setTimeout(() => reject(new Error("no answer")), 5000);
    });
    expect(status).toBe(411);
    await nothingStored(SMALL_PDF);
  });
});

describe("reading an upload's body", () => {
  it("stops at the limit: more bytes than allowed are refused and the rest is not read", async () => {
    let pulled = 0;
    const body = new Readable({
      read() {
        pulled++;
        // An endless body: a client sending more than it declared.
        this.push(Buffer.alloc(1024, 0x41));
      },
    });
    expect(await readAtMost(body, 10 * 1024)).toBeNull();
    const after = pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(body.isPaused()).toBe(true);
    // Nothing more is taken in once refused (at most what was already buffered).
    expect(pulled - after).toBeLessThanOrEqual(16);
    body.destroy();
  });

  it("gives the whole body when it is within the limit", async () => {
    expect(await readAtMost(Readable.from([Buffer.from("%PDF-"), Buffer.from("1.4")]), 8)).toEqual(Buffer.from("%PDF-1.4"));
    expect(await readAtMost(Readable.from([Buffer.from("%PDF-"), Buffer.from("1.4!")]), 8)).toBeNull();
  });
});
