import { describe, expect, it } from "vitest";
import { parseCodePrefix } from "../../src/domain/tracking-code.js";
import { listCases } from "../../src/services/case-list.js";
import { testApp } from "../helpers/app.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** Hoa (Telegram 777) is an administrator; eleven award dossiers and two NSCL requests, registered an hour apart. */
async function queueDesk() {
  const clock = testClock("2026-11-01T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const codes: string[] = [];
  for (let i = 1; i <= 13; i++) {
    const programme = i === 5 || i === 9 ? "nscl" : "gtclqg";
    const made = await app.storage.unit(() =>
      app.services.submissions.create(draft({ programme, name: `Công ty TNHH Số ${i}`, taxCode: `0314409058-${String(i).padStart(3, "0")}`, userKey: `telegram:${2000 + i}` }), clock.now()),
    );
    if (!made.ok) throw new Error("duplicate in test setup");
    codes.push(made.submission.code);
    clock.advance(60 * 60 * 1000);
  }
  return { app, clock, codes, hoa: person(app, "telegram", "777") };
}

describe("the officials' queue, /hoso alone", () => {
  it("lists the newest dossiers first, one short line each, a page at a time, filtered by status", async () => {
    const { app, clock, hoa } = await queueDesk();
    const first = await hoa.says("/hoso");
    expect(first).toContain("Hồ sơ mới nhất — 13 hồ sơ, trang 1/2:");
    const lines = first.split("\n").filter((l) => l.startsWith("• "));
    expect(lines).toHaveLength(8);
    // Newest first: the thirteenth registration (the eleventh award dossier) heads the list.
    expect(lines[0]).toBe("• GT-2026-0011 · Công ty TNHH Số 13 · Đã đăng ký · nộp 01/11/2026");
    expect(lines[4]).toBe("• NS-2026-0002 · Công ty TNHH Số 9 · Đã đăng ký · nộp 01/11/2026");
    expect(lines.every((l) => l.length < 80)).toBe(true);
    // The search is still there: the next text is looked for.
    expect(first).toContain("Hoặc gõ mã hồ sơ (hay phần đầu mã, ví dụ GT-2026), mã số thuế hoặc tên tổ chức để tìm.");
    expect(hoa.buttonLabels()).toContain("Trang sau ▶️");
    expect(hoa.buttonLabels()).not.toContain("◀️ Trang trước");

    const second = await hoa.presses("Trang sau ▶️");
    expect(second).toContain("Hồ sơ mới nhất — 13 hồ sơ, trang 2/2:");
    expect(second.split("\n").filter((l) => l.startsWith("• "))).toEqual([
      "• NS-2026-0001 · Công ty TNHH Số 5 · Đã đăng ký · nộp 01/11/2026",
      "• GT-2026-0004 · Công ty TNHH Số 4 · Đã đăng ký · nộp 01/11/2026",
      "• GT-2026-0003 · Công ty TNHH Số 3 · Đã đăng ký · nộp 01/11/2026",
      "• GT-2026-0002 · Công ty TNHH Số 2 · Đã đăng ký · nộp 01/11/2026",
      "• GT-2026-0001 · Công ty TNHH Số 1 · Đã đăng ký · nộp 01/11/2026",
    ]);
    expect(hoa.buttonLabels()).toContain("◀️ Trang trước");

    // One dossier asked for more documents: the filter buttons count by status.
    clock.advance(60 * 60 * 1000);
    const moved = await app.storage.unit(() => app.services.workflow.move("GT-2026-0003", "needs-supplement", { userKey: "telegram:777", role: "admin" }, clock.now(), "Thiếu báo cáo tự đánh giá", "registered"));
    expect(moved.ok).toBe(true);
    await hoa.says("/hoso");
    expect(hoa.buttonLabels()).toEqual(expect.arrayContaining(["Đã đăng ký (12)", "Cần bổ sung hồ sơ (1)"]));
    const supplement = await hoa.presses("Cần bổ sung hồ sơ (1)");
    expect(supplement).toContain("Hồ sơ “Cần bổ sung hồ sơ” — 1 hồ sơ, trang 1/1:");
    expect(supplement).toContain("• GT-2026-0003 · Công ty TNHH Số 3 · Cần bổ sung hồ sơ · nộp 01/11/2026");
    expect(hoa.buttonLabels()).toContain("Tất cả");
    await app.close();
  });

  it("finds the dossiers whose code starts with what was typed, and the case view leads back to the list or a new search", async () => {
    const { app, hoa } = await queueDesk();
    await hoa.says("/hoso");
    const typed = await hoa.says("GT-2026");
    expect(typed).toContain("Hồ sơ có mã bắt đầu bằng GT-2026 — 11 hồ sơ, trang 1/2:");
    expect(typed).not.toContain("NS-2026");
    const ns = await hoa.says("/hoso ns 2026");
    expect(ns).toContain("Hồ sơ có mã bắt đầu bằng NS-2026 — 2 hồ sơ, trang 1/1:");
    expect(ns.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(2);
    expect(await hoa.says("/hoso GT-2025")).toContain("Không có hồ sơ nào có mã bắt đầu bằng GT-2025.");

    // Paging keeps the prefix.
    await hoa.says("/hoso GT-2026");
    const page2 = await hoa.presses("Trang sau ▶️");
    expect(page2).toContain("Hồ sơ có mã bắt đầu bằng GT-2026 — 11 hồ sơ, trang 2/2:");
    expect(page2.split("\n").filter((l) => l.startsWith("• "))).toHaveLength(3);

    // Open a case from the list: it offers a new search and the way back to the list.
    const view = await hoa.presses("GT-2026-0001 · Công ty TNHH Số 1");
    expect(view).toContain("Hồ sơ GT-2026-0001");
    expect(hoa.buttonLabels().slice(-2)).toEqual(["🔎 Tìm lại", "◀️ Danh sách"]);
    expect(await hoa.presses("◀️ Danh sách")).toContain("Hồ sơ mới nhất — 13 hồ sơ, trang 1/2:");
    await hoa.presses("GT-2026-0011");
    expect(await hoa.presses("🔎 Tìm lại")).toContain("Gõ mã hồ sơ (ví dụ GT-2026-0042), mã số thuế hoặc tên tổ chức");
    expect(await hoa.says("so 12")).toContain("Hồ sơ GT-2026-0010");
    await app.close();
  });

  it("answers a queue button pressed (or forged) by someone who is not an official as a button that does not exist", async () => {
    const { app, hoa } = await queueDesk();
    await hoa.says("/hoso");
    const lan = person(app, "telegram", "2001");
    const stale = await lan.sendsButtonData("hq:all:1");
    expect(stale).toContain("Nút này không còn hiệu lực");
    expect(stale).not.toContain("GT-2026");
    expect(await lan.sendsButtonData("hq:registered:2:GT-2026")).not.toContain("GT-2026-0001");
    expect(await lan.says("/hoso")).toContain("Trợ lý không có lệnh /hoso");
    // Malformed data from an official changes nothing either.
    expect(await hoa.sendsButtonData("hq:all:1:GT-2026-0001-9")).toContain("Nút này không còn hiệu lực");
    await app.close();
  });
});

describe("listCases, the plain function the desks share", () => {
  it("filters by programme, status, year and code prefix, pages newest first, and refuses a bad query", async () => {
    const { app } = await queueDesk();
    const repo = app.services.submissionRecords;
    const all = await listCases(repo, { page: 1, pageSize: 5 });
    expect(all.ok && { total: all.list.total, pages: all.list.pages, codes: all.list.rows.map((r) => r.code) }).toEqual({
      total: 13,
      pages: 3,
      codes: ["GT-2026-0011", "GT-2026-0010", "GT-2026-0009", "GT-2026-0008", "NS-2026-0002"],
    });
    const nscl = await listCases(repo, { programme: "nscl", page: 1, pageSize: 10 });
    expect(nscl.ok && nscl.list.rows.map((r) => [r.code, r.organisation, r.status])).toEqual([
      ["NS-2026-0002", "Công ty TNHH Số 9", "registered"],
      ["NS-2026-0001", "Công ty TNHH Số 5", "registered"],
    ]);
    // A page past the end gives the last one.
    const past = await listCases(repo, { codePrefix: "GT-2026-001", page: 9, pageSize: 1 });
    expect(past.ok && [past.list.page, past.list.pages, past.list.rows[0]?.code]).toEqual([2, 2, "GT-2026-0010"]);
    expect(await listCases(repo, { year: 2025, page: 1, pageSize: 8 })).toMatchObject({ ok: true, list: { total: 0, rows: [] } });
    expect(await listCases(repo, { codePrefix: "GT%", page: 1, pageSize: 8 })).toEqual({ ok: false, error: { key: "case-list-invalid" } });
    expect(await listCases(repo, { page: 1, pageSize: 500 })).toEqual({ ok: false, error: { key: "case-list-invalid" } });
    await app.close();
  });

  it("reads the start of a code as typed", () => {
    expect(["GT-2026", "gt 2026", "gt2026", "ns", "GT-2026-00", "gt-20"].map(parseCodePrefix)).toEqual(["GT-2026", "GT-2026", "GT-2026", "NS", "GT-2026-00", "GT-20"]);
    expect(["GTX", "2026", "GT-20-1", "minh an"].map(parseCodePrefix)).toEqual([null, null, null, null]);
  });
});
