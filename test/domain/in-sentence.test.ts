import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { LOCALES } from "../../src/core/types.js";
import { parseAddress } from "../../src/domain/address.js";
import { parseCount } from "../../src/domain/count.js";
import { parsePastDate } from "../../src/domain/dates.js";
import { UNDERSTOOD, foldSameLength, withoutLeadIn } from "../../src/domain/in-sentence.js";
import { parseMoney } from "../../src/domain/money.js";
import { parseNeed, parseOrgName, parsePersonName, parsePosition, parseProduct } from "../../src/domain/names.js";
import { PHONE_PATTERN, parsePhone } from "../../src/domain/phone.js";
import type { Parsed } from "../../src/domain/result.js";
import { parseTaxCode } from "../../src/domain/tax-code.js";
import { listPieces } from "../../src/flows/forms/engine.js";
import { isYes } from "../../src/flows/forms/words.js";
import { readIntent } from "../../src/flows/intents/read.js";
import { loadVnProvinces } from "../../src/knowledge/vn-provinces.js";
import { dataDir, localesDir } from "../../src/paths.js";

/**
 * Values inside a sentence (issue 15): every parser finds its value among words, and marks it as
 * understood so the form says what it took; a plain answer is read as before, with no such remark.
 */
const NOW = new Date("2026-11-22T03:00:00Z");
const provinces = loadVnProvinces(dataDir);
const translator = loadTranslator(localesDir);

const valueOf = <T>(r: Parsed<T>) => (r.ok ? r.value : undefined);
const errorOf = <T>(r: Parsed<T>) => (r.ok ? undefined : r.error.key);
const noteOf = <T>(r: Parsed<T>) => (r.ok ? r.note?.key : undefined);

describe("the remark keys exist in both languages", () => {
  it.each([UNDERSTOOD.key, "understand-several", "understand-money-foreign", "understand-phone-foreign"])("%s", (key) => {
    for (const locale of LOCALES) expect(translator.has(locale, key), `${locale}:${key}`).toBe(true);
  });
});

describe("tax code among words", () => {
  it.each([
    ["mst la 3603295302", "3603295302"],
    ["MST: 0314409058 ạ", "0314409058"],
    ["mã số thuế cty em 0314 409 058", "0314409058"],
    ["chi nhanh 0314409058-002", "0314409058-002"],
  ])("%j → %s, understood", (input, code) => {
    const r = parseTaxCode(input);
    expect(valueOf(r)).toBe(code);
    expect(noteOf(r)).toBe(UNDERSTOOD.key);
  });

  it("a code typed alone carries no remark", () => {
    expect(parseTaxCode("3603295302")).toEqual({ ok: true, value: "3603295302" });
  });

  it.each([
    ["mst la 0314409059", "val-tax-checksum"],
    ["mst 0314409058 hoac 0100233488", "understand-several"],
    ["mst em chua co", "val-tax-digits"],
  ])("%j is refused with %s", (input, key) => {
    expect(errorOf(parseTaxCode(input))).toBe(key);
  });
});

describe("a date after năm / từ / since / in", () => {
  it.each([
    ["thành lập năm 2019", "2019-01-01", "year"],
    ["tu nam 2020", "2020-01-01", "year"],
    ["since 2016", "2016-01-01", "year"],
    ["March 2015", "2015-03-01", "month"],
    ["in March 2015", "2015-03-01", "month"],
    ["March 15, 2015", "2015-03-15", "day"],
    ["15th March 2015", "2015-03-15", "day"],
    ["we started in Sep 2018", "2018-09-01", "month"],
    ["cty thành lập ngày 15 tháng 3 năm 2019 ạ", "2019-03-15", "day"],
    ["bán ra thị trường từ tháng 6/2021", "2021-06-01", "month"],
  ])("%j → %s (%s)", (input, date, precision) => {
    expect(valueOf(parsePastDate(input, NOW))).toEqual({ date, precision });
  });

  it("a date typed alone carries no remark; one found in words does", () => {
    expect(noteOf(parsePastDate("2019", NOW))).toBeUndefined();
    expect(noteOf(parsePastDate("thành lập năm 2019", NOW))).toBe(UNDERSTOOD.key);
  });

  it.each([
    ["từ 2018 đến 2020", "val-date-format"],
    ["since 2030", "val-date-future"],
    ["chưa nhớ", "val-date-format"],
  ])("%j is refused with %s", (input, key) => {
    expect(errorOf(parsePastDate(input, NOW))).toBe(key);
  });

  it("'máy' typed without marks is not May", () => {
    expect(valueOf(parsePastDate("mua may 2019", NOW))).toEqual({ date: "2019-01-01", precision: "year" });
    expect(valueOf(parsePastDate("May 2019", NOW))).toEqual({ date: "2019-05-01", precision: "month" });
  });
});

describe("an amount with its unit after doanh thu", () => {
  it.each([
    ["doanh thu 12,5 tỷ", 12_500_000_000],
    ["doanh thu năm 2025 là 12,5 tỷ đồng", 12_500_000_000],
    ["khoảng 800 triệu một năm", 800_000_000],
    ["revenue was 120 billion VND", 120_000_000_000],
    ["vốn điều lệ: 5 tỷ", 5_000_000_000],
  ])("%j → %d", (input, vnd) => {
    const r = parseMoney(input);
    expect(valueOf(r)).toBe(vnd);
    expect(noteOf(r)).toBe(UNDERSTOOD.key);
  });

  it("an amount typed alone carries no remark", () => {
    expect(parseMoney("12,5 tỷ")).toEqual({ ok: true, value: 12_500_000_000 });
  });

  it.each(["USD 120 million", "120 triệu USD", "$5m", "3 million euros", "khoảng 2 triệu đô la"])("%j is asked again in đồng, never converted", (input) => {
    const r = parseMoney(input);
    expect(errorOf(r)).toBe("understand-money-foreign");
  });

  it.each([
    ["doanh thu 200", "val-money-unit"],
    ["doanh thu chua co", "val-money-invalid"],
  ])("%j is refused with %s", (input, key) => {
    expect(errorOf(parseMoney(input))).toBe(key);
  });
});

describe("a head count in a sentence", () => {
  it.each([
    ["công ty có 45 lao động đóng BHXH", 45],
    ["we have 85 staff", 85],
    ["tổng cộng 1.200 người từ 2019", 1200],
  ])("%j → %d", (input, n) => {
    expect(valueOf(parseCount(input))).toBe(n);
  });

  it("two numbers are not guessed between", () => {
    expect(parseCount("45 nam 30 nu").ok).toBe(false);
  });
});

describe("a yes after ok", () => {
  it.each(["ok dong y", "ok vay", "Ok vậy", "vâng, em đồng ý ạ", "yes I agree", "đồng ý", "ok", "được"])("%j is a yes", (text) => {
    expect(isYes(text)).toBe(true);
  });
  it.each(["không đồng ý", "ok nhưng không", "ok vay toi muon dang ky tham gia giai", "no", "chưa đồng ý", "đồng ý một phần được không"])("%j is not", (text) => {
    expect(isYes(text)).toBe(false);
  });
});

describe("phones with a country code", () => {
  it.each([
    ["+82 10 1234 5678", "+821012345678"],
    ["0082 10 1234 5678", "+821012345678"],
    ["+1 (202) 555-0143", "+12025550143"],
  ])("%j → %s where the field takes foreign numbers", (input, e164) => {
    const r = parsePhone(input, { foreign: true });
    expect(valueOf(r)).toBe(e164);
    expect(noteOf(r)).toBe("understand-phone-foreign");
    expect(PHONE_PATTERN.test(e164)).toBe(true);
  });

  it("is refused where the field does not", () => {
    expect(errorOf(parsePhone("+82 10 1234 5678"))).toBe("val-phone-foreign");
  });

  it.each([
    ["sđt 0912 345 678 ạ", "+84912345678"],
    ["my phone is +82 10 1234 5678", "+821012345678"],
  ])("%j inside a sentence → %s", (input, e164) => {
    expect(valueOf(parsePhone(input, { foreign: true }))).toBe(e164);
  });

  it("Vietnamese numbers stored as before still match the stored pattern", () => {
    expect(PHONE_PATTERN.test("+84912345678")).toBe(true);
    expect(PHONE_PATTERN.test("+842513822123")).toBe(true);
    expect(PHONE_PATTERN.test("+8491234")).toBe(false);
  });
});

describe("addresses written the English way", () => {
  it.each([
    ["Lot A5, Nhon Trach 3 Industrial Park, Hiep Phuoc commune, Nhon Trach district, Dong Nai province", { commune: "Hiep Phuoc commune", province: "Đồng Nai", legacy: true }],
    ["Hiep Phuoc commune, Nhon Trach district", { commune: "Hiep Phuoc commune", province: "Đồng Nai", legacy: true }],
    ["Lot A5, Nhon Trach 3 Industrial Park, Dong Nai", { commune: null, province: "Đồng Nai", legacy: false }],
    ["12 Nguyen Du, Tran Bien ward, Dong Nai", { commune: "Tran Bien ward", communeKey: "tran bien ward", province: "Đồng Nai", legacy: false }],
    ["KCN Nhơn Trạch 3, Đồng Nai", { commune: null, province: "Đồng Nai", legacy: false }],
  ])("%j", (input, expected) => {
    expect(valueOf(parseAddress(input, provinces, "Đồng Nai"))).toMatchObject(expected);
  });

  it("an industrial park alone, with no province, still needs the commune", () => {
    expect(errorOf(parseAddress("Nhon Trach 3 Industrial Park", provinces, null))).toBe("val-address-commune");
  });
});

describe("free text cleaned of a lead-in", () => {
  it.each([
    ["à thôi để sản phẩm là Nước mắm cá cơm Xanh", "Nước mắm cá cơm Xanh"],
    ["tên công ty là Công ty TNHH Thực phẩm Xanh", "Công ty TNHH Thực phẩm Xanh"],
    ["sản phẩm: Hạt điều rang muối", "Hạt điều rang muối"],
    ["my name is John Smith", "John Smith"],
    ["ok, our product is Frozen shrimp", "Frozen shrimp"],
  ])("%j → %j", (input, rest) => {
    expect(withoutLeadIn(input)).toBe(rest);
  });

  it.each(["Nước mắm là số 1", "Công ty TNHH Là Việt", "Nguyễn Văn A - Giám đốc", "Hạt điều rang muối"])("%j has no lead-in", (input) => {
    expect(withoutLeadIn(input)).toBeNull();
  });

  it("the parsers keep the value and say so", () => {
    const product = parseProduct("à thôi để sản phẩm là Nước mắm cá cơm Xanh");
    expect(valueOf(product)).toBe("Nước mắm cá cơm Xanh");
    expect(noteOf(product)).toBe(UNDERSTOOD.key);
    expect(valueOf(parseOrgName("tên cty là Công ty CP Hưng Phát"))).toBe("Công ty CP Hưng Phát");
    expect(valueOf(parsePersonName("người liên hệ là Trần Thị Mai"))).toBe("Trần Thị Mai");
    expect(valueOf(parsePosition("chức vụ: Giám đốc"))).toBe("Giám đốc");
    expect(valueOf(parseNeed("nhu cầu là áp dụng ISO 22000 cho xưởng"))).toBe("áp dụng ISO 22000 cho xưởng");
    // Typed plainly: as before, no remark.
    expect(parseProduct("Nước mắm cá cơm Xanh")).toEqual({ ok: true, value: "Nước mắm cá cơm Xanh" });
  });

  it("folds one character for one", () => {
    const text = "Đồng Nai, Nhơn Trạch — ỐC";
    expect(foldSameLength(text)).toHaveLength(text.length);
    expect(foldSameLength(text)).toBe("dong nai, nhon trach — oc");
  });
});

describe("no input makes a reader throw", () => {
  it("for any text, words and digits mixed", () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom("mst", "là", "năm", "từ", "since", "March", "doanh thu", "tỷ", "USD", "+82", "ok", "đồng ý", "hủy", "GT-2026-", "0314409058", "12,5", " ", ", ", ":"));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        parseTaxCode(text);
        parsePastDate(text, NOW);
        parseMoney(text);
        parseCount(text);
        parsePhone(text, { foreign: true });
        parseAddress(text, provinces, "Đồng Nai");
        parseProduct(text);
        withoutLeadIn(text);
        isYes(text);
        readIntent(text);
        listPieces(text);
      }),
      { numRuns: 500 },
    );
  });
});
