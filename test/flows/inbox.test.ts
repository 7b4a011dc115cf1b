import { describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { toPlainText } from "../../src/core/markup.js";
import type { Reach } from "../../src/core/outbox.js";
import type { OutboundMessage } from "../../src/core/types.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/**
 * The hand-off inbox on the dialog core: enterprises on the web chat and on Zalo (their pushes
 * recorded by fake senders at the outbox), Hoa an administrator on Telegram (id 777).
 * 22/11/2026 03:00 UTC is Sunday 10:00 in Vietnam.
 */
async function setup(zaloReach: () => Reach = () => ({ ok: true })) {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const pushed: { channel: string; id: string; text: string }[] = [];
  const record = (channel: string) => async (id: string, messages: OutboundMessage[]) => {
    pushed.push(...messages.map((m) => ({ channel, id, text: toPlainText(m.text) })));
    return { ok: true as const };
  };
  app.outbox.register("web", { send: record("web") });
  app.outbox.register("zalo", { send: record("zalo"), reach: zaloReach });
  return { app, clock, pushed, hoa: person(app, "telegram", "777") };
}

const item = (app: App, id: string) => app.services.inbox.get(id);
const REFUSED = "giá vàng hôm nay bao nhiêu";

describe("a question the bot cannot answer reaches a person", () => {
  it("a refused question becomes an inbox item; the official answers in /hopthu after a preview, and the answer reaches the user signed by the unit", async () => {
    const { app, pushed, hoa } = await setup();
    const lan = person(app, "web", "lan-0000000001");

    const refused = await lan.says(REFUSED);
    expect(refused).toContain("Trợ lý chưa có câu trả lời cho câu hỏi này");
    // Sunday: the next working day is named (the profile's office week, Monday to Friday).
    expect(refused).toContain("Trợ lý đã chuyển câu hỏi tới Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect(refused).toContain("(mã HT1)");
    expect(refused).toContain("trong ngày làm việc tiếp theo, thứ Hai 23/11/2026");
    expect(lan.buttonLabels()).toContain("🙋 Hỏi cán bộ");
    expect((await item(app, "HT1"))?.questions.map((q) => [q.text, q.reason])).toEqual([[REFUSED, "refused"]]);

    const inbox = await hoa.says("/hopthu");
    expect(inbox).toContain("Câu hỏi chờ trả lời: 1");
    expect(inbox).toContain("HT1 · web · vi · 22/11/2026 10:00 · chờ trả lời");
    expect(inbox).toContain(`(trợ lý chưa trả lời được): “${REFUSED}”`);
    expect(await hoa.presses("Trả lời")).toContain("Gõ câu trả lời cho câu hỏi HT1");
    // A blank message never reaches the flow (the core answers it); the service refuses an empty answer too.
    await hoa.says("   ");
    const empty = await app.storage.unit(() => app.services.inbox.answer({ id: "HT1", text: " \n ", by: "telegram:777", role: "admin", signedAs: "x", now: new Date() }));
    expect(empty).toEqual({ ok: false, error: "inbox-answer-empty" });
    const preview = await hoa.says("Giá vàng không thuộc <b>phạm vi</b> của Sở & trợ lý.");
    expect(preview).toContain("Xem trước câu trả lời cho HT1");
    // HTML typed by the official is shown literally, never as formatting.
    expect(preview).toContain("Giá vàng không thuộc <b>phạm vi</b> của Sở & trợ lý.");
    expect(pushed).toEqual([]);
    expect(await hoa.presses("Gửi")).toContain("Đã gửi câu trả lời cho HT1");

    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ channel: "web", id: "lan-0000000001" });
    expect(pushed[0]!.text).toContain(`“${REFUSED}”`);
    expect(pushed[0]!.text).toContain("Giá vàng không thuộc <b>phạm vi</b> của Sở & trợ lý.");
    expect(pushed[0]!.text).toContain("— Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng, Sở Khoa học và Công nghệ tỉnh Đồng Nai");
    const answered = await item(app, "HT1");
    expect(answered).toMatchObject({ status: "answered", answers: [{ by: "telegram:777", via: "bot" }] });
    expect(await hoa.says("/hopthu")).toContain("Hộp thư không có câu hỏi nào đang chờ trả lời");
    expect((await app.services.audit.about("HT1")).map((e) => e.action)).toEqual(["inbox-created", "inbox-answered"]);
    await app.close();
  });

  it("a second question from the same user joins the open item; HTML in a question is shown literally to the official", async () => {
    const { app, hoa } = await setup();
    const lan = person(app, "web", "lan-0000000002");
    await lan.says(REFUSED);
    const again = await lan.says("cách nấu <i>phở</i> ngon");
    expect(again).toContain("Trợ lý đã bổ sung câu hỏi vào yêu cầu đang chờ trả lời (mã HT1)");
    expect((await item(app, "HT1"))?.questions).toHaveLength(2);
    expect(await item(app, "HT2")).toBeUndefined();
    const inbox = await hoa.says("/hopthu");
    expect(inbox).toContain("Câu hỏi chờ trả lời: 1");
    expect(inbox).toContain("“cách nấu <i>phở</i> ngon”");
    // What went over the wire to the official escapes it.
    expect(hoa.replies.map((m) => m.text).join("\n")).toContain("cách nấu &lt;i&gt;phở&lt;/i&gt; ngon");
    await app.close();
  });

  it("the wish to talk to a person asks for the question and passes it on; 'không cần trả lời' closes the item", async () => {
    const { app, hoa } = await setup();
    const minh = person(app, "web", "minh-0000000001");
    expect(await minh.says("Tôi muốn gặp cán bộ")).toContain("Quý doanh nghiệp vui lòng gõ câu hỏi");
    expect(await minh.says("Doanh nghiệp tôi ở xã mới sáp nhập thì nộp hồ sơ ở đâu?")).toContain("(mã HT1)");
    expect((await item(app, "HT1"))?.questions[0]).toMatchObject({ reason: "asked", text: "Doanh nghiệp tôi ở xã mới sáp nhập thì nộp hồ sơ ở đâu?" });
    // Written in English by a user who chose no language: the reply is English (issue 15).
    expect(await minh.says("talk to a person please")).toContain("no. HT1");

    await hoa.says("/hopthu");
    expect(await hoa.presses("Không cần trả lời")).toContain("Đã đánh dấu HT1 là không cần trả lời");
    expect((await item(app, "HT1"))?.status).toBe("no-reply");
    expect((await app.services.audit.about("HT1")).map((e) => e.action)).toEqual(["inbox-created", "inbox-no-reply"]);
    await app.close();
  });

  it("a forged answer button from anyone but an official changes nothing", async () => {
    const { app, pushed } = await setup();
    const lan = person(app, "web", "lan-0000000003");
    await lan.says(REFUSED);
    for (const data of ["ht:a:HT1", "ht:n:HT1", "ht:p:0", "hta:send"]) {
      expect(await lan.sendsButtonData(data)).toContain("Nút này không còn hiệu lực");
    }
    expect(await lan.says("/hopthu")).toContain("/hopthu");
    // A forged call to the service itself is refused too (the role is checked again there).
    const forged = await app.storage.unit(() => app.services.inbox.answer({ id: "HT1", text: "x", by: "web:lan-0000000003", role: null, signedAs: "x", now: new Date() }));
    expect(forged).toEqual({ ok: false, error: "inbox-not-official" });
    expect(await item(app, "HT1")).toMatchObject({ status: "open", answers: [] });
    expect(pushed).toEqual([]);
    await app.close();
  });

  it("a Zalo user outside the 7-day window: the answer is not sent, the item stays open with the reason and the enterprise's contact", async () => {
    const { app, pushed, hoa, clock } = await setup(() => ({ ok: false, reason: "unreachable", detail: "outside Zalo's 7-day window" }));
    await app.storage.unit(() => app.services.submissions.create(draft({ userKey: "zalo:5550001" }), clock.now()));
    const nam = person(app, "zalo", "5550001");
    await nam.says(REFUSED);
    // The list says so before anyone writes an answer.
    const listed = await hoa.says("/hopthu");
    expect(listed).toContain("Hiện không nhắn được cho doanh nghiệp qua kênh của họ (outside Zalo's 7-day window)");
    expect(listed).toMatch(/Liên hệ của doanh nghiệp \(theo hồ sơ đã đăng ký\): \+84\d+/);
    await hoa.presses("Trả lời");
    await hoa.says("Xin trả lời như sau.");
    const sent = await hoa.presses("Gửi");
    expect(sent).toContain("Không gửi được câu trả lời cho HT1: Zalo chỉ cho phép nhắn tư vấn trong 7 ngày");
    expect(sent).toContain("chưa gửi được câu trả lời (outside Zalo's 7-day window)");
    expect(sent).toMatch(/Liên hệ của doanh nghiệp \(theo hồ sơ đã đăng ký\): \+84\d+, \S+@\S+/);
    expect(pushed).toEqual([]);
    expect(await item(app, "HT1")).toMatchObject({ status: "open", undelivered: { reason: "outside Zalo's 7-day window" } });
    expect(await hoa.says("/hopthu")).toContain("chưa gửi được câu trả lời");
    await app.close();
  });

  it("a person answering in the Zalo OA's own chat marks the user's open item answered", async () => {
    const { app, clock } = await setup();
    const nam = person(app, "zalo", "5550002");
    await nam.says(REFUSED);
    await app.storage.unit(() => app.services.inbox.answeredInPlatformChat({ channel: "zalo", id: "5550002" }, clock.now()));
    expect(await item(app, "HT1")).toMatchObject({ status: "answered", answers: [{ via: "oa-chat", by: null }] });
    await app.close();
  });

  it("a 5,000-character answer reaches the user whole", async () => {
    const { app, pushed, hoa } = await setup();
    const lan = person(app, "web", "lan-0000000004");
    await lan.says(REFUSED);
    await hoa.says("/hopthu");
    await hoa.presses("Trả lời");
    // One chat message holds at most 4,096 characters: the official writes on in a second one.
    const long = Array.from({ length: 500 }, (_, i) => `câu ${String(i).padStart(4, "0")}.`).join(" ").slice(0, 5000);
    await hoa.says(long.slice(0, 4000));
    expect(await hoa.says(long.slice(4000).trim())).toContain("Xem trước câu trả lời cho HT1");
    await hoa.presses("Gửi");
    expect(pushed).toHaveLength(1);
    expect(pushed[0]!.text.replace(/\s+/g, " ")).toContain(long.replace(/\s+/g, " ").trim());
    await app.close();
  });

  it("👍/👎 under an answer: a vote counts once per user and answer; 👎 offers the hand-off, the item showing the conversation before", async () => {
    const { app, clock, hoa } = await setup();
    const lan = person(app, "web", "lan-0000000005");
    await lan.says("ho so du giai thuong chat luong quoc gia gom nhung gi");
    expect(lan.buttonLabels()).toEqual(expect.arrayContaining(["👍", "👎", "🙋 Hỏi cán bộ"]));
    expect(await lan.presses("👍")).toContain("Cảm ơn Quý doanh nghiệp đã đánh giá");
    await lan.says("ho so du giai thuong chat luong quoc gia gom nhung gi");
    expect(await lan.presses("👍")).toContain("đã đánh giá câu trả lời này rồi");
    const minh = person(app, "web", "minh-0000000005");
    await minh.says("ho so du giai thuong chat luong quoc gia gom nhung gi");
    const down = await minh.presses("👎");
    expect(down).toContain("Rất tiếc câu trả lời chưa giúp được");
    expect(down).toContain("vui lòng gõ câu hỏi");
    expect(await minh.says("Hồ sơ có cần công chứng không?")).toContain("(mã HT1)");
    expect((await item(app, "HT1"))?.questions[0]).toMatchObject({ reason: "not-helpful", offered: ["gt-ho-so"] });
    // The conversation before it: the question the bot answered.
    expect((await item(app, "HT1"))?.tail.map((t) => [t.from, t.text])).toEqual([
      ["user", "ho so du giai thuong chat luong quoc gia gom nhung gi"],
      ["bot", "entry:gt-ho-so"],
    ]);
    const listed = await hoa.says("/hopthu");
    expect(listed).toContain("Trước đó:");
    expect(listed).toContain("doanh nghiệp: “ho so du giai thuong chat luong quoc gia gom nhung gi”");
    expect(listed).toContain("→ trợ lý trả lời bằng mục “Hồ sơ tham dự Giải thưởng Chất lượng Quốc gia gồm những gì?”");
    const week = await app.services.feedback.week("2026-W47");
    expect(week).toEqual({ week: "2026-W47", asked: 3, answeredByBot: 3, up: 1, down: 1 });
    expect(clock.now().toISOString()).toBe("2026-11-22T03:00:00.000Z");
    await app.close();
  });

  it("/thongke shows per week: asked, answered by the bot, passed to people, answered by people with the median time, 👍/👎 and unanswered themes", async () => {
    const { app, clock, hoa } = await setup();
    // Week 2026-W47 (Sunday 22/11): two refused questions about the same theme, one answered.
    const a = person(app, "web", "a-0000000001");
    const b = person(app, "web", "b-0000000001");
    await a.says("giá vàng hôm nay bao nhiêu");
    await b.says("giá vàng miếng SJC thế nào");
    await a.says("ho so du giai thuong chat luong quoc gia gom nhung gi");
    await a.presses("👎");
    await hoa.says("/hopthu");
    await hoa.presses("Trả lời");
    await hoa.says("Không thuộc phạm vi.");
    clock.advance(90 * 60_000);
    await hoa.presses("Gửi");
    // Next week (W48): one question the bot answers, with a 👍.
    clock.set("2026-11-24T03:00:00Z");
    const c = person(app, "web", "c-0000000001");
    await c.says("ho so du giai thuong chat luong quoc gia gom nhung gi");
    await c.presses("👍");

    const stats = await hoa.says("/thongke");
    expect(stats).toContain("Hỏi đáp và hộp thư theo tuần");
    expect(stats).toContain("• 2026-W48: hỏi 1, trợ lý trả lời 1; chuyển cán bộ 0, cán bộ đã trả lời 0 (trung vị — phút); 👍 100% / 👎 0% trên 1 lượt đánh giá");
    expect(stats).toContain("• 2026-W47: hỏi 3, trợ lý trả lời 1; chuyển cán bộ 2, cán bộ đã trả lời 1 (trung vị 90 phút); 👍 0% / 👎 100% trên 1 lượt đánh giá");
    expect(stats).toContain("• 2026-W45: hỏi 0, trợ lý trả lời 0; chuyển cán bộ 0");
    expect(stats).toContain("“gia vang” (2)");
    await app.close();
  });

  it("/dulieu lists the questions passed on and deletes them with the user's data", async () => {
    const { app, hoa } = await setup();
    const lan = person(app, "web", "lan-0000000009");
    await lan.says(REFUSED);
    expect(await lan.says("/dulieu")).toContain("Câu hỏi đã chuyển tới cán bộ: 1 yêu cầu (1 câu hỏi, 1 đang chờ trả lời): HT1");
    expect(await lan.presses("Xóa các câu hỏi")).toContain("Xóa toàn bộ câu hỏi");
    expect(await lan.presses("Có, xóa")).toContain("Đã xóa 1 yêu cầu");
    expect(await item(app, "HT1")).toBeUndefined();
    expect(await app.storage.repos.tails.get("web:lan-0000000009")).toBeUndefined();
    expect(await lan.says("/dulieu")).not.toContain("Câu hỏi đã chuyển tới cán bộ");
    expect(await hoa.says("/hopthu")).toContain("Hộp thư không có câu hỏi nào");
    await app.close();
  });

  it("end to end: a refused question reaches an official, who answers and teaches it as a phrasing; the same question from another user is then answered by the bot", async () => {
    const { app, pushed, hoa } = await setup();
    const ASKED = "quy mo doanh nghiep vua la bao nhieu lao dong";
    const ENTRY = "ns-quy-mo-dn";
    const title = app.services.kb.entry(ENTRY)!.questions.vi[0]!;
    const lan = person(app, "web", "lan-0000000010");
    expect(await lan.says(ASKED)).toContain("(mã HT1)");

    await hoa.says("/hopthu");
    await hoa.presses("Trả lời");
    await hoa.says("Theo Nghị định 80/2021/NĐ-CP, Quý doanh nghiệp xem tiêu chí quy mô doanh nghiệp vừa.");
    const sent = await hoa.presses("Gửi");
    expect(sent).toContain("Đã gửi câu trả lời cho HT1");
    expect(pushed.map((p) => p.id)).toEqual(["lan-0000000010"]);
    // The answered item offers the learning step in one press.
    expect(hoa.buttonLabels()).toEqual(["📚 Thêm làm cách hỏi khác của một mục", "🆕 Tạo mục mới từ câu trả lời"]);
    const offered = await hoa.presses("Thêm làm cách hỏi khác");
    expect(offered).toContain(ASKED);
    expect(await hoa.sendsButtonData(`hoc:p:${ENTRY}`)).toContain(`Đã thêm “${ASKED}” làm một cách hỏi của mục “${title}”`);
    const taught = await app.services.kbLearning.history();
    expect(taught[0]!.record).toMatchObject({ kind: "phrasing", entryId: ENTRY, history: [{ itemId: "HT1" }] });

    const minh = person(app, "web", "minh-0000000010");
    const answered = await minh.says(ASKED);
    expect(answered.startsWith(title)).toBe(true);
    expect(answered).toContain("Nguồn:");
    expect(await item(app, "HT2")).toBeUndefined();
    // The view of the item offers the same; a citizen's forged press of it changes nothing.
    expect(await lan.sendsButtonData("ht:l:HT1")).toContain("Nút này không còn hiệu lực");
    expect(await hoa.sendsButtonData("ht:ln:HT1")).toContain(ASKED);
    expect(hoa.buttonLabels()).toContain("📝 Tạo mục mới từ câu trả lời này");
    await app.close();
  });

  it("the official may sign with their own name (the unit by default); the choice shows in the preview and reaches the user", async () => {
    const { app, pushed } = await setup();
    const lan = person(app, "web", "lan-0000000011");
    await lan.says(REFUSED);
    // Hoa as Telegram shows her: with a display name.
    const hoa = { channel: "telegram", id: "777", displayName: "Nguyễn Thị Hoa" };
    const said = async (event: Parameters<App["conversation"]["handle"]>[1]) => (await app.conversation.handle(hoa, event)).map((m) => ({ text: toPlainText(m.text), buttons: (m.buttons ?? []).flat() }));
    await said({ kind: "command", name: "hopthu", args: "" });
    await said({ kind: "button", data: "ht:a:HT1" });
    const preview = await said({ kind: "text", text: "Xin trả lời như sau." });
    expect(preview.at(-1)!.text).toContain("— Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    const own = preview.flatMap((m) => m.buttons).find((b) => b.label === "Ký bằng tên tôi")!;
    const signed = await said({ kind: "button", data: own.data });
    expect(signed.at(-1)!.text).toContain("— Nguyễn Thị Hoa, Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect(signed.flatMap((m) => m.buttons).map((b) => b.label)).toContain("Ký bằng tên đơn vị");
    await said({ kind: "button", data: "hta:send" });
    expect(pushed[0]!.text).toContain("— Nguyễn Thị Hoa, Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng");
    expect((await item(app, "HT1"))?.answers[0]?.signedAs).toContain("Nguyễn Thị Hoa");
    await app.close();
  });
});
