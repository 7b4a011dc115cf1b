import { describe, expect, it } from "vitest";
import { webUserIdOf, type WebMessage } from "../../src/channels/web/chat.js";
import { draft } from "../helpers/submission-draft.js";
import { useTempDirs } from "../helpers/temp-dir.js";
import { useZaloBots } from "../helpers/zalo-bot.js";
import { textOf, zaloUser } from "../helpers/zalo-webhook.js";

const tempDir = useTempDirs();
const start = useZaloBots(tempDir);
const OWNER_SESSION = "owner-session-0000001";
const ZALO_ID = "5000000000000000888";

async function setup() {
  const { bot, fake, app } = await start();
  const created = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: `web:${webUserIdOf(OWNER_SESSION)}` }), new Date("2026-11-22T03:00:00Z")));
  if (!created.ok) throw new Error("fixture");
  const ownerInbox = async (): Promise<WebMessage[]> =>
    ((await (await fetch(`${bot.webUrl}api/chat/updates`, { headers: { "x-chat-session": OWNER_SESSION } })).json()) as { messages: WebMessage[] }).messages;
  const ownerPresses = async (data: string): Promise<WebMessage[]> => {
    const res = await fetch(`${bot.webUrl}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: OWNER_SESSION, button: data }) });
    return ((await res.json()) as { messages: WebMessage[] }).messages;
  };
  return { bot, fake, app, code: created.submission.code, ownerInbox, ownerPresses, zalo: zaloUser(bot, fake, ZALO_ID) };
}

describe("one enterprise on two channels", () => {
  it("keeps the same enterprise on Zalo a stranger to its submission until the owner confirms a link", async () => {
    const { app, code, zalo, ownerInbox, ownerPresses, fake } = await setup();
    // Two users: the Zalo account sees nothing of the web owner's submission.
    expect(textOf(await zalo.send("/tracuu"))).not.toContain(code);
    expect(textOf(await zalo.send(`/tracuu ${code}`))).not.toContain("Nguyễn Thị Lan");

    expect(textOf(await zalo.send(`/lienket ${code}`))).toContain("đã gửi yêu cầu xác nhận");
    const [question] = await ownerInbox();
    // Who asks (channel, name if known, when) and what they could do once accepted.
    expect(question?.text).toContain(`Có yêu cầu theo dõi hồ sơ ${code}:\n• Từ: một tài khoản Zalo; trợ lý không biết tên người yêu cầu (tài khoản đó chưa đăng ký hồ sơ nào)\n• Lúc: `);
    expect(question?.text).toContain("tài khoản đó sẽ xem được tình trạng và toàn bộ thông tin của hồ sơ (kể cả thông tin người liên hệ) và nhận các thông báo về hồ sơ");
    expect(question?.text).toContain("Việc rút hồ sơ hoặc xóa thông tin liên hệ từ tài khoản đó vẫn cần Quý doanh nghiệp xác nhận");
    const agree = question!.buttons.flat().find((b) => b.label === "Đồng ý")!;

    // The requester cannot confirm for the owner, even with the right button data.
    const forged = await zalo.send(`#nscl:${agree.data}`);
    expect(textOf(forged)).toContain("không còn hiệu lực");

    const before = fake.to(ZALO_ID).length;
    expect((await ownerPresses(agree.data))[0]?.text).toContain("Đã đồng ý");
    expect(fake.to(ZALO_ID).slice(before).map((m) => m.text).join("\n")).toContain(`Đã liên kết: tài khoản này từ nay xem và nhận thông báo về hồ sơ ${code}`);
    const mine = textOf(await zalo.send("/tracuu"));
    expect(mine).toContain(code);
    expect(mine).toContain("Nguyễn Thị Lan");
    expect((await app.services.audit.about(code)).map((e) => [e.action, e.actor.userKey, e.detail]).at(-1)).toEqual(["linked", `web:${webUserIdOf(OWNER_SESSION)}`, `zalo:${ZALO_ID}`]);
    // The button works once.
    expect((await ownerPresses(agree.data))[0]?.text).toContain("không còn hiệu lực");
  });

  it("tells the requester when the owner declines, and shows nothing", async () => {
    const { code, zalo, ownerInbox, ownerPresses } = await setup();
    await zalo.send(`/lienket ${code}`);
    const [question] = await ownerInbox();
    const decline = question!.buttons.flat().find((b) => b.label === "Không đồng ý")!;
    expect((await ownerPresses(decline.data))[0]?.text).toContain("Đã từ chối");
    expect(textOf(zalo.last() ? [zalo.last()!] : [])).toContain("không đồng ý cho tài khoản này theo dõi hồ sơ");
    expect(textOf(await zalo.send("/tracuu"))).not.toContain(code);
  });
});
