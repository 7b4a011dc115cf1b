import { describe, expect, it } from "vitest";
import { webUserIdOf, type WebMessage } from "../../src/channels/web/chat.js";
import { memoryLogger } from "../../src/core/log.js";
import { startBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";
import { useZaloBots } from "../helpers/zalo-bot.js";
import { textOf, zaloUser } from "../helpers/zalo-webhook.js";

const tempDir = useTempDirs();
const SESSION = "web-selfcheck-00000001";

describe("the readiness self-check through the web chat endpoint over real HTTP", () => {
  it("is taken by button presses and typed digits, stopped, resumed after a restart and ends with its result, chart and buttons", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const dir = await tempDir();
    let last: WebMessage[] = [];
    const session = async () => {
      const bot = await startBot(testConfig(dir, { WEB_PORT: "0" }), memoryLogger(), { app: { clock: clock.now } });
      const post = async (body: object) => {
        const res = await fetch(`${bot.webUrl}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: SESSION, ...body }) });
        expect(res.status).toBe(200);
        last = ((await res.json()) as { messages: WebMessage[] }).messages;
        return last.map((m) => m.text).join("\n---\n");
      };
      const press = (label: string) => {
        const button = last.flatMap((m) => m.buttons.flat()).find((b) => b.label.includes(label));
        if (!button) throw new Error(`no button "${label}" among ${last.flatMap((m) => m.buttons.flat().map((b) => b.label)).join(" | ")}`);
        return post({ button: button.data });
      };
      return { bot, say: (text: string) => post({ text }), press };
    };

    const first = await session();
    try {
      expect(await first.say("/tudanhgia")).toContain("Câu 1/26");
      expect(await first.press("2 ·")).toContain("Câu 2/26");
      expect(await first.say("3")).toContain("Câu 3/26");
      expect(await first.press("Dừng")).toContain("Đã tạm dừng ở câu 3/26");
    } finally {
      await first.bot.stop();
    }

    clock.advance(60_000);
    const second = await session();
    try {
      expect(await second.say("/tudanhgia")).toContain("Làm tiếp từ câu 3/26");
      let said = await second.press("Làm tiếp");
      for (let i = 3; i <= 26; i++) {
        expect(said).toContain(`Câu ${i}/26`);
        said = await second.say("4");
      }
      expect(said).toContain("Kết quả tự đánh giá mức sẵn sàng");
      expect(said).toContain("• Vai trò của lãnh đạo: 75%");
      expect(said).toContain("không phải điểm chấm của Hội đồng");
      const labels = last.flatMap((m) => m.buttons.flat().map((b) => b.label));
      expect(labels).toEqual(["🤝 Đề nghị hỗ trợ NSCL cho các nội dung này", "📝 Đăng ký tham dự Giải thưởng", "☎️ Liên hệ đơn vị"]);
      const stored = await second.bot.app.services.selfCheck.results(`web:${webUserIdOf(SESSION)}`);
      expect(stored).toHaveLength(1);
      expect(stored[0]!.answers).toMatchObject({ ld1: 2, ld2: 3, ld3: 4, sp3: 4 });
    } finally {
      await second.bot.stop();
    }
  });
});

describe("the readiness self-check on Zalo", () => {
  const startZalo = useZaloBots(tempDir);

  it("takes typed digits as the levels although the statement's seven buttons become a numbered list", async () => {
    const { bot, fake } = await startZalo();
    const lan = zaloUser(bot, fake, "5000000000000000077");
    const first = textOf(await lan.send("/tudanhgia"));
    expect(first).toContain("Câu 1/26");
    // More than five buttons: numbered, levels 1–4 first so the number typed is the level.
    expect(first).toContain("1. 1 · Mới bắt đầu");
    expect(first).toContain("4. 4 · Đo và cải tiến");
    expect(first).toContain("5. 0 · Chưa có");
    for (const typed of ["3", "0", "4", "1"]) await lan.send(typed);
    const answers = (await bot.app.storage.repos.dialogs.get("zalo:5000000000000000077"))?.data as { answers: Record<string, number> };
    expect(answers.answers).toEqual({ ld1: 3, ld2: 0, ld3: 4, cl1: 1 });
  });
});
