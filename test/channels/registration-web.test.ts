import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { webUserIdOf, type WebMessage } from "../../src/channels/web/chat.js";
import { textToEvent } from "../../src/core/dispatcher.js";
import { memoryLogger } from "../../src/core/log.js";
import { toPlainText } from "../../src/core/markup.js";
import { buildExport } from "../../src/flows/officials/export.js";
import { startBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { QUESTION, answerFrom, type Talker } from "../helpers/registration-script.js";
import { storeUnderTest } from "../helpers/store-under-test.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const SESSION = "web-registration-000001";

describe("registration through the web chat endpoint over real HTTP", () => {
  it("registers by text and button presses, and the submission is stored with normalised fields", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const dir = await tempDir();
    const log = memoryLogger();
    const bot = await startBot(testConfig(dir, { WEB_PORT: "0", OFFICIAL_TELEGRAM_IDS: "7770001" }), log, { app: { clock: clock.now } });
    try {
      let last: WebMessage[] = [];
      const post = async (body: object) => {
        const res = await fetch(`${bot.webUrl}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: SESSION, ...body }) });
        expect(res.status).toBe(200);
        last = ((await res.json()) as { messages: WebMessage[] }).messages;
      };
      const browser: Talker = {
        hears: () => last.map((m) => m.text).join("\n---\n"),
        says: (text) => post({ text }),
        async presses(label) {
          const button = last.flatMap((m) => m.buttons.flat()).find((b) => b.label.toLowerCase().includes(label.toLowerCase()));
          if (!button) throw new Error(`no button "${label}"`);
          await post({ button: button.data });
        },
      };

      await browser.says("/dangky gtclqg");
      await answerFrom(browser, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
      expect(browser.hears()).toContain(QUESTION.summary);
      await browser.presses("Gửi đăng ký");
      const done = last[0]!;
      expect(done.text).toContain("Mã hồ sơ: GT-2026-0001");
      expect(done.runs).toContainEqual({ text: "GT-2026-0001", style: { code: true } });
      await browser.says("/tracuu GT-2026-0001");
      expect(browser.hears()).toContain("Tình trạng: Đã đăng ký");

      expect(await bot.app.services.submissions.get("GT-2026-0001")).toMatchObject({
        // Stored under the digest of the session, never the session (the user's credential) itself.
        owner: { userKey: `web:${webUserIdOf(SESSION)}`, channel: "web" },
        organisation: { name: "Cong ty TNHH San xuat Minh An", taxCode: "0314409058", employees: 45, sizeClass: "small", foundedOn: { date: "2019-03-15", precision: "day" } },
        contact: { name: "Nguyen Thi Lan", phone: "+84912345678", email: "lan@minhan.vn" },
      });

      // The session is the browser's credential: an official's view, the export's history, the
      // audit trail, the store and the log name the enterprise (or a digest), never the session.
      const official = async (text: string) =>
        (await bot.app.conversation.handle({ channel: "telegram", id: "7770001" }, textToEvent(text))).map((m) => toPlainText(m.text)).join("\n");
      const view = await official("/hoso GT-2026-0001");
      expect(view).toContain("Cong ty TNHH San xuat Minh An (doanh nghiệp)");
      expect(view).not.toContain(SESSION);
      const file = await buildExport(bot.app.services, (k) => toPlainText(bot.app.translator.t("vi", k)), "vi", {}, "xlsx", clock.now(), "Sở");
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
      const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
      expect(cells).toContain("Cong ty TNHH San xuat Minh An");
      expect(cells.join("\n")).not.toContain(SESSION);
      for (const e of await bot.app.services.audit.about("GT-2026-0001")) expect(JSON.stringify(e)).not.toContain(SESSION);
      expect(log.lines.join("\n")).not.toContain(SESSION);
      if (storeUnderTest() === "json") {
        await bot.app.storage.checkpoint();
        for (const f of await readdir(dir, { recursive: true, withFileTypes: true })) {
          if (f.isFile()) expect(await readFile(path.join(f.parentPath, f.name), "utf8"), f.name).not.toContain(SESSION);
        }
      }
    } finally {
      await bot.stop();
    }
  });
});
