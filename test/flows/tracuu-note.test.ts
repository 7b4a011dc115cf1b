import { describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const NOTE = "Bản báo cáo tự đánh giá cần có chữ ký của giám đốc";
const ITEM_NOTE = "Thiếu phần tiêu chí 5 <kết quả>";

describe("the official's 'cần bổ sung' note in /tracuu", () => {
  it("shows the owner (their own submissions) the latest note and the items wanted; someone holding only the code sees the status alone", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: "telegram:1001" }), clock.now()));
    const code = made.ok ? made.submission.code : "";
    const hoa = person(app, "telegram", "777", "Trần Thị Hoa");
    const lan = person(app, "telegram", "1001");
    const stranger = person(app, "telegram", "5000");

    // Before any request: nothing of the kind.
    expect(await lan.says("/tracuu")).not.toContain("cần bổ sung</b>");
    expect(await lan.says("/tracuu")).not.toContain("📌");

    // Hoa marks one item, then asks for more documents with a note. (The notice cannot reach Lan here: no channel runs.)
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("📋 Báo cáo tự đánh giá 07 tiêu chí");
    await hoa.presses("⚠️ Cần bổ sung");
    await hoa.says(ITEM_NOTE);
    clock.advance(60 * 60 * 1000);
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Cần bổ sung hồ sơ");
    await hoa.says(NOTE);
    expect((await app.services.submissions.get(code))?.status).toBe("needs-supplement");

    const own = await lan.says("/tracuu");
    expect(own).toContain(`📌 Hồ sơ ${code} cần bổ sung (cán bộ yêu cầu lúc 22/11/2026 11:00).`);
    expect(own).toContain(`Ghi chú của cán bộ phụ trách: ${NOTE}`);
    expect(own).toContain("Các mục cần bổ sung:");
    expect(own).toContain(`: ${ITEM_NOTE}`);
    // The request comes before the details.
    expect(own.indexOf("📌")).toBeLessThan(own.indexOf("Tên tổ chức"));

    // The code alone: the status, never the note or the items.
    const byCode = await stranger.says(`/tracuu ${code}`);
    expect(byCode).toContain("Cần bổ sung hồ sơ");
    expect(byCode).not.toContain(NOTE);
    expect(byCode).not.toContain("tiêu chí 5");
    expect(byCode).not.toContain("📌");
    // Lan typing her own code gets the public answer too: the note is in /tracuu alone.
    expect(await lan.says(`/tracuu ${code}`)).not.toContain(NOTE);
    // Someone else's /tracuu alone lists nothing of hers.
    expect(await stranger.says("/tracuu")).not.toContain(code);

    // Once the documents are received, the request is no longer shown.
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Đã nhận hồ sơ");
    await hoa.presses("Chuyển, không kèm ghi chú");
    expect(await lan.says("/tracuu")).not.toContain("📌");
    await app.close();
  });

  it("names the required items not sent yet when the official marked none", async () => {
    const app = await testApp(await tempDir(), { env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    const made = await app.storage.unit(() => app.services.submissions.create(draft({ userKey: "telegram:1001" }), new Date()));
    const code = made.ok ? made.submission.code : "";
    const hoa = person(app, "telegram", "777");
    await hoa.says(`/hoso ${code}`);
    await hoa.presses("→ Cần bổ sung hồ sơ");
    await hoa.presses("Chuyển, không kèm ghi chú");
    const own = await person(app, "telegram", "1001").says("/tracuu");
    expect(own).toContain(`📌 Hồ sơ ${code} cần bổ sung`);
    expect(own).not.toContain("Ghi chú của cán bộ phụ trách");
    expect(own).toContain("Các mục bắt buộc chưa nộp:");
    expect(own).toContain("• Đơn đăng ký tham dự");
    await app.close();
  });
});
