import { describe, expect, it } from "vitest";
import type { WebMessage } from "../../src/channels/web/chat.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { QUESTION, answerFrom, type Talker } from "../helpers/registration-script.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const SESSION = "web-registration-000001";

describe("registration through the web chat endpoint over real HTTP", () => {
  it("registers by text and button presses, and the submission is stored with normalised fields", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const bot = await startBot(testConfig(await tempDir(), { WEB_PORT: "0" }), memoryLogger(), { app: { clock: clock.now } });
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
        owner: { userKey: `web:${SESSION}`, channel: "web" },
        organisation: { name: "Cong ty TNHH San xuat Minh An", taxCode: "0314409058", employees: 45, sizeClass: "small", foundedOn: { date: "2019-03-15", precision: "day" } },
        contact: { name: "Nguyen Thi Lan", phone: "+84912345678", email: "lan@minhan.vn" },
      });
    } finally {
      await bot.stop();
    }
  });
});
