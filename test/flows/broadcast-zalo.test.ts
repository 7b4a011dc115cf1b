import { describe, expect, it } from "vitest";
import { announce, deliveryState, OFFICIAL } from "../helpers/broadcast.js";
import { useTempDirs } from "../helpers/temp-dir.js";
import { useZaloBots } from "../helpers/zalo-bot.js";

const tempDir = useTempDirs();
const startZaloBot = useZaloBots(tempDir);
const HOUR = 60 * 60 * 1000;

describe("an announcement to Zalo users", () => {
  it("goes to those Zalo still lets the OA write to, and reports the rest unreachable instead of trying", async () => {
    const now = Date.parse("2026-11-22T03:00:00Z");
    const clock = () => new Date(now);
    const { bot, fake } = await startZaloBot({ env: { OFFICIAL_TELEGRAM_IDS: OFFICIAL }, options: { channels: { zalo: { clock } }, app: { clock } } });
    const { users, subscriptions, audience } = bot.app.services;
    const zaloUsers = { free: "5000000000000000101", billed: "5000000000000000102", closed: "5000000000000000103", unfollowed: "5000000000000000104" };
    const seenAgo = { free: 3 * HOUR, billed: 5 * 24 * HOUR, closed: 10 * 24 * HOUR, unfollowed: HOUR };
    await bot.app.storage.unit(async () => {
      for (const [which, id] of Object.entries(zaloUsers) as [keyof typeof zaloUsers, string][]) {
        await users.touch({ channel: "zalo", id }, new Date(now - seenAgo[which]));
        await subscriptions.set(`zalo:${id}`, "yes", new Date(now));
      }
      await users.markUnreachable(`zalo:${zaloUsers.unfollowed}`, true, new Date(now));
    });

    // What the official's preview says before anything is sent.
    expect(await audience.summary({ kind: "all" })).toMatchObject({ recipients: 2, billed: 1, byChannel: { zalo: 2 }, skipped: { unreachable: 1, blocked: 1 } });

    const job = await announce(bot.app, "Thông báo: lịch tập huấn tháng 12.", { kind: "all" }, null, clock());
    await bot.broadcasts.idle();
    expect(fake.to(zaloUsers.free).map((m) => m.text)).toEqual(["📢 Thông báo của Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai\n\nThông báo: lịch tập huấn tháng 12.\n\n/tatthongbao để ngừng nhận"]);
    expect(fake.to(zaloUsers.billed)).toHaveLength(1);
    expect(fake.attempts.filter((a) => a.userId === zaloUsers.closed || a.userId === zaloUsers.unfollowed)).toEqual([]);
    expect((await deliveryState(bot.app, job.id)).counts).toMatchObject({ sent: 2, unreachable: 1, blocked: 1 });
  });
});
