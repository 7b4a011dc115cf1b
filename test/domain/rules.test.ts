import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { awardYearFor, rulesFor, regimeFor, awardYearChoice } from "../../src/domain/award-year.js";
import { marketEligibility, operationEligibility } from "../../src/domain/eligibility.js";
import { PROGRAMMES } from "../../src/domain/programmes.js";
import { SIZE_CLASSES, sizeClassOf } from "../../src/domain/size-class.js";
import { STATUSES, STATUS_IDS, isOpen } from "../../src/domain/statuses.js";
import { CERTIFICATES, ORG_TYPES, SECTOR_GROUPS } from "../../src/domain/submission.js";
import { formatTrackingCode } from "../../src/domain/tracking-code.js";
import { VSIC2018_SECTIONS, sizeSectorOfVsic } from "../../src/domain/vsic.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { localesDir } from "../../src/paths.js";

const TY = 1e9;

describe("size class under NĐ 80/2021", () => {
  it.each([
    ["industry", 8, 2 * TY, null, "micro"],
    ["industry", 8, 5 * TY, 2 * TY, "micro"],
    ["industry", 45, 1.5 * TY, null, "small"],
    ["industry", 100, 50 * TY, null, "small"],
    ["industry", 101, 50 * TY, null, "medium"],
    ["industry", 150, 300 * TY, 90 * TY, "medium"],
    ["industry", 150, 300 * TY, 120 * TY, "large"],
    ["industry", 250, 1 * TY, 1 * TY, "large"],
    ["trade-services", 8, 9 * TY, null, "micro"],
    ["trade-services", 8, 12 * TY, 2 * TY, "micro"],
    ["trade-services", 50, 100 * TY, null, "small"],
    ["trade-services", 60, 50 * TY, null, "medium"],
    ["trade-services", 101, 1 * TY, null, "large"],
  ] as const)("%s, %d employees, revenue %d, capital %s → %s", (sector, employees, revenueVnd, capitalVnd, expected) => {
    expect(sizeClassOf({ sector, employees, revenueVnd, capitalVnd })).toBe(expected);
  });

  it("cannot tell without revenue or capital", () => {
    expect(sizeClassOf({ sector: "industry", employees: 5, revenueVnd: null, capitalVnd: null })).toBeNull();
  });

  it("takes the sector group from the VSIC section (A–F industry, the rest trade and services)", () => {
    expect(sizeSectorOfVsic("vsic2018:C")).toBe("industry");
    expect(sizeSectorOfVsic("vsic2018:F")).toBe("industry");
    expect(sizeSectorOfVsic("vsic2018:G")).toBe("trade-services");
  });
});

describe("eligibility (today 22/11/2026)", () => {
  const today = "2026-11-22";
  it("counts 36 months of operation to the day", () => {
    expect(operationEligibility({ date: "2023-11-22", precision: "day" }, today)).toEqual({ kind: "eligible" });
    expect(operationEligibility({ date: "2023-11-23", precision: "day" }, today)).toEqual({ kind: "not-yet", from: "2026-11-23", exact: true });
    expect(operationEligibility({ date: "2025-02-28", precision: "day" }, today)).toEqual({ kind: "not-yet", from: "2028-02-28", exact: true });
  });

  it("asks for the day when a month or year leaves it open, and gives the latest date otherwise", () => {
    expect(operationEligibility({ date: "2023-01-01", precision: "year" }, today)).toEqual({ kind: "need-day" });
    expect(operationEligibility({ date: "2023-11-01", precision: "month" }, today)).toEqual({ kind: "need-day" });
    expect(operationEligibility({ date: "2022-01-01", precision: "year" }, today)).toEqual({ kind: "eligible" });
    expect(operationEligibility({ date: "2024-01-01", precision: "year" }, today)).toEqual({ kind: "not-yet", from: "2027-12-31", exact: false });
  });

  it("needs 12 months on the market only under the 2026 rules", () => {
    const since = { date: "2026-03-15", precision: "day" } as const;
    expect(marketEligibility(since, today, "2026")).toEqual({ kind: "not-yet", from: "2027-03-15", exact: true });
    expect(marketEligibility(since, today, "legacy")).toEqual({ kind: "eligible" });
    expect(marketEligibility({ date: "2025-11-22", precision: "day" }, today, "2026")).toEqual({ kind: "eligible" });
  });
});

describe("award year and rules", () => {
  const cycle = (year: number, deadline: string | null, registrationEnd: string | null = null): Timeline["cycles"][number] => ({
    programme: "gtclqg",
    year,
    rules: "2026",
    rulesConfirmed: false,
    source: "test",
    reviewed: "2026-11-22",
    phases: [
      { id: "registration", start: null, end: registrationEnd, source: "test" },
      { id: "dossier-deadline", start: deadline, end: deadline, source: "test" },
    ],
  });
  const now = new Date("2026-11-22T03:00:00Z");

  it("is this year unless the province timeline says its registration has closed", () => {
    expect(awardYearFor({ typical: [], cycles: [] }, "gtclqg", now)).toBe(2026);
    expect(awardYearFor({ typical: [], cycles: [cycle(2026, null)] }, "gtclqg", now)).toBe(2026);
    expect(awardYearFor({ typical: [], cycles: [cycle(2026, "2026-07-31")] }, "gtclqg", now)).toBe(2027);
    expect(awardYearFor({ typical: [], cycles: [cycle(2026, "2026-12-31", "2026-11-30")] }, "gtclqg", now)).toBe(2026);
    expect(awardYearFor({ typical: [], cycles: [cycle(2026, "2026-12-31", "2026-10-31")] }, "gtclqg", now)).toBe(2027);
  });

  it("applies the 2026 rules from 2026 unless the cycle says otherwise", () => {
    expect(rulesFor({ typical: [], cycles: [] }, "gtclqg", 2025)).toBe("legacy");
    expect(rulesFor({ typical: [], cycles: [] }, "gtclqg", 2026)).toBe("2026");
    expect(rulesFor({ typical: [], cycles: [{ ...cycle(2026, null), rules: "legacy" }] }, "gtclqg", 2026)).toBe("legacy");
  });

  it("asks which award year only when the profile has no dates for this year and the usual intake is over", () => {
    const none = { typical: [], cycles: [cycle(2026, null)] };
    expect(awardYearChoice(none, "gtclqg", new Date("2026-05-10T03:00:00Z"))).toEqual({ year: 2026 });
    expect(awardYearChoice(none, "gtclqg", new Date("2026-07-31T03:00:00Z"))).toEqual({ year: 2026 });
    expect(awardYearChoice(none, "gtclqg", new Date("2026-12-04T03:00:00Z"))).toEqual({ ask: [2026, 2027] });
    expect(awardYearChoice({ typical: [], cycles: [] }, "gtclqg", new Date("2026-08-01T03:00:00Z"))).toEqual({ ask: [2026, 2027] });
    // Dates in the profile decide: registration open until 31/12 → this year; closed → next year.
    expect(awardYearChoice({ typical: [], cycles: [cycle(2026, "2026-12-31", "2026-12-31")] }, "gtclqg", new Date("2026-12-04T03:00:00Z"))).toEqual({ year: 2026 });
    expect(awardYearChoice({ typical: [], cycles: [cycle(2026, "2026-07-31")] }, "gtclqg", new Date("2026-12-04T03:00:00Z"))).toEqual({ year: 2027 });
  });

  it("says whether the regime of an award year is confirmed: never by default from 2026, as the profile says otherwise", () => {
    expect(regimeFor({ typical: [], cycles: [] }, "gtclqg", 2027)).toEqual({ rules: "2026", confirmed: false, source: null });
    expect(regimeFor({ typical: [], cycles: [] }, "gtclqg", 2024)).toEqual({ rules: "legacy", confirmed: true, source: null });
    expect(regimeFor({ typical: [], cycles: [cycle(2026, null)] }, "gtclqg", 2026)).toEqual({ rules: "2026", confirmed: false, source: "test" });
    const set = { ...cycle(2026, null), rulesConfirmed: true, rulesSource: "Công văn xác nhận" };
    expect(regimeFor({ typical: [], cycles: [set] }, "gtclqg", 2026)).toEqual({ rules: "2026", confirmed: true, source: "Công văn xác nhận" });
  });
});

describe("statuses and codes", () => {
  it("lists each programme's workflow in one place, starting registered and able to end withdrawn", () => {
    expect(STATUSES.gtclqg.map((s) => s.id)).toEqual([
      "registered", "dossier-received", "needs-supplement", "desk-review", "onsite-review", "shortlisted",
      "not-shortlisted", "national-council", "gold-award", "award", "not-awarded", "withdrawn",
    ]);
    expect(STATUSES.nscl.map((s) => s.id)).toEqual(["registered", "eligible", "ineligible", "in-plan", "in-progress", "acceptance", "completed", "withdrawn"]);
    expect(STATUSES.gtclqg.filter((s) => s.final).map((s) => s.id)).toEqual(["not-shortlisted", "gold-award", "award", "not-awarded", "withdrawn"]);
    expect(STATUSES.nscl.filter((s) => s.final).map((s) => s.id)).toEqual(["ineligible", "completed", "withdrawn"]);
    expect(STATUSES.gtclqg.filter((s) => s.awaitsDossier).map((s) => s.id)).toEqual(["registered", "needs-supplement"]);
    expect(isOpen("nscl", "desk-review")).toBe(false);
    expect(new Set([...STATUSES.gtclqg, ...STATUSES.nscl].map((s) => s.id))).toEqual(new Set(STATUS_IDS));
  });

  it("has a label in both languages for every status, size class, choice and VSIC section", () => {
    const t = loadTranslator(localesDir);
    const keys = [
      ...PROGRAMMES.flatMap((p) => STATUSES[p].map((s) => s.labelKey)),
      ...SIZE_CLASSES.map((c) => `size-${c}`),
      ...ORG_TYPES.map((o) => `reg-org-type-${o}`),
      ...SECTOR_GROUPS.map((g) => `reg-sector-${g}`),
      ...CERTIFICATES.map((c) => `cert-${c}`),
      ...VSIC2018_SECTIONS.map((s) => `vsic2018-${s.code.toLowerCase()}`),
    ];
    for (const key of keys) {
      expect(t.has("vi", key), `vi:${key}`).toBe(true);
      expect(t.has("en", key), `en:${key}`).toBe(true);
    }
  });

  it("formats tracking codes per programme and year", () => {
    expect(formatTrackingCode("gtclqg", 2026, 42)).toBe("GT-2026-0042");
    expect(formatTrackingCode("nscl", 2026, 7)).toBe("NS-2026-0007");
    expect(formatTrackingCode("gtclqg", 2026, 12345)).toBe("GT-2026-12345");
  });
});
