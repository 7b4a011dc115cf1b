import { describe, expect, it } from "vitest";
import type { PartialDate } from "../../src/domain/dates.js";
import { foundingEligibility, readFoundingQuestion } from "../../src/domain/founding-question.js";

const month = (date: string): PartialDate => ({ date, precision: "month" });
const year = (date: string): PartialDate => ({ date, precision: "year" });
const day = (date: string): PartialDate => ({ date, precision: "day" });

describe("a founding date asked against the award's 36-month rule", () => {
  it.each([
    ["thanh lap thang 3/2024 co du dieu kien khong", month("2024-03-01")],
    ["Công ty thành lập tháng 3/2024 có đủ điều kiện dự giải không?", month("2024-03-01")],
    ["cty em thanh lap 03/2024 da du dieu kien tham du giai thuong chat luong chua", month("2024-03-01")],
    ["thành lập tháng 11 năm 2023 thì bao giờ được dự giải", month("2023-11-01")],
    ["doanh nghiep thanh lap thang 7-2022 co du 36 thang de tham du gtclqg khong", month("2022-07-01")],
    ["công ty tôi thành lập năm 2023, có đủ điều kiện tham dự Giải thưởng Chất lượng Quốc gia không", year("2023-01-01")],
    ["thanh lap 2023 duoc du giai chua", year("2023-01-01")],
    ["DN thành lập ngày 15/3/2023 có đủ điều kiện dự giải không", day("2023-03-15")],
    ["thanh lap ngay 1 thang 2 nam 2022 co du dieu kien tham du khong", day("2022-02-01")],
    ["We were founded in March 2023, can we apply for the award?", month("2023-03-01")],
    ["founded in 2023, are we eligible for the National Quality Award", year("2023-01-01")],
    ["company established on 15 March 2022, can we enter the award", day("2022-03-15")],
    ["established March 15, 2022 — eligible?", day("2022-03-15")],
    ["năm 2026 công ty thành lập tháng 5/2023 có được tham dự không", month("2023-05-01")],
  ])("reads %s", (q, expected) => {
    expect(readFoundingQuestion(q)).toEqual(expected);
  });

  it.each([
    // A year in another question is not a founding date.
    "kế hoạch năng suất chất lượng của tỉnh Bắc Giang năm 2023",
    "ke hoach giai thuong chat luong dong nai nam 2024",
    "han nop ho so nam 2026 la khi nao",
    "giai thuong nam 2024 co bao nhieu doanh nghiep dat",
    // The founding date without asking about entering.
    "cong ty thanh lap nam 2023 can lam gi de ap dung iso",
    // The NSCL support has no 36-month rule.
    "doanh nghiep thanh lap nam 2024 co duoc ho tro nang suat chat luong khong",
    // Entering without a date: the knowledge base answers it.
    "cong ty moi thanh lap 2 nam co du dieu kien du giai khong",
    "founded two years ago, can we apply",
    "how do we set up 5S to enter the award in 2027",
  ])("leaves %s to the search", (q) => {
    expect(readFoundingQuestion(q)).toBeNull();
  });

  it("is eligible once 36 months have passed, whatever the day of a month or year given", () => {
    expect(foundingEligibility(month("2023-03-01"), "2026-12-04")).toEqual({ kind: "eligible" });
    expect(foundingEligibility(day("2023-12-04"), "2026-12-04")).toEqual({ kind: "eligible" });
    expect(foundingEligibility(year("2022-01-01"), "2026-01-01")).toEqual({ kind: "eligible" });
  });

  it("says from when when not yet: the same day 36 months on, and the latest day for a month or year", () => {
    expect(foundingEligibility(day("2023-12-05"), "2026-12-04")).toEqual({ kind: "not-yet", earliest: "2026-12-05", latest: "2026-12-05" });
    expect(foundingEligibility(month("2024-03-01"), "2026-12-04")).toEqual({ kind: "not-yet", earliest: "2027-03-01", latest: "2027-03-31" });
    expect(foundingEligibility(year("2024-01-01"), "2026-12-04")).toEqual({ kind: "not-yet", earliest: "2027-01-01", latest: "2027-12-31" });
  });

  it("says it depends on the day when the reference falls inside the founding period 36 months on", () => {
    expect(foundingEligibility(month("2023-12-01"), "2026-12-04")).toEqual({ kind: "depends", earliest: "2026-12-01", latest: "2026-12-31" });
    expect(foundingEligibility(year("2023-01-01"), "2026-12-04")).toEqual({ kind: "depends", earliest: "2026-01-01", latest: "2026-12-31" });
  });
});
