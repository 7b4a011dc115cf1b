import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { esc } from "../../src/core/markup.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "../helpers/app.js";
import { choicesFeature } from "../helpers/fixture-choices.js";
import { counterFeature } from "../helpers/fixture-features.js";
import { messengerChannel } from "../helpers/messenger.js";
import { QUESTION, answerFrom, type Talker } from "../helpers/registration-script.js";
import { testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/**
 * The test-only channel of README "Adding a channel" (test/helpers/messenger.ts), started by
 * startBot beside the registered ones, through the same conversations as Zalo's tests: a
 * registration, numbered choices, retries dropped, a person at the page answering.
 */
const tempDir = useTempDirs();
const running: RunningBot[] = [];
afterEach(async () => {
  for (const bot of running.splice(0)) await bot.stop();
});

async function start({ dir, now, handoffMinutes = 30 }: { dir?: string; now?: () => Date; handoffMinutes?: number } = {}) {
  const messenger = messengerChannel({ handoffMinutes, ...(now ? { clock: now } : {}) });
  const config = testConfig(dir ?? (await tempDir()), { WEB_PORT: "0" });
  const bot = await startBot(config, memoryLogger(), {
    extraChannels: [messenger.definition],
    app: { extraFeatures: [counterFeature, choicesFeature], ...(now ? { clock: now } : {}) },
  });
  running.push(bot);
  return { bot, delivered: messenger.delivered, app: bot.app };
}

/** A messenger user: each step posts an event, waits until the bot has handled it, and returns the texts the user got since. */
function messengerUser({ bot, delivered }: { bot: RunningBot; delivered: Map<string, string[]> }, user: string) {
  const post = (body: object) =>
    fetch(`${bot.webUrl}messenger/webhook`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const step = async (body: object): Promise<string[]> => {
    const before = (delivered.get(user) ?? []).length;
    const res = await post(body);
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await bot.channels.messenger!.idle();
    return (delivered.get(user) ?? []).slice(before);
  };
  const event = (text: string, mid = randomBytes(8).toString("hex")) => ({ mid, user, text });
  return { event, post, step, send: (text: string) => step(event(text)), personAtPage: () => step({ mid: randomBytes(8).toString("hex"), user, fromPage: true }) };
}

const textOf = (texts: readonly string[]) => texts.join("\n");

describe("a test-only channel built on the Channel interface and the shared utilities", () => {
  it("registers by text and numbered answers, and the submission is stored with normalised fields", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const started = await start({ now: clock.now });
    const lan = messengerUser(started, "84900000777");
    let last: string[] = [];
    const phone: Talker = {
      hears: () => textOf(last),
      says: async (text) => {
        last = await lan.send(text);
      },
      async presses(label) {
        const line = textOf(last)
          .split("\n")
          .map((l) => /^(\d+)\. (.*)$/.exec(l))
          .find((m) => m && m[2]!.toLowerCase().includes(label.toLowerCase()));
        if (!line) throw new Error(`no choice "${label}" in: ${textOf(last)}`);
        last = await lan.send(line[1]!);
      },
    };

    await phone.says("/dangky gtclqg");
    await answerFrom(phone, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
    expect(phone.hears()).toContain(QUESTION.summary);
    await phone.presses("Gửi đăng ký");
    expect(phone.hears()).toContain("Mã hồ sơ: GT-2026-0001");
    await phone.says("/tracuu GT-2026-0001");
    expect(phone.hears()).toContain("Tình trạng: Đã đăng ký");

    expect(await started.app.services.submissions.get("GT-2026-0001")).toMatchObject({
      owner: { userKey: "messenger:84900000777", channel: "messenger" },
      organisation: { taxCode: "0314409058", employees: 45, sizeClass: "small" },
      contact: { phone: "+84912345678", email: "lan@minhan.vn" },
    });
  });

  it("asks a question with 7 choices as a numbered list and takes the answer by number", async () => {
    const lan = messengerUser(await start(), "84900000013");
    const question = textOf(await lan.send("/chon"));
    expect(question).toContain("1. Nông nghiệp");
    expect(question).toContain("7. Công nghệ thông tin");
    expect(question).toContain("trả lời bằng số thứ tự");

    expect(textOf(await lan.send("3"))).toBe("Đã chọn: Cơ khí");
    // That reply showed no list: a bare number is ordinary text again.
    expect(textOf(await lan.send("3"))).not.toContain("Đã chọn");
    await lan.send("/chon");
    expect(textOf(await lan.send("  7 "))).toBe("Đã chọn: Công nghệ thông tin");
    await lan.send("/chon");
    expect(textOf(await lan.send("9"))).not.toContain("Đã chọn");
  });

  it("keeps the numbered list and the events it has seen across a restart", async () => {
    const dir = await tempDir();
    const first = await start({ dir });
    const before = messengerUser(first, "84900000021");
    const seenBefore = before.event("/trogiup");
    expect(await before.step(seenBefore)).not.toEqual([]);
    await before.send("/chon");
    await running.splice(0)[0]!.stop();

    const again = messengerUser(await start({ dir }), "84900000021");
    expect(await again.step(seenBefore)).toEqual([]);
    expect(textOf(await again.send("2"))).toBe("Đã chọn: Chế biến thực phẩm");
  });

  it("drops a retried event: the same message id changes nothing, even three at once", async () => {
    const started = await start();
    const lan = messengerUser(started, "84900000002");
    await lan.send("/dem");
    const first = lan.event("một");
    expect(textOf(await lan.step(first))).toBe("1");
    expect(await lan.step(first)).toEqual([]);
    // The counter did not move: the next message is the second one, not the third.
    expect(textOf(await lan.send("hai"))).toBe("2");

    const other = messengerUser(started, "84900000003");
    const thrice = other.event("/ngonngu");
    const statuses = await Promise.all([1, 2, 3].map(() => other.post(thrice).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200]);
    await started.bot.channels.messenger!.idle();
    expect(started.delivered.get("84900000003")?.filter((t) => t.includes("English"))).toHaveLength(1);
  });

  it("keeps quiet while a person at the page answers, and takes back over on a command", async () => {
    const started = await start();
    const lan = messengerUser(started, "84900000016");
    expect(await lan.send("xin chao")).not.toEqual([]);

    expect(await lan.personAtPage()).toEqual([]);
    expect(await lan.send("cam on chi, cho em hoi them")).toEqual([]);
    // Another user's conversation is not affected.
    expect(await messengerUser(started, "84900000017").send("xin chao")).not.toEqual([]);
    // A command is addressed to the bot: it answers again from there on.
    expect(textOf(await lan.send("/trogiup"))).toContain("/trogiup");
    expect(await lan.send("xin chao")).not.toEqual([]);
  });

  it("stops keeping quiet after the configured minutes", async () => {
    let now = Date.parse("2026-11-22T09:00:00Z");
    const lan = messengerUser(await start({ handoffMinutes: 20, now: () => new Date(now) }), "84900000018");
    await lan.personAtPage();
    now += 19 * 60_000;
    expect(await lan.send("alo")).toEqual([]);
    now += 2 * 60_000;
    expect(await lan.send("alo")).not.toEqual([]);
  });

  it("takes notices through the outbox, its sender registered under its name", async () => {
    const started = await start();
    expect(await started.app.outbox.send("messenger", "84900000030", [{ text: esc("Hồ sơ đã được tiếp nhận."), buttons: [[{ label: "Xem", data: "cmd:tracuu" }]] }])).toEqual({ ok: true });
    expect(started.delivered.get("84900000030")).toEqual(["Hồ sơ đã được tiếp nhận.\n1. Xem", "Quý doanh nghiệp vui lòng trả lời bằng số thứ tự của lựa chọn (ví dụ: 1)."]);
    expect(started.bot.channels.messenger?.capabilities.buttons).toBe(0);
  });
});
