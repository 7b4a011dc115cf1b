import { describe, expect, it } from "vitest";
import { useTempDirs } from "../helpers/temp-dir.js";
import { useZaloBots } from "../helpers/zalo-bot.js";
import { oaEchoEvent, textOf, zaloUser } from "../helpers/zalo-webhook.js";

const tempDir = useTempDirs();
const startZaloBot = useZaloBots(tempDir);

describe("the hand-off inbox on Zalo (fake OA server)", () => {
  it("a refused question opens an item; a person answering in the OA's own chat marks it answered, the bot's own echo does not", async () => {
    const { bot, fake } = await startZaloBot();
    const lan = zaloUser(bot, fake, "5000000000000000031");
    expect(textOf(await lan.send("giá vàng hôm nay bao nhiêu"))).toContain("(mã HT1)");
    const inbox = bot.app.services.inbox;
    // The echo of the bot's own send (no admin_id) is not a person answering.
    await lan.sendEvent(oaEchoEvent(lan.id));
    expect((await inbox.get("HT1"))?.status).toBe("open");
    await lan.sendEvent(oaEchoEvent(lan.id, "admin-77"));
    expect(await inbox.get("HT1")).toMatchObject({ status: "answered", answers: [{ via: "oa-chat", by: null }] });
    expect((await bot.app.services.audit.about("HT1")).map((e) => e.action)).toEqual(["inbox-created", "inbox-answered-oa-chat"]);
  });
});
