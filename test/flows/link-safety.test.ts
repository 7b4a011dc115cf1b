import { describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { toPlainText } from "../../src/core/markup.js";
import type { Button, ChannelName } from "../../src/core/types.js";
import { testApp } from "../helpers/app.js";
import { QUESTION, answerFrom } from "../helpers/registration-script.js";
import { draft } from "../helpers/submission-draft.js";
import { DAY, person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const CODE = "GT-2026-0001";
const HOUR = 60 * 60 * 1000;
const UNIT = "liên hệ Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng";

interface Delivered {
  to: string;
  text: string;
  markup: string;
  buttons: Button[];
}

/** Lan registers GT-2026-0001 on Telegram; every channel's outbox is recorded. */
async function setup() {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now });
  const delivered: Delivered[] = [];
  for (const channel of ["telegram", "zalo", "web"] as const) {
    app.outbox.register(channel, {
      send: async (id, messages) => {
        for (const m of messages) delivered.push({ to: `${channel}:${id}`, text: toPlainText(m.text), markup: m.text, buttons: (m.buttons ?? []).flat() });
        return { ok: true };
      },
    });
  }
  const lan = person(app, "telegram", "1001");
  await lan.says("/dangky gtclqg");
  await answerFrom(lan, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
  await lan.presses("Gửi đăng ký");
  const to = (key: string) => delivered.filter((m) => m.to === key);
  const button = (m: Delivered | undefined, label: string) => m?.buttons.find((b) => b.label.includes(label))?.data ?? "none";
  return { app, clock, lan, to, button };
}

/** A submission registered directly (another enterprise), for its owner to be a requester with a name, or a second target. */
async function registerDirectly(app: App, userKey: string, taxCode: string, extra: { org?: string; contactName?: string } = {}) {
  const d = draft({ userKey, taxCode, programme: "nscl", name: extra.org });
  const created = await app.storage.unit(() => app.services.submissions.create({ ...d, contact: { ...d.contact!, name: extra.contactName ?? d.contact!.name } }, new Date("2026-11-22T03:00:00Z")));
  if (!created.ok) throw new Error("fixture");
  return created.submission.code;
}

/** Minh on Zalo asks to follow Lan's submission and Lan agrees. */
async function linkedMinh(s: Awaited<ReturnType<typeof setup>>, channel: ChannelName = "zalo", id = "777") {
  const minh = person(s.app, channel, id);
  expect(await minh.says(`/lienket ${CODE}`)).toContain("Trợ lý đã gửi yêu cầu xác nhận tới tài khoản Telegram");
  expect(await s.lan.sendsButtonData(s.button(s.to("telegram:1001").at(-1), "Đồng ý"))).toContain("Đã đồng ý");
  return minh;
}

describe("linking another account to a submission (issue 19)", () => {
  it("tells the owner who asks — channel, the name known, when — and what the account could do, with user text escaped", async () => {
    const s = await setup();
    await registerDirectly(s.app, "zalo:777", "0100109106", { org: "Công ty <Hòa> & Co", contactName: "Trần Văn Minh" });
    const minh = person(s.app, "zalo", "777");
    expect(await minh.says(`/lienket ${CODE}`)).toContain("kèm kênh của tài khoản này và tên người liên hệ trong hồ sơ do tài khoản này đăng ký");
    const [question] = s.to("telegram:1001");
    expect(question?.text).toContain(`Có yêu cầu theo dõi hồ sơ ${CODE}:\n• Từ: một tài khoản Zalo; người yêu cầu là Trần Văn Minh (Công ty <Hòa> & Co), theo hồ sơ do tài khoản đó đăng ký\n• Lúc: 22/11/2026 10:00`);
    expect(question?.markup).toContain("Công ty &lt;Hòa&gt; &amp; Co");
    expect(question?.text).toContain("tài khoản đó sẽ xem được tình trạng và toàn bộ thông tin của hồ sơ (kể cả thông tin người liên hệ) và nhận các thông báo về hồ sơ");
    expect(question?.text).toContain("Việc rút hồ sơ hoặc xóa thông tin liên hệ từ tài khoản đó vẫn cần Quý doanh nghiệp xác nhận; Quý doanh nghiệp có thể hủy liên kết bất cứ lúc nào trong /dulieu.");
    expect(question?.buttons.map((b) => b.label)).toEqual(["Đồng ý", "Không đồng ý"]);

    // Someone the bot knows nothing of is said to be unknown.
    await person(s.app, "web", "stranger-session-000001").says(`/lienket ${CODE}`);
    expect(s.to("telegram:1001").at(-1)?.text).toContain("• Từ: một tài khoản trang trò chuyện trên web; trợ lý không biết tên người yêu cầu (tài khoản đó chưa đăng ký hồ sơ nào)");
    await s.app.close();
  });

  it("lists the linked accounts in the owner's /dulieu with an unlink each; only the owner's press unlinks, and the account is told", async () => {
    const s = await setup();
    const minh = await linkedMinh(s);
    expect(await minh.says("/tracuu")).toContain("Nguyen Thi Lan");

    const data = await s.lan.says("/dulieu");
    expect(data).toContain(`Tài khoản liên kết với hồ sơ ${CODE} (xem được hồ sơ và nhận thông báo):\n• Zalo, liên kết lúc 22/11/2026 10:00`);
    expect(s.lan.buttonLabels()).toEqual([`Rút hồ sơ ${CODE}`, `Hủy liên kết Zalo (22/11/2026 10:00) khỏi ${CODE}`]);
    const unlink = s.lan.replies.flatMap((m) => (m.buttons ?? []).flat()).find((b) => b.label.startsWith("Hủy liên kết"))!.data;
    // The linked account sees no unlink buttons of its own, nor the list.
    expect(await minh.says("/dulieu")).not.toContain("Tài khoản liên kết với hồ sơ");

    // Forged presses (the linked account itself, a stranger) change nothing.
    expect(await minh.sendsButtonData(unlink)).toContain("Không tìm thấy hồ sơ này");
    expect(await person(s.app, "web", "stranger-session-000001").sendsButtonData(unlink)).toContain("Không tìm thấy hồ sơ này");
    expect((await s.app.services.submissions.get(CODE))?.linked.map((l) => l.userKey)).toEqual(["zalo:777"]);

    expect(await s.lan.sendsButtonData(unlink)).toBe(`Đã hủy liên kết: tài khoản Zalo kia không còn xem được hồ sơ ${CODE}.`);
    expect(s.to("zalo:777").at(-1)?.text).toBe(`Tài khoản đã đăng ký hồ sơ ${CODE} đã hủy liên kết với tài khoản này: từ nay tài khoản này không xem và không nhận thông báo về hồ sơ.`);
    expect((await s.app.services.submissions.get(CODE))?.linked).toEqual([]);
    expect(await minh.says("/tracuu")).not.toContain("Nguyen Thi Lan");
    expect(await minh.says(`/tracuu ${CODE}`)).not.toContain("Nguyen Thi Lan");
    expect((await s.app.services.audit.about(CODE)).map((e) => [e.action, e.actor.userKey, e.detail]).slice(-2)).toEqual([
      ["linked", "telegram:1001", "zalo:777"],
      ["unlinked", "telegram:1001", "zalo:777"],
    ]);
    expect(await s.lan.sendsButtonData(unlink)).toContain("không còn liên kết");
    await s.app.close();
  });

  it("asks the owner before a linked account's withdrawal or contact removal takes effect; nothing changes before, a decline keeps it", async () => {
    const s = await setup();
    const minh = await linkedMinh(s);
    await minh.says("/dulieu");
    expect(await minh.presses(`Rút hồ sơ ${CODE}`)).toContain("được đăng ký từ một tài khoản khác; đề nghị rút hồ sơ sẽ được gửi tới tài khoản đó để xác nhận");
    expect(await minh.presses("Xác nhận rút hồ sơ")).toBe(`Đã gửi đề nghị tới tài khoản Telegram đã đăng ký hồ sơ ${CODE}. Hồ sơ chưa thay đổi cho đến khi tài khoản đó xác nhận.`);
    const status = async () => (await s.app.services.submissions.get(CODE))?.status;
    expect(await status()).toBe("registered");
    const ask = s.to("telegram:1001").at(-1);
    expect(ask?.text).toBe(`Tài khoản Zalo liên kết với hồ sơ ${CODE} (Cong ty TNHH San xuat Minh An) đề nghị rút hồ sơ (lúc 22/11/2026 10:00). Hồ sơ chưa thay đổi. Quý doanh nghiệp có xác nhận rút hồ sơ không?`);
    expect(ask?.buttons.map((b) => b.label)).toEqual(["✅ Xác nhận", "Không đồng ý"]);
    // The linked account cannot confirm for the owner, even with the right button data.
    expect(await minh.sendsButtonData(s.button(ask, "Xác nhận"))).toContain("Không tìm thấy hồ sơ này");
    expect(await status()).toBe("registered");

    expect(await s.lan.sendsButtonData(s.button(ask, "Không đồng ý"))).toBe(`Đã giữ nguyên hồ sơ ${CODE}, không có thay đổi nào.`);
    expect(s.to("zalo:777").at(-1)?.text).toBe(`Tài khoản đã đăng ký hồ sơ ${CODE} không đồng ý đề nghị vừa gửi; hồ sơ giữ nguyên.`);
    expect(await status()).toBe("registered");

    // Confirmed: withdrawn by the owner, and the linked account is told.
    expect(await s.lan.sendsButtonData(s.button(ask, "Xác nhận"))).toContain(`Đã rút hồ sơ ${CODE}; hồ sơ được giữ lại để lưu trữ.`);
    expect(await status()).toBe("withdrawn");
    expect((await s.app.services.submissions.get(CODE))?.statusHistory.at(-1)?.by).toEqual({ kind: "enterprise", userKey: "telegram:1001" });
    expect(s.to("zalo:777").at(-1)?.text).toBe(`Tài khoản đã đăng ký hồ sơ ${CODE} đã xác nhận: hồ sơ đã được rút và giữ lại để lưu trữ.`);
    expect(await s.lan.sendsButtonData(s.button(ask, "Xác nhận"))).toContain("đã kết thúc nên không thể rút");

    // Removing the contact is asked the same way.
    await minh.says("/dulieu");
    expect(await minh.presses("Xóa thông tin liên hệ")).toContain("Hồ sơ chưa thay đổi cho đến khi tài khoản đó xác nhận");
    expect((await s.app.services.submissions.get(CODE))?.contact?.name).toBe("Nguyen Thi Lan");
    const removal = s.to("telegram:1001").at(-1);
    expect(removal?.text).toContain("đề nghị xóa thông tin người liên hệ");
    expect(await s.lan.sendsButtonData(s.button(removal, "Xác nhận"))).toContain(`Đã xóa thông tin người liên hệ khỏi hồ sơ ${CODE}.`);
    expect((await s.app.services.submissions.get(CODE))?.contact).toBeNull();
    expect(s.to("zalo:777").at(-1)?.text).toContain("thông tin người liên hệ đã được xóa khỏi hồ sơ");
    await s.app.close();
  });

  it("refuses a 4th request within the hour from one account and a 4th to one submission within the day; the owner hears no more", async () => {
    const s = await setup();
    const second = await registerDirectly(s.app, "telegram:2002", "0100109106");
    const a = person(s.app, "zalo", "901");
    for (const code of [CODE, CODE, second]) expect(await a.says(`/lienket ${code}`)).toContain("đã gửi yêu cầu xác nhận");
    expect(await a.says(`/lienket ${second}`)).toBe(
      `Tài khoản này đã gửi nhiều yêu cầu liên kết trong một giờ qua. Quý doanh nghiệp vui lòng thử lại sau 22/11/2026 11:00, hoặc ${UNIT}, Sở Khoa học và Công nghệ tỉnh Đồng Nai (tại trụ sở Sở hoặc Trung tâm Phục vụ hành chính công của tỉnh).`,
    );
    expect(s.to("telegram:1001")).toHaveLength(2);
    expect(s.to("telegram:2002")).toHaveLength(1);

    // Many anonymous web sessions at one owner: three messages, then refusals.
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) answers.push(await person(s.app, "web", `flood-session-${String(i).padStart(8, "0")}`).says(`/lienket ${CODE}`));
    expect(answers[0]).toContain("đã gửi yêu cầu xác nhận");
    for (const refused of answers.slice(1)) expect(refused).toContain("Hồ sơ này đã nhận nhiều yêu cầu liên kết trong ngày. Quý doanh nghiệp vui lòng thử lại sau 23/11/2026 10:00");
    expect(s.to("telegram:1001")).toHaveLength(3);

    // Declining does not make room; the limits pass with time.
    await s.lan.sendsButtonData(s.button(s.to("telegram:1001")[0], "Không đồng ý"));
    expect(await person(s.app, "zalo", "902").says(`/lienket ${CODE}`)).toContain("Hồ sơ này đã nhận nhiều yêu cầu liên kết trong ngày");
    s.clock.advance(HOUR + 60_000);
    expect(await a.says(`/lienket ${second}`)).toContain("đã gửi yêu cầu xác nhận");
    expect(await a.says(`/lienket ${CODE}`)).toContain("Hồ sơ này đã nhận nhiều yêu cầu liên kết trong ngày");
    s.clock.advance(DAY);
    expect(await person(s.app, "zalo", "902").says(`/lienket ${CODE}`)).toContain("đã gửi yêu cầu xác nhận");
    expect(s.to("telegram:1001")).toHaveLength(4);
    await s.app.close();
  });
});
