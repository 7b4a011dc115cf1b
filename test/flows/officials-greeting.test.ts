import { accountTag } from "../../src/domain/actor-name.js";
import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../src/channels/telegram/bot.js";
import { toPlainText } from "../../src/core/markup.js";
import { testApp } from "../helpers/app.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi } from "../helpers/fake-telegram.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** Hoa (Telegram 777) is an administrator; the people she names are reached through the real Telegram channel on a fake Bot API. */
async function office() {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const api = fakeBotApi();
  const { sender } = createTelegramChannel(app, { token: TEST_TOKEN, botInfo: BOT_INFO, fetch: api.fetch });
  app.outbox.register("telegram", sender);
  const to = (chatId: number) => api.sent().filter((c) => c.payload.chat_id === chatId).map((c) => toPlainText(String(c.payload.text)));
  return { app, api, to, hoa: person(app, "telegram", "777", "Trần Thị Hoa") };
}

describe("officials' own greeting and help", () => {
  it("greets an official by role and name, never as an enterprise, and does not ask them to subscribe", async () => {
    const { app, hoa } = await office();
    const greeting = await hoa.says("/start");
    expect(greeting).toContain("Kính chào quản trị viên Trần Thị Hoa! Đây là Trợ lý Năng suất – Chất lượng");
    expect(greeting).toContain("Gõ /hoso để xem hồ sơ mới nhất");
    expect(greeting).not.toContain("Quý doanh nghiệp");
    expect(hoa.replies).toHaveLength(1);
    expect(hoa.buttonLabels().join(" ")).not.toMatch(/nhận thông báo/i);

    // An official the channel gives no name is greeted by role.
    await hoa.says("/quyen cap 888");
    expect(await person(app, "telegram", "888").says("/start")).toContain("Kính chào cán bộ phụ trách! Đây là");

    // An enterprise still gets its own welcome and the one-time offer.
    const lan = person(app, "telegram", "1001", "Lan Nguyễn");
    expect(await lan.says("/start")).toContain("Kính chào Quý doanh nghiệp!");
    expect(lan.replies.length).toBe(2);
    await app.close();
  });

  it("lists the officials' commands first in /trogiup, then the enterprise ones briefly, in either language", async () => {
    const { app, hoa } = await office();
    const help = await hoa.says("/trogiup");
    expect(help.startsWith("Lệnh dành cho cán bộ")).toBe(true);
    expect(help).not.toContain("Quý doanh nghiệp có thể dùng các lệnh sau");
    const own = help.indexOf("/hoso, /case — ");
    const everyone = help.indexOf("Lệnh chung (như doanh nghiệp dùng): /chuongtrinh, /hoidap, /dangky, /tracuu");
    expect(own).toBeGreaterThan(0);
    expect(everyone).toBeGreaterThan(own);
    expect(help).toContain("/quyen, /roles — ");
    // Enterprise commands are one line, not one line each.
    expect(help).not.toContain("/dangky, /register — ");

    // An official (not an admin) does not see /quyen.
    await hoa.says("/quyen cap 888");
    expect(await person(app, "telegram", "888").says("/help")).not.toContain("/quyen");

    await hoa.says("/ngonngu en");
    const english = await hoa.says("/help");
    expect(english.startsWith("Officials' commands")).toBe(true);
    expect(english).toContain("Everyone's commands (as enterprises use them): /programmes, /faq, /register, /status");
    expect(english).toContain("/start, /help, /cancel, /language");

    // An enterprise's help is unchanged.
    expect(await person(app, "telegram", "1001").says("/trogiup")).toContain("Quý doanh nghiệp có thể dùng các lệnh sau");
    await app.close();
  });
});

describe("the role-granted notice", () => {
  it("tells a person granted a role, on their channel, what they can now do, and tells them when it is withdrawn", async () => {
    const { app, hoa, to } = await office();
    await person(app, "telegram", "888", "Lê Văn Minh").says("xin chào");
    const granted = await hoa.says("/quyen cap 888");
    // Minh wrote before holding a role, so no name was kept yet: a tag, never his id.
    expect(granted).toContain(`✅ Đã cấp quyền cán bộ cho cán bộ #${accountTag("telegram:888")}.`);
    expect(granted).toContain("📨 Đã báo cho người này qua kênh nhắn tin của họ.");
    const told = to(888);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("🔑 Tài khoản này vừa được cấp quyền cán bộ phụ trách trong Trợ lý Năng suất – Chất lượng");
    expect(told[0]).toContain("/hoso — ");
    expect(told[0]).toContain("/thongke — ");
    expect(told[0]).not.toContain("/quyen");
    expect(told[0]).toContain("Gõ /trogiup để xem đầy đủ các lệnh.");
    expect(told[0]!.length).toBeLessThan(900);

    // Once he writes as an official, his name is kept and shown.
    await person(app, "telegram", "888", "Lê Văn Minh").says("/start");
    expect(await hoa.says("/quyen")).toContain("• Lê Văn Minh — cán bộ, cấp bởi Trần Thị Hoa");
    expect(await hoa.says("/quyen thu 888")).toContain("Đã thu hồi quyền cán bộ của Lê Văn Minh.");
    expect(to(888)[1]).toContain("Quyền cán bộ của tài khoản này trong Trợ lý Năng suất – Chất lượng");
    expect(to(888)[1]).toContain("đã được thu hồi");

    // An administrator hears of /quyen too, in the language they chose.
    await app.storage.unit(() => app.services.users.setLocale("telegram:999", "en"));
    await person(app, "telegram", "999").says("/language en");
    await hoa.says("/quyen cap 999 quantri");
    const admin = to(999).at(-1)!;
    expect(admin).toContain("This account has just been given the administrator role");
    expect(admin).toContain("/roles — ");
    expect(admin).toContain("/case — ");
    await app.close();
  });

  it("says so to the administrator when the person cannot be reached", async () => {
    const { app, hoa } = await office();
    // Zalo is not running in this test: the grant stands, the notice could not go.
    const said = await hoa.says("/quyen cap zalo:8800123456789012345");
    expect(said).toContain("⚠️ Chưa báo được cho người này (unreachable); vui lòng báo trực tiếp.");
    expect(await app.services.roles.roleOfKey("zalo:8800123456789012345")).toBe("official");
    await app.close();
  });

  it("keeps the channel's name of an official only, never an enterprise's", async () => {
    const { app } = await office();
    await person(app, "telegram", "1001", "Lan Nguyễn").says("xin chào");
    expect((await app.services.users.get("telegram:1001"))?.name).toBeUndefined();
    await person(app, "telegram", "777", "Trần Thị Hoa").says("xin chào");
    expect((await app.services.users.get("telegram:777"))?.name).toBe("Trần Thị Hoa");
    await app.close();
  });
});
