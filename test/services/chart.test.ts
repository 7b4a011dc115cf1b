import { describe, expect, it } from "vitest";
import { chartSize, renderBarChart } from "../../src/services/chart.js";
import { decodePng } from "../helpers/png.js";

const LABELS = ["Đã đăng ký", "Cần bổ sung hồ sơ", "Đạt Giải Vàng Chất lượng Quốc gia", "Đã rút hồ sơ"];

/** Share of the pixels in a box that are clearly not white. */
function ink(png: ReturnType<typeof decodePng>, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (png.pixels[i]! + png.pixels[i + 1]! + png.pixels[i + 2]! < 600) dark++;
    }
  }
  return dark / ((x1 - x0) * (y1 - y0));
}

describe("bar chart", () => {
  it("renders a PNG that decodes at the expected size, with bars whose lengths follow the values", async () => {
    const png = decodePng(await renderBarChart({ title: "Giải thưởng Chất lượng Quốc gia 2026 — hồ sơ theo tình trạng", subtitle: "Đồng Nai · 22/11/2026", labels: LABELS, values: [40, 10, 0, 20] }));
    expect({ width: png.width, height: png.height }).toEqual(chartSize(LABELS.length));
    expect(png.width).toBe(900);
    // Something is drawn: the title band and the plot hold ink; the corners are white background.
    expect(ink(png, 0, 0, 40, 40)).toBe(0);
    expect(ink(png, 200, 5, 700, 40)).toBeGreaterThan(0.02);
    // Each bar is a horizontal run of the bar colour (#1f6feb): the longest value, the longest run.
    const runs = LABELS.map((_, i) => {
      const plotTop = 74;
      const rowHeight = (png.height - plotTop - 16 - 20) / LABELS.length;
      const y = Math.round(plotTop + rowHeight * (i + 0.5));
      let run = 0;
      for (let x = 0; x < png.width; x++) {
        const p = (y * png.width + x) * 4;
        if (Math.abs(png.pixels[p]! - 0x1f) < 12 && Math.abs(png.pixels[p + 1]! - 0x6f) < 12 && Math.abs(png.pixels[p + 2]! - 0xeb) < 12) run++;
      }
      return run;
    });
    expect(runs[0]).toBeGreaterThan(runs[3]!);
    expect(runs[3]).toBeGreaterThan(runs[1]!);
    expect(runs[1]).toBeGreaterThan(0);
    expect(runs[2]).toBe(0);
  });

  it("grows with the number of bars", async () => {
    const many = Array.from({ length: 12 }, (_, i) => `Tình trạng số ${i + 1} — ${"ếđươ".repeat(3)}`);
    const png = decodePng(await renderBarChart({ title: "Kiểm tra", labels: many, values: many.map((_, i) => i) }));
    expect(png.height).toBe(chartSize(12).height);
    expect(png.height).toBeGreaterThan(chartSize(4).height);
  });
});
