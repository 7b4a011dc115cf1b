import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toPlainText } from "../../src/core/markup.js";
import { SUBMISSION_FIELDS } from "../../src/domain/fields/fields.js";
import { valueAt, type FieldPath } from "../../src/domain/fields/path.js";
import type { Programme } from "../../src/domain/programmes.js";
import type { Submission } from "../../src/domain/submission.js";
import { buildExport } from "../../src/flows/officials/export.js";
import { gtclqgForm, nsclForm } from "../../src/flows/registration/forms.js";
import { testApp } from "../helpers/app.js";
import { person, testClock } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();

/**
 * A value for every declared field: how it is answered in the form, what is stored, how the owner
 * and the officials read it, and what its export column holds. A field declared without a sample
 * here fails the test: declaring it is not enough, it must reach the record, both views and the export.
 */
interface Sample {
  programme: Programme;
  /** Typed or pressed at the field's question ("press:" a button); a file for the documents. */
  answer: readonly string[] | "file" | null;
  /** Stored at the field's path (objects: at least these members). */
  stored: unknown;
  /** Seen on the owner's and the officials' view. */
  shown: string;
  /** Found in one of the field's export columns; null = the field declares no column. */
  cell: string | null;
}

const SAMPLES: Record<FieldPath, Sample> = {
  consentAt: { programme: "gtclqg", answer: ["press:Đồng ý"], stored: "2026-11-22T03:00:00.000Z", shown: "Đồng ý xử lý dữ liệu: Đồng ý lúc 22/11/2026 10:00", cell: null },
  "organisation.name": { programme: "gtclqg", answer: ["Cong ty TNHH Gom su Thu Nghiem"], stored: "Cong ty TNHH Gom su Thu Nghiem", shown: "Tên tổ chức: Cong ty TNHH Gom su Thu Nghiem", cell: "Cong ty TNHH Gom su Thu Nghiem" },
  "organisation.taxCode": { programme: "gtclqg", answer: ["0314409058"], stored: "0314409058", shown: "Mã số thuế: 0314409058", cell: "0314409058" },
  // "Khác": the award then asks about legal personality (the support request is sent as an enterprise, for the size class).
  "organisation.type": { programme: "gtclqg", answer: ["press:Khác"], stored: "other", shown: "Loại hình: Khác", cell: "Khác" },
  "organisation.legalEntity": { programme: "gtclqg", answer: ["press:Có tư cách pháp nhân"], stored: "yes", shown: "Tư cách pháp nhân: Có tư cách pháp nhân", cell: "Có tư cách pháp nhân" },
  "organisation.foundedOn": { programme: "gtclqg", answer: ["15/3/2019"], stored: { date: "2019-03-15", precision: "day" }, shown: "Ngày thành lập: 15/03/2019", cell: "2019-03-15" },
  "organisation.address": {
    programme: "gtclqg",
    // "&" and "<" as typed: escaped once for the chat, not shown as "&amp;".
    answer: ["Lo A&B <kho 2>, phuong tran bien, dong nai"],
    stored: { text: "Lo A&B <kho 2>, phuong tran bien, dong nai", province: "Đồng Nai" },
    shown: "Địa chỉ: Lo A&B <kho 2>, phuong tran bien, dong nai",
    cell: "Lo A&B <kho 2>, phuong tran bien, dong nai",
  },
  "organisation.sectorGroup": { programme: "gtclqg", answer: ["press:Dịch vụ"], stored: "services", shown: "Lĩnh vực: Dịch vụ", cell: "Dịch vụ" },
  "organisation.vsic": { programme: "gtclqg", answer: ["J"], stored: "vsic2018:J", shown: "Ngành kinh tế: J – Thông tin và truyền thông", cell: "J – Thông tin và truyền thông" },
  "organisation.employees": { programme: "gtclqg", answer: ["45 nguoi"], stored: 45, shown: "Số lao động (BHXH): 45", cell: "45" },
  "organisation.revenueVnd": { programme: "gtclqg", answer: ["1,5 ty"], stored: 1_500_000_000, shown: "Doanh thu: 1,5 tỷ đồng", cell: "1500000000" },
  "organisation.capitalVnd": { programme: "gtclqg", answer: ["20 tỷ"], stored: 20_000_000_000, shown: "Nguồn vốn: 20 tỷ đồng", cell: "20000000000" },
  "organisation.sizeClass": { programme: "nscl", answer: null, stored: "small", shown: "Quy mô (NĐ 80/2021): doanh nghiệp nhỏ", cell: "doanh nghiệp nhỏ" },
  "award.product": { programme: "gtclqg", answer: ["Phan mem quan ly kho"], stored: "Phan mem quan ly kho", shown: "Sản phẩm tham dự: Phan mem quan ly kho", cell: "Phan mem quan ly kho" },
  "award.onMarketSince": { programme: "gtclqg", answer: ["06/2020"], stored: { date: "2020-06-01", precision: "month" }, shown: "Có mặt trên thị trường từ: 06/2020", cell: "2020-06-01" },
  "award.certificates": { programme: "gtclqg", answer: ["iso 9001, khac", "xong"], stored: ["iso9001", "other"], shown: "Chứng nhận: ISO 9001 (quản lý chất lượng)", cell: "ISO 9001 (quản lý chất lượng)" },
  "award.certificatesOther": { programme: "gtclqg", answer: ["HALAL"], stored: "HALAL", shown: "ISO 9001 (quản lý chất lượng), HALAL", cell: "HALAL" },
  "award.priorAward": { programme: "gtclqg", answer: ["press:Giải Bạc Chất lượng Quốc gia"], stored: "silver", shown: "Giải đã đạt: Giải Bạc Chất lượng Quốc gia", cell: "Giải Bạc Chất lượng Quốc gia" },
  "award.priorAwardYear": { programme: "gtclqg", answer: ["2022"], stored: 2022, shown: "Năm đạt giải: 2022", cell: "2022" },
  "award.taxInsuranceDeclared": { programme: "gtclqg", answer: ["press:Chưa đầy đủ"], stored: "no", shown: "Tự khai nghĩa vụ thuế, BHXH (3 năm): Chưa đầy đủ", cell: "Chưa đầy đủ" },
  "award.ministryCouncil": { programme: "gtclqg", answer: ["press:Không rõ"], stored: "unknown", shown: "Thuộc ngành do Bộ có Hội đồng sơ tuyển quản lý: Không rõ", cell: "Không rõ" },
  "support.kinds": { programme: "nscl", answer: ["press:Hệ thống quản lý tiên tiến", "press:Xong (1)"], stored: ["he-thong-quan-ly"], shown: "Nội dung cần hỗ trợ: Xây dựng, áp dụng hệ thống quản lý tiên tiến", cell: "Xây dựng, áp dụng hệ thống quản lý tiên tiến" },
  "support.need": { programme: "nscl", answer: ["Ap dung ISO 9001 cho xuong"], stored: "Ap dung ISO 9001 cho xuong", shown: "Mô tả nhu cầu: Ap dung ISO 9001 cho xuong", cell: "Ap dung ISO 9001 cho xuong" },
  "contact.name": { programme: "gtclqg", answer: ["Nguyen Thi Lan"], stored: "Nguyen Thi Lan", shown: "Người liên hệ: Nguyen Thi Lan", cell: "Nguyen Thi Lan" },
  "contact.position": { programme: "gtclqg", answer: ["Truong phong QLCL"], stored: "Truong phong QLCL", shown: "Truong phong QLCL", cell: "Truong phong QLCL" },
  "contact.phone": { programme: "gtclqg", answer: ["0912 345 678"], stored: "+84912345678", shown: "điện thoại 0912 345 678", cell: "0912 345 678" },
  "contact.email": { programme: "gtclqg", answer: ["Lan@MinhAn.vn"], stored: "lan@minhan.vn", shown: "email lan@minhan.vn", cell: "lan@minhan.vn" },
  documents: { programme: "gtclqg", answer: "file", stored: [{ file: { name: "ho-so.pdf" } }], shown: "Tài liệu: ho-so.pdf", cell: "1" },
};

/** The support request gives the shared fields the same answers as the award registration, under another tax code, as an enterprise. */
const NSCL_TAX_CODE = "0100233488";
const NSCL_ORG_TYPE = "press:Doanh nghiệp";

const sampleOf = (path: FieldPath): Sample => {
  const sample = SAMPLES[path];
  if (!sample) throw new Error(`no sample for the field at ${path}: add one to SAMPLES`);
  return sample;
};

async function register(app: Awaited<ReturnType<typeof testApp>>, programme: Programme, userId: string): Promise<ReturnType<typeof person>> {
  const form = programme === "gtclqg" ? gtclqgForm : nsclForm;
  const who = person(app, "telegram", userId);
  await who.says(`/dangky ${programme}`);
  for (const step of form.steps) {
    // The award year is the submission's own (its code), asked only when the profile cannot tell: not an organisation's field.
    if (step.id === "year") {
      if (who.hears().includes("cho năm giải nào")) await who.presses("2026");
      continue;
    }
    // The classification's version is stored inside the code (vsic2018:J), not as a field of its own.
    if (step.id === "vsicVer") {
      await who.presses("VSIC 2018");
      continue;
    }
    const path = SUBMISSION_FIELDS.find((f) => f.answer?.id === step.id)?.path;
    if (!path) throw new Error(`step ${step.id} is no declared field`);
    const { answer } = sampleOf(path);
    if (answer === "file") {
      await who.sendsFile({ name: "ho-so.pdf", ref: "BQACAgIAAxkBAAIB-9", size: 1000 });
      await who.presses("Xong");
      continue;
    }
    for (const a of step.id === "orgType" && programme === "nscl" ? [NSCL_ORG_TYPE] : (answer ?? [])) {
      if (a.startsWith("press:")) await who.presses(a.slice("press:".length));
      else await who.says(step.id === "taxCode" && programme === "nscl" ? NSCL_TAX_CODE : a);
    }
  }
  expect(who.hears()).toContain("Kiểm tra");
  await who.presses("Gửi đăng ký");
  return who;
}

describe("every declared form field", () => {
  it("has a sample here, and every sample is a declared field", () => {
    const declared = SUBMISSION_FIELDS.map((f) => f.path).sort();
    expect(Object.keys(SAMPLES).sort()).toEqual(declared);
  });

  it("is stored where it is declared, shown to the owner and to the officials, and exported", async () => {
    const clock = testClock("2026-11-22T03:00:00Z");
    const app = await testApp(await tempDir(), { clock: clock.now, env: { OFFICIAL_TELEGRAM_IDS: "777" } });
    const owners = { gtclqg: await register(app, "gtclqg", "2001"), nscl: await register(app, "nscl", "2002") };
    const codes = { gtclqg: "GT-2026-0001", nscl: "NS-2026-0001" } as const;
    const stored: Record<Programme, Submission | undefined> = { gtclqg: await app.services.submissions.get(codes.gtclqg), nscl: await app.services.submissions.get(codes.nscl) };
    const ownerSees = { gtclqg: await owners.gtclqg.says("/tracuu"), nscl: await owners.nscl.says("/tracuu") };
    const official = person(app, "telegram", "777");
    const officialSees = { gtclqg: await official.says(`/hoso ${codes.gtclqg}`), nscl: await official.says(`/hoso ${codes.nscl}`) };

    const label = (key: string) => toPlainText(app.translator.t("vi", key));
    const file = await buildExport(app.services, label, "vi", {}, "csv", clock.now(), "Sở KH&CN Đồng Nai");
    const rows = parse(Buffer.from(file.bytes).toString("utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const rowOf = (programme: Programme) => rows.find((r) => r[label("export-col-code")] === codes[programme])!;

    for (const f of SUBMISSION_FIELDS) {
      const sample = sampleOf(f.path);
      const s = stored[sample.programme];
      expect(s, f.path).toBeDefined();
      const value = valueAt(s!, f.path);
      if (typeof sample.stored === "object" && sample.stored !== null) expect(value, `stored at ${f.path}`).toMatchObject(sample.stored);
      else expect(value, `stored at ${f.path}`).toEqual(sample.stored);

      expect(ownerSees[sample.programme], `the owner sees ${f.path}`).toContain(sample.shown);
      expect(officialSees[sample.programme], `the officials see ${f.path}`).toContain(sample.shown);

      if (sample.cell === null) {
        expect(f.columns, `${f.path} declares no column`).toEqual([]);
        continue;
      }
      const row = rowOf(sample.programme);
      const cells = f.columns.map((c) => {
        expect(Object.keys(row), `a column for ${f.path}`).toContain(label(c.key));
        return row[label(c.key)] ?? "";
      });
      expect(cells.some((c) => c.includes(sample.cell!)), `${f.path} exported: ${cells.join(" | ")}`).toBe(true);
    }
  });
});
