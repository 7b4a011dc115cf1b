import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { LOCALES } from "../../src/core/types.js";
import { parseAddress } from "../../src/domain/address.js";
import { parseCount } from "../../src/domain/count.js";
import { parsePastDate } from "../../src/domain/dates.js";
import { parseEmail } from "../../src/domain/email.js";
import { parseMoney } from "../../src/domain/money.js";
import { parseNeed, parseOrgName, parsePersonName } from "../../src/domain/names.js";
import { PHONE_PATTERN, formatPhone, parsePhone } from "../../src/domain/phone.js";
import type { Parsed } from "../../src/domain/result.js";
import { TAX_CODE_PATTERN, parseTaxCode, taxCheckDigit } from "../../src/domain/tax-code.js";
import { parseTrackingCode } from "../../src/domain/tracking-code.js";
import { vsic2018SectionOf } from "../../src/domain/vsic.js";
import { loadVnProvinces } from "../../src/knowledge/vn-provinces.js";
import { dataDir, localesDir } from "../../src/paths.js";

const NOW = new Date("2026-11-22T03:00:00Z");
const provinces = loadVnProvinces(dataDir);
const translator = loadTranslator(localesDir);

const valueOf = <T>(r: Parsed<T>) => (r.ok ? r.value : undefined);
const errorOf = <T>(r: Parsed<T>) => (r.ok ? undefined : r.error.key);

/** Every message key a validator returned exists in both languages. */
function expectKnownKey(key: string | undefined) {
  if (key === undefined) return;
  for (const locale of LOCALES) expect(translator.has(locale, key), `${locale}:${key}`).toBe(true);
}

describe("tax code (MST)", () => {
  it.each([
    ["0100233488", "0100233488"],
    ["0314409058", "0314409058"],
    ["0312687878", "0312687878"],
    ["0100112437", "0100112437"],
    ["0314.409.058", "0314409058"],
    [" 0314 409 058 ", "0314409058"],
    ["0314409058-002", "0314409058-002"],
    ["0314409058 002", "0314409058-002"],
    ["0100233488-001", "0100233488-001"],
  ])("accepts %j as %s", (input, stored) => {
    expect(valueOf(parseTaxCode(input))).toBe(stored);
  });

  it.each([
    ["0100233480", "val-tax-checksum"],
    ["0314409059", "val-tax-checksum"],
    ["0300000000", "val-tax-checksum"],
    ["031440905", "val-tax-length"],
    ["03144090581", "val-tax-length"],
    ["012345678901", "val-tax-personal"],
    ["0314409058-000", "val-tax-branch"],
    ["03144O9058", "val-tax-digits"],
    ["MST 0314409058 0100233488", "understand-several"],
    ["", "val-tax-empty"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(parseTaxCode(input))).toBe(key);
    expectKnownKey(key);
  });

  it("refuses every code that differs from a valid one in a single digit", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), fc.nat(9), fc.integer({ min: 1, max: 9 }), (digits, position, delta) => {
        const first9 = digits.join("");
        const check = taxCheckDigit(first9);
        fc.pre(check !== null && first9.slice(2, 9) !== "0000000");
        const valid = `${first9}${check}`;
        expect(parseTaxCode(valid).ok).toBe(true);
        const changed = valid.slice(0, position) + String((Number(valid[position]) + delta) % 10) + valid.slice(position + 1);
        expect(parseTaxCode(changed).ok).toBe(false);
      }),
    );
  });
});

describe("phone numbers", () => {
  it.each([
    ["0912 345 678", "+84912345678"],
    ["+84 912345678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["+84 (0) 912 345 678", "+84912345678"],
    ["0868-123-456", "+84868123456"],
    ["(0251) 3822 123", "+842513822123"],
    ["0251 3822 123", "+842513822123"],
    ["024 3825 1234", "+842438251234"],
  ])("normalises %j to %s", (input, e164) => {
    expect(valueOf(parsePhone(input))).toBe(e164);
  });

  it("accepts an unknown mobile prefix with a remark instead of refusing it", () => {
    const result = parsePhone("0550 123 456");
    expect(result.ok && result.value).toBe("+84550123456");
    expect(result.ok && result.note?.key).toBe("val-phone-unknown-prefix");
  });

  it.each([
    ["091234567", "val-phone-length"],
    ["09123456789", "val-phone-length"],
    ["0123456789", "val-phone-invalid"],
    ["+1 202 555 0143", "val-phone-foreign"],
    ["0912-345-67a", "val-phone-chars"],
    ["không có", "val-phone-chars"],
    ["", "val-phone-empty"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(parsePhone(input))).toBe(key);
    expectKnownKey(key);
  });

  it("reads numbers back the way people write them", () => {
    expect(formatPhone("+84912345678")).toBe("0912 345 678");
    expect(formatPhone("+842513822123")).toBe("0251 3822 123");
  });
});

describe("email addresses", () => {
  it.each([
    ["lan@minhan.vn", "lan@minhan.vn"],
    ["Lan.Nguyen@MinhAn.com.vn", "lan.nguyen@minhan.com.vn"],
    [" info@congty.vn ", "info@congty.vn"],
    ["mailto:qa@congty.vn", "qa@congty.vn"],
    ["lan+dangky@gmail.com.", "lan+dangky@gmail.com"],
  ])("accepts %j as %s", (input, stored) => {
    expect(valueOf(parseEmail(input))).toBe(stored);
  });

  it.each([
    ["lan@", "val-email-invalid"],
    ["lan minhan.vn", "val-email-space"],
    ["lan.minhan.vn", "val-email-at"],
    ["lan@@minhan.vn", "val-email-at"],
    ["lan@minhan", "val-email-invalid"],
    ["lân@minhan.vn", "val-email-invalid"],
    ["a@b.c", "val-email-invalid"],
    ["", "val-email-empty"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(parseEmail(input))).toBe(key);
    expectKnownKey(key);
  });
});

describe("money", () => {
  it.each([
    ["1,5 tỷ", 1_500_000_000],
    ["1.5 tỷ đồng", 1_500_000_000],
    ["1,5 ty", 1_500_000_000],
    ["200 triệu", 200_000_000],
    ["200 trieu dong", 200_000_000],
    ["800tr", 800_000_000],
    ["1.500.000.000", 1_500_000_000],
    ["1,500,000,000", 1_500_000_000],
    ["1 500 000 000", 1_500_000_000],
    ["1500000000 VNĐ", 1_500_000_000],
    ["1 tỷ 200 triệu", 1_200_000_000],
    ["2.5 billion", 2_500_000_000],
    ["1.500 tỷ", 1_500_000_000_000],
    ["500 nghìn", 500_000],
    ["0", 0],
  ])("reads %j as %d đồng", (input, vnd) => {
    expect(valueOf(parseMoney(input))).toBe(vnd);
  });

  it.each([
    ["200", "val-money-unit"],
    ["1,5", "val-money-unit"],
    ["1.50.000", "val-money-invalid"],
    ["2 triệu 1 tỷ", "val-money-invalid"],
    ["khoảng một tỷ", "val-money-invalid"],
    ["-5 tỷ", "val-money-negative"],
    ["10000000 tỷ", "val-money-too-large"],
    ["", "val-money-empty"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(parseMoney(input))).toBe(key);
    expectKnownKey(key);
  });
});

describe("dates (today is 22/11/2026 in Vietnam)", () => {
  it.each([
    ["15/3/2019", "2019-03-15", "day"],
    ["15-03-2019", "2019-03-15", "day"],
    ["15.03.2019", "2019-03-15", "day"],
    ["2019-03-15", "2019-03-15", "day"],
    ["ngày 15 tháng 3 năm 2019", "2019-03-15", "day"],
    ["03/2019", "2019-03-01", "month"],
    ["3/2019", "2019-03-01", "month"],
    ["tháng 3/2019", "2019-03-01", "month"],
    ["thang 3 nam 2019", "2019-03-01", "month"],
    ["2019", "2019-01-01", "year"],
    ["năm 2019", "2019-01-01", "year"],
    ["22/11/2026", "2026-11-22", "day"],
  ])("reads %j", (input, date, precision) => {
    expect(valueOf(parsePastDate(input, NOW))).toEqual({ date, precision });
  });

  it.each([
    ["31/2/2019", "val-date-invalid"],
    ["32/1/2020", "val-date-invalid"],
    ["13/2019", "val-date-invalid"],
    ["15/3/19", "val-date-year"],
    ["23/11/2026", "val-date-future"],
    ["2027", "val-date-future"],
    ["1850", "val-date-too-old"],
    ["hôm qua", "val-date-format"],
    ["", "val-date-empty"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(parsePastDate(input, NOW))).toBe(key);
    expectKnownKey(key);
  });

  it("takes today in Vietnam, not in UTC", () => {
    // 17:30 UTC on 21/11 is already 22/11 in Vietnam.
    expect(parsePastDate("22/11/2026", new Date("2026-11-21T17:30:00Z")).ok).toBe(true);
    expect(parsePastDate("22/11/2026", new Date("2026-11-21T16:30:00Z")).ok).toBe(false);
  });
});

describe("addresses (two-tier since 1/7/2025)", () => {
  it.each([
    ["Phường Trấn Biên, Đồng Nai", { commune: "Phường Trấn Biên", communeKey: "phuong tran bien", province: "Đồng Nai", legacy: false }],
    ["phuong tran bien, tinh dong nai", { commune: "phuong tran bien", communeKey: "phuong tran bien", province: "Đồng Nai", legacy: false }],
    ["Số 5 Nguyễn Ái Quốc, Xã Long Thành, tỉnh Đồng Nai, Việt Nam", { commune: "Xã Long Thành", province: "Đồng Nai", legacy: false }],
    ["Đặc khu Phú Quốc, An Giang", { commune: "Đặc khu Phú Quốc", province: "An Giang", legacy: false }],
    ["Phường Sài Gòn, TP HCM", { commune: "Phường Sài Gòn", province: "Hồ Chí Minh", legacy: false }],
    // Old addresses: a district, or a province merged on 1/7/2025.
    ["KP 3, P. Tân Tiến, TP Biên Hòa, Đồng Nai", { commune: "P. Tân Tiến", province: "Đồng Nai", legacy: true }],
    ["Quận 1, TP Hồ Chí Minh", { commune: null, province: "Hồ Chí Minh", legacy: true }],
    ["Xã Tiến Hưng, Bình Phước", { commune: "Xã Tiến Hưng", province: "Đồng Nai", legacy: true }],
    ["xa tan my, huyen duc hoa, long an", { commune: "xa tan my", province: "Tây Ninh", legacy: true }],
  ])("reads %j", (input, expected) => {
    expect(valueOf(parseAddress(input, provinces, "Đồng Nai"))).toMatchObject(expected);
  });

  it("assumes the bot's own province when none is written, and says so", () => {
    const result = parseAddress("Phường Trấn Biên", provinces, "Đồng Nai");
    expect(result.ok && result.value.province).toBe("Đồng Nai");
    expect(result.ok && result.note?.key).toBe("val-address-assumed-province");
    expectKnownKey("val-address-assumed-province");
  });

  it.each([
    ["Trấn Biên, Đồng Nai", "val-address-commune"],
    ["123 Phạm Văn Thuận", "val-address-commune"],
    ["abc", "val-address-short"],
    ["12345", "val-address-short"],
    [`Phường ${"A".repeat(300)}`, "val-address-long"],
  ])("refuses %j with %s", (input, key) => {
    expect(errorOf(parseAddress(input, provinces, "Đồng Nai"))).toBe(key);
    expectKnownKey(key);
  });
});

describe("counts, names, sections, codes", () => {
  it.each([
    ["45", 45],
    ["khoảng 120 người", 120],
    ["1.200 lao động", 1200],
    ["~30", 30],
    ["0", 0],
  ])("reads the head count %j", (input, n) => {
    expect(valueOf(parseCount(input))).toBe(n);
  });

  it.each([
    ["-3", "val-count-negative"],
    ["4,5", "val-count-whole"],
    ["nhiều", "val-count-invalid"],
    ["", "val-count-empty"],
  ])("refuses the head count %j with %s", (input, key) => {
    expect(errorOf(parseCount(input))).toBe(key);
    expectKnownKey(key);
  });

  it("tidies names and refuses empty or digit-only ones", () => {
    expect(valueOf(parseOrgName("  Công ty   TNHH  Minh An "))).toBe("Công ty TNHH Minh An");
    expect(errorOf(parseOrgName("1"))).toBe("val-text-short");
    expect(errorOf(parsePersonName("Lan 123"))).toBe("val-person-digits");
    expect(errorOf(parseNeed("ISO"))).toBe("val-text-short");
    expect(errorOf(parseOrgName("x".repeat(301)))).toBe("val-text-long");
    for (const key of ["val-text-short", "val-person-digits", "val-text-long"]) expectKnownKey(key);
  });

  it.each([
    ["C", "C"],
    ["c", "C"],
    ["ngành C", "C"],
    ["1079", "C"],
    ["10790", "C"],
    ["01", "A"],
    ["6201", "J"],
    ["99", "U"],
    ["34", null],
    ["Z", null],
  ])("reads the VSIC 2018 section of %j", (input, section) => {
    expect(vsic2018SectionOf(input)).toBe(section);
  });

  it.each([
    ["gt-2026-42", "GT-2026-0042"],
    ["GT 2026 0042", "GT-2026-0042"],
    ["ns2026-7", "NS-2026-0007"],
    ["GT-2027-12345", "GT-2027-12345"],
    ["XX-2026-1", null],
    ["GT-2026-0", null],
    ["GT-26-1", null],
  ])("reads the tracking code %j", (input, code) => {
    expect(parseTrackingCode(input)?.code ?? null).toBe(code);
  });
});

describe("no input makes a validator throw", () => {
  const anyText = fc.oneof(
    fc.string({ unit: "binary", maxLength: 80 }),
    // Text made of the characters these parsers care about, to reach their deeper branches.
    fc.array(fc.constantFrom(..."0123456789 .,-/+()@:tỷtriệuđngàyháăm"), { maxLength: 40 }).map((a) => a.join("")),
  );

  it("and every answer is either a normalised value or a known message", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const results: Parsed<unknown>[] = [
          parseTaxCode(text),
          parsePhone(text),
          parseEmail(text),
          parseMoney(text),
          parsePastDate(text, NOW),
          parseAddress(text, provinces, "Đồng Nai"),
          parseCount(text),
          parseOrgName(text),
          parsePersonName(text),
        ];
        for (const r of results) {
          if (!r.ok) expect(translator.has("vi", r.error.key) && translator.has("en", r.error.key)).toBe(true);
        }
        const tax = parseTaxCode(text);
        if (tax.ok) expect(tax.value).toMatch(TAX_CODE_PATTERN);
        const phone = parsePhone(text);
        if (phone.ok) expect(phone.value).toMatch(PHONE_PATTERN);
        const money = parseMoney(text);
        if (money.ok) expect(Number.isSafeInteger(money.value) && money.value >= 0).toBe(true);
        const date = parsePastDate(text, NOW);
        if (date.ok) expect(date.value.date <= "2026-11-22").toBe(true);
        expect(() => vsic2018SectionOf(text)).not.toThrow();
        expect(() => parseTrackingCode(text)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });
});
