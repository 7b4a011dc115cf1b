import { describe, expect, it } from "vitest";
import type { CsSent } from "../helpers/fake-zalo.js";
import { QUESTION, answerFrom, type Talker } from "../helpers/registration-script.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";
import { useZaloBots } from "../helpers/zalo-bot.js";
import { textOf, zaloUser } from "../helpers/zalo-webhook.js";

const tempDir = useTempDirs();
const start = useZaloBots(tempDir);
const LAN = "5000000000000000777";

describe("registration through Zalo (fake OA API over real HTTP)", () => {
  it("registers with buttons and numbered lists, and the submission is stored with normalised fields", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const { bot, fake, app } = await start({ options: { app: { clock: clock.now } } });
    const lan = zaloUser(bot, fake, LAN);
    let last: CsSent[] = [];
    const phone: Talker = {
      hears: () => textOf(last),
      says: async (text) => {
        last = await lan.send(text);
      },
      async presses(label) {
        const wanted = label.toLowerCase();
        // Up to five choices are real buttons; more come as a numbered list answered by number.
        const button = last.flatMap((m) => m.buttons).find((b) => b.title.toLowerCase().includes(wanted));
        if (button) {
          last = await lan.press(button.title);
          return;
        }
        const line = textOf(last)
          .split("\n")
          .map((l) => /^(\d+)\. (.*)$/.exec(l))
          .find((m) => m && m[2]!.toLowerCase().includes(wanted));
        if (!line) throw new Error(`no choice "${label}" in: ${textOf(last)}`);
        last = await lan.choose(Number(line[1]));
      },
    };

    await phone.says("/dangky gtclqg");
    await answerFrom(phone, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
    expect(phone.hears()).toContain(QUESTION.summary);
    await phone.presses("Gửi đăng ký");
    expect(phone.hears()).toContain("Mã hồ sơ: GT-2026-0001");
    for (const m of last) expect((m.text ?? "").length).toBeLessThanOrEqual(2000);
    await phone.says("/tracuu GT-2026-0001");
    expect(phone.hears()).toContain("Tình trạng: Đã đăng ký");

    expect(await app.services.submissions.get("GT-2026-0001")).toMatchObject({
      owner: { userKey: `zalo:${LAN}`, channel: "zalo" },
      organisation: { taxCode: "0314409058", employees: 45, sizeClass: "small" },
      contact: { phone: "+84912345678", email: "lan@minhan.vn" },
    });
    expect(fake.problems).toEqual([]);
  });
});
