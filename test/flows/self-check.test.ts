import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import type { OutboundMessage } from "../../src/core/types.js";
import { registrationFormExpiry } from "../../src/flows/registration/expiry.js";
import { selfCheckExpiry } from "../../src/flows/self-check/expiry.js";
import { expiringTogether, sweepExpiredForms } from "../../src/services/form-expiry.js";
import { testApp } from "../helpers/app.js";
import { QUESTION, answerFrom } from "../helpers/registration-script.js";
import { DAY, person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** Levels by button label prefix (data/self-check.json's scale). */
const LEVEL = (n: number) => `${n} ·`;

type Person = ReturnType<typeof person>;

/** Answers every statement left with `level(i)` (i = the statement's number, from 1), by pressing its button. */
async function answerAll(p: Person, level: (i: number) => number, from = 1): Promise<string> {
  let said = p.hears();
  for (let i = from; ; i++) {
    const m = /Câu (\d+)\/(\d+)/.exec(said);
    if (!m) return said;
    expect(Number(m[1])).toBe(i);
    said = await p.presses(LEVEL(level(i)));
  }
}

async function app0(dir?: string, env: Record<string, string> = {}) {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(dir ?? (await tempDir()), { clock: clock.now, env });
  return { app, clock };
}

describe("the readiness self-check", () => {
  it("asks one statement at a time with the scale, back and stop, and ends with a profile, a chart, the weakest criteria and what to do next", async () => {
    const { app } = await app0();
    const lan = person(app, "telegram", "1001");
    const intro = await lan.says("/tudanhgia");
    expect(intro).toContain("Tự đánh giá mức sẵn sàng tham dự Giải thưởng Chất lượng Quốc gia");
    expect(intro).toContain("26 câu ngắn về 8 nhóm tiêu chí, theo NĐ 37/2026");
    expect(intro).toContain("không phải điểm chấm của Hội đồng");
    expect(intro).toContain("Câu 1/26 · Vai trò của lãnh đạo");
    // 1–4, then 0: a numbered list (Zalo, the terminal) gives "1"–"4" to those levels, and "0" is typed.
    expect(lan.buttonLabels()).toEqual(["1 · Mới bắt đầu", "2 · Có làm, chưa đều", "3 · Làm đều, có đo", "4 · Đo và cải tiến", "0 · Chưa có", "⏸ Dừng"]);
    for (const label of lan.buttonLabels().slice(0, 5)) expect(label.length).toBeLessThanOrEqual(24);

    expect(await lan.presses(LEVEL(1))).toContain("Câu 2/26");
    expect(lan.buttonLabels()).toContain("⬅️ Quay lại");
    // Back: the answer given is ticked and may be changed.
    expect(await lan.presses("Quay lại")).toContain("Câu 1/26");
    expect(lan.buttonLabels()[0]).toBe("✅ 1 · Mới bắt đầu");
    await lan.presses(LEVEL(2));
    // Typed digits work too (Zalo, the terminal); other text asks again.
    expect(await lan.says("3")).toContain("Câu 3/26");
    expect(await lan.says("năm")).toContain("gõ một số từ 0 đến 4");

    // Leadership 2,3,4 → 75%; strategy all 4; the rest 1 except results 0 and the product 2.
    const level = (i: number) => (i <= 3 ? [2, 3, 4][i - 1]! : i <= 6 ? 4 : i >= 20 && i <= 23 ? 0 : i >= 24 ? 2 : 1);
    const result = await answerAll(lan, level, 3);
    expect(result).toContain("Kết quả tự đánh giá mức sẵn sàng");
    expect(result).toContain("chỉ báo để doanh nghiệp tự tham khảo, không phải điểm chấm của Hội đồng");
    expect(result).toContain("• Vai trò của lãnh đạo: 75%");
    expect(result).toContain("• Chiến lược hoạt động: 100%");
    expect(result).toContain("• Kết quả hoạt động: 0%");
    expect(result).toContain("• Chất lượng sản phẩm dự giải: 50%");
    // 0.75×120 + 1×85 + 0.25×(85+90+85+85) + 0×450 = 90 + 85 + 86.25 = 261
    expect(result).toContain("khoảng 261/1.000");
    expect(result).toContain("chưa công bố số điểm");
    expect(result).toContain("1. Kết quả hoạt động (0%)");
    expect(result).toContain("2. Chính sách định hướng vào khách hàng và thị trường (25%)");
    expect(result).toContain("Hỗ trợ của Chương trình NSCL phù hợp: Áp dụng công cụ cải tiến năng suất chất lượng; Chuyển đổi số trong quản trị doanh nghiệp");
    const photo = lan.replies.find((m) => m.attachment);
    expect(photo?.attachment).toMatchObject({ kind: "bytes", mime: "image/png", asPhoto: true });
    expect(lan.buttonLabels()).toEqual(["🤝 Đề nghị hỗ trợ NSCL cho các nội dung này", "📝 Đăng ký tham dự Giải thưởng", "☎️ Liên hệ đơn vị"]);

    const stored = (await app.services.selfCheck.results("telegram:1001")).at(-1)!;
    expect(Object.keys(stored.answers)).toHaveLength(26);
    expect(stored.scores).toMatchObject({ "lanh-dao": 75, "chien-luoc": 100, "khach-hang": 25, "ket-qua": 0, "san-pham": 50 });
    expect(stored.regime).toBe("2026");
    expect(await app.storage.repos.dialogs.get("telegram:1001")).toBeUndefined();

    expect(await lan.presses("Liên hệ đơn vị")).toContain("Sở Khoa học và Công nghệ");
    // The support request starts with the advised kinds already chosen.
    const support = await lan.says("/tudanhgia");
    expect(support).toContain("Câu 1/26");
    await lan.presses("Dừng");
    const [ns] = (await app.conversation.handle(lan.user, { kind: "button", data: "tdg:ns" })).map((m) => toPlainText(m.text));
    // The two weakest (results, then customers) advise these kinds, each once.
    expect(ns).toContain("các nội dung Áp dụng công cụ cải tiến năng suất chất lượng; Chuyển đổi số trong quản trị doanh nghiệp; Xây dựng, áp dụng hệ thống quản lý tiên tiến đã được chọn sẵn");
    const dialog = await app.storage.repos.dialogs.get("telegram:1001");
    expect(dialog?.flow).toBe("register-nscl");
    expect((dialog?.data as { answers: Record<string, unknown> }).answers.kinds).toEqual(["cong-cu-cai-tien", "chuyen-doi-so", "he-thong-quan-ly"]);
    await app.close();
  });

  it("is resumed after a restart where the user stopped, or started again", async () => {
    const dir = await tempDir();
    const first = await app0(dir);
    const lan = person(first.app, "telegram", "1002");
    await lan.says("/tudanhgia");
    await lan.presses(LEVEL(3));
    await lan.presses(LEVEL(3));
    expect(await lan.presses(LEVEL(3))).toContain("Câu 4/26");
    await first.app.close();

    const again = await app0(dir);
    again.clock.advance(2 * 60 * 60 * 1000);
    const back = person(again.app, "telegram", "1002");
    // The next message after a while: where to go on is asked before a digit counts.
    expect(await back.says("2")).toContain("Làm tiếp từ câu 4/26 hay làm lại từ đầu?");
    expect(await back.presses("Làm tiếp")).toContain("Câu 4/26 · Chiến lược hoạt động");
    expect(await back.presses("Dừng")).toContain("Đã tạm dừng ở câu 4/26");
    // Stopped: a question goes to the FAQ, the answers stay.
    expect(await back.says("giải thưởng chất lượng quốc gia là gì")).not.toContain("Câu 4/26");
    expect(await back.says("/tudanhgia")).toContain("đã trả lời 3 câu");
    expect(await back.presses("Làm lại từ đầu")).toContain("Câu 1/26");
    await again.app.close();
  });

  it("is deleted after 30 days untouched, like an unfinished form: by the sweep with a notice, or when the user comes back", async () => {
    const { app, clock } = await app0();
    const sent: { id: string; messages: OutboundMessage[] }[] = [];
    app.outbox.register("telegram", { send: async (id, messages) => (sent.push({ id, messages }), { ok: true }) });
    const lan = person(app, "telegram", "1003");
    const minh = person(app, "telegram", "1004");
    await lan.says("/tudanhgia");
    await lan.presses(LEVEL(2));
    await minh.says("/tudanhgia");
    await minh.presses(LEVEL(4));
    clock.advance(20 * DAY);
    await minh.presses(LEVEL(4));
    const forms = expiringTogether(registrationFormExpiry, selfCheckExpiry);

    expect(await sweepExpiredForms(app, forms, new Date(clock.now().getTime() + 11 * DAY))).toBe(1);
    expect(await app.storage.repos.dialogs.get("telegram:1003")).toBeUndefined();
    expect(sent.map((x) => [x.id, toPlainText(x.messages[0]!.text)])).toEqual([
      ["1003", "Phần tự đánh giá mức sẵn sàng đang làm dở (lần cuối lúc 22/11/2026 10:00) đã hết hạn sau 30 ngày không sử dụng; các câu trả lời đã được xóa. Quý doanh nghiệp có thể làm lại bằng lệnh /tudanhgia."],
    ]);
    // Minh comes back after 31 days, before any sweep: the flow itself says so and keeps nothing.
    clock.advance(31 * DAY);
    expect(await minh.says("3")).toContain("đã hết hạn sau 30 ngày không sử dụng");
    expect(await app.storage.repos.dialogs.get("telegram:1004")).toBeUndefined();
    await app.close();
  });

  it("shows the previous result beside the new one when repeated, keeping the newest five", async () => {
    const { app, clock } = await app0();
    const lan = person(app, "web", "session-selfcheck-0001");
    for (const [n, level] of [[1, 2], [2, 3], [3, 1], [4, 0], [5, 4], [6, 2]] as const) {
      clock.advance(DAY);
      await lan.says("/tudanhgia");
      const said = await answerAll(lan, () => level);
      if (n === 2) {
        expect(said).toContain("So với lần trước (23/11/2026 10:00): trước → nay.");
        expect(said).toContain("• Vai trò của lãnh đạo: 50% → 75%");
      }
    }
    const results = await app.services.selfCheck.results("web:session-selfcheck-0001");
    expect(results.map((r) => r.scores["lanh-dao"])).toEqual([75, 25, 0, 100, 50]);
    await app.close();
  });

  it("is shown under /dulieu and deleted there after a confirmation", async () => {
    const { app } = await app0();
    const lan = person(app, "telegram", "1003");
    await lan.says("/tudanhgia");
    await answerAll(lan, () => 2);
    const data = await lan.says("/dulieu");
    expect(data).toContain("Kết quả tự đánh giá: 1 lần được lưu");
    expect(data).toContain("• Vai trò của lãnh đạo: 50%");
    expect(await lan.presses("Xóa kết quả tự đánh giá")).toContain("Xóa toàn bộ kết quả tự đánh giá");
    expect(await lan.presses("Giữ lại")).toContain("Đã giữ nguyên");
    expect(await app.services.selfCheck.results("telegram:1003")).toHaveLength(1);
    await lan.says("/dulieu");
    await lan.presses("Xóa kết quả tự đánh giá");
    expect(await lan.presses("✅ Xóa")).toContain("Đã xóa toàn bộ kết quả tự đánh giá");
    expect(await app.storage.repos.selfChecks.get("telegram:1003")).toBeUndefined();
    expect(await lan.says("/dulieu")).not.toContain("Kết quả tự đánh giá");
    await app.close();
  });

  it("is seen by an official in /hoso only once attached to the submission; /thongke shows aggregates only", async () => {
    const { app } = await app0(undefined, { OFFICIAL_TELEGRAM_IDS: "777" });
    const lan = person(app, "telegram", "1001");
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
    await lan.presses("Gửi đăng ký");
    const hoa = person(app, "telegram", "777");

    await lan.says("/tudanhgia");
    const result = await answerAll(lan, () => 3);
    expect(result).toContain("đính kèm kết quả này vào hồ sơ đăng ký Giải thưởng (GT-2026-0001)");
    await lan.presses("Không đính kèm");
    expect(await hoa.says("/hoso GT-2026-0001")).not.toContain("Tự đánh giá doanh nghiệp đính kèm");

    await lan.says("/tudanhgia");
    await answerAll(lan, () => 1);
    expect(await lan.presses("Đính kèm vào GT-2026-0001")).toContain("Đã đính kèm kết quả tự đánh giá vào hồ sơ GT-2026-0001");
    const seen = await hoa.says("/hoso GT-2026-0001");
    expect(seen).toContain("Tự đánh giá doanh nghiệp đính kèm");
    expect(seen).toContain("Vai trò của lãnh đạo 25%");
    expect(seen).toContain("Đính kèm kết quả tự đánh giá");

    // Someone else's result is never attached to Lan's submission, whatever the button says.
    const stranger = person(app, "zalo", "4242");
    await stranger.says("/tudanhgia");
    await answerAll(stranger, () => 4);
    expect(await stranger.sendsButtonData("tdg:at:GT-2026-0001")).toContain("Không đính kèm được");
    expect((await app.services.selfCheck.results("zalo:4242")).at(-1)?.attachedTo).toEqual([]);
    expect(await hoa.says("/hoso GT-2026-0001")).toContain("Vai trò của lãnh đạo 25%");

    const stats = await hoa.says("/thongke");
    expect(stats).toContain("Tự đánh giá mức sẵn sàng (số liệu tổng hợp, lần gần nhất của mỗi doanh nghiệp): 2 doanh nghiệp đã làm");
    expect(stats).toContain("Trung bình: Vai trò của lãnh đạo 63%");
    expect(stats).toMatch(/C – Công nghiệp chế biến, chế tạo \(1\): Vai trò của lãnh đạo 25%/);
    expect(stats).toMatch(/chưa có thông tin \(1\): Vai trò của lãnh đạo 100%/);
    // Not to an enterprise.
    expect(await lan.says("/thongke")).not.toContain("Tự đánh giá");
    await app.close();
  });

  it("taken before registering: the award registration asks whether to attach it; without a result nothing is asked", async () => {
    const { app } = await app0(undefined, { OFFICIAL_TELEGRAM_IDS: "777" });
    const lan = person(app, "telegram", "1006");
    await lan.says("/tudanhgia");
    expect(await answerAll(lan, () => 2)).not.toContain("đính kèm kết quả này");
    await lan.says("/dangky gtclqg");
    await answerFrom(lan, "consent", "end", (said, q) => expect(said).toContain(QUESTION[q]));
    expect(await lan.presses("Gửi đăng ký")).toContain("đính kèm kết quả này vào hồ sơ đăng ký Giải thưởng (GT-2026-0001)");
    expect(await lan.presses("Đính kèm vào GT-2026-0001")).toContain("Đã đính kèm kết quả tự đánh giá vào hồ sơ GT-2026-0001");
    expect(await person(app, "telegram", "777").says("/hoso GT-2026-0001")).toContain("Vai trò của lãnh đạo 50%");
    await app.close();
    // Without a result, nothing is asked.
    const other = await app0();
    const minh = person(other.app, "telegram", "1007");
    await minh.says("/dangky gtclqg");
    await answerFrom(minh, "consent", "end", () => {});
    const done = await minh.presses("Gửi đăng ký");
    expect(done).toContain("GT-2026-0001");
    expect(done).not.toContain("đính kèm kết quả");
    await other.app.close();
  });

  it("is offered after /lich and under the award's answers; /start offers to continue one in progress, /huy drops it", async () => {
    const { app } = await app0();
    const lan = person(app, "telegram", "1005");
    await lan.says("/lich");
    expect(lan.buttonLabels()).toContain("🧭 Tự đánh giá mức sẵn sàng");
    expect(await lan.presses("Tự đánh giá mức sẵn sàng")).toContain("Câu 1/26");
    await lan.presses(LEVEL(4));
    expect(await lan.says("/start")).toContain("Làm tiếp từ câu 2/26 hay làm lại từ đầu?");
    expect(await lan.says("/huy")).toContain("Đã hủy bản tự đánh giá đang làm");
    expect(await app.storage.repos.dialogs.get("telegram:1005")).toBeUndefined();
    await lan.says("giải thưởng chất lượng quốc gia gồm 7 tiêu chí nào");
    expect(lan.buttonLabels()).toContain("🧭 Tự đánh giá mức sẵn sàng");
    // Not under the NSCL programme's answers.
    await lan.says("chương trình nscl hỗ trợ những nội dung gì");
    expect(lan.buttonLabels()).not.toContain("🧭 Tự đánh giá mức sẵn sàng");
    await app.close();
  });

  it("changes nothing for a forged or stale button", async () => {
    const { app } = await app0();
    const lan = person(app, "telegram", "1004");
    expect(await lan.sendsButtonData("tdg:a:ld1:4")).toContain("Nút này không còn hiệu lực");
    expect(await lan.sendsButtonData("tdg:a:ld1:9")).toContain("Nút này không còn hiệu lực");
    expect(await lan.sendsButtonData("tdg:dy")).toContain("Chưa có kết quả tự đánh giá nào");
    expect(await app.storage.repos.selfChecks.get("telegram:1004")).toBeUndefined();
    expect(await app.storage.repos.dialogs.get("telegram:1004")).toBeUndefined();
    // An answer to another statement than the one asked is not taken.
    await lan.says("/tudanhgia");
    expect(await lan.sendsButtonData("tdg:a:kq4:4")).toContain("Nút đó thuộc một câu khác");
    expect(lan.hears()).toContain("Câu 1/26");
    // A dialog that does not read (edited, or from another version) starts again, saying so.
    await app.storage.unit(() => app.storage.repos.dialogs.put("telegram:1004", { flow: "self-check", data: { v: 1, at: 99 }, startedAt: "2026-11-22T03:00:00.000Z", updatedAt: "2026-11-22T03:00:00.000Z" }));
    expect(await lan.says("3")).toContain("Không đọc được bản tự đánh giá đang làm dở");
    expect(lan.hears()).toContain("Câu 1/26");
    // An officials' button pressed by an enterprise.
    expect(await lan.sendsButtonData("tk:gtclqg")).toContain("Nút này không còn hiệu lực");
    await app.close();
  });
});
