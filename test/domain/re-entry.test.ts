import { describe, expect, it } from "vitest";
import { parseAwardYear, reEntry } from "../../src/domain/re-entry.js";

describe("re-entry after a National Quality Award win", () => {
  it("applies the legacy 2-year wait to Giải Vàng winners, asking the unit exactly at the mark", () => {
    expect(reEntry("gold", 2020, 2025, "legacy")).toEqual({ kind: "may-enter", basis: "gold-legacy" });
    expect(reEntry("gold", 2023, 2025, "legacy")).toEqual({ kind: "borderline" });
    expect(reEntry("gold", 2024, 2025, "legacy")).toEqual({ kind: "not-yet", from: 2027 });
  });

  it("lets Giải Bạc winners enter without limit under NĐ 37/2026, and knows no rule for the rest", () => {
    expect(reEntry("silver", 2025, 2026, "2026")).toEqual({ kind: "may-enter", basis: "silver-2026" });
    expect(reEntry("gold", 2025, 2026, "2026")).toEqual({ kind: "unknown" });
    expect(reEntry("award", 2024, 2025, "legacy")).toEqual({ kind: "unknown" });
    expect(reEntry("silver", 2010, 2012, "legacy")).toEqual({ kind: "unknown" });
  });

  it("reads an award year from 1996 to this year", () => {
    expect(parseAwardYear("năm 2021", 2026)).toEqual({ ok: true, value: 2021 });
    expect(parseAwardYear("2027", 2026).ok).toBe(false);
    expect(parseAwardYear("1995", 2026).ok).toBe(false);
    expect(parseAwardYear("21", 2026).ok).toBe(false);
  });
});
