import { createRequire } from "node:module";

/**
 * Bar charts as PNG, made on the server with nothing fetched at run time: ECharts draws an SVG
 * (its server-side renderer, no DOM, no canvas), resvg turns it into a PNG with Noto Sans from
 * an npm package — a font with every Vietnamese letter, so "Cần bổ sung hồ sơ" keeps its marks
 * whatever fonts the server has (system fonts are not used at all).
 */
export interface BarChart {
  title: string;
  subtitle?: string;
  /** One bar per label, top to bottom. */
  labels: readonly string[];
  values: readonly number[];
  /** The end of the value axis (a percentage: 100); by default it fits the largest value. */
  max?: number;
  width?: number;
  height?: number;
}

export const CHART_FONT_FAMILY = "Noto Sans";
/** Room for the bar labels, in pixels; longer labels wrap onto a second line. */
const LABEL_BAND = 270;

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
];

/** Width for `bars` horizontal bars; the height grows with the number of bars. */
export function chartSize(bars: number): { width: number; height: number } {
  return { width: 900, height: Math.max(240, 110 + bars * 38) };
}

/** Draws horizontal bars (long Vietnamese labels read better on the side) with their values. */
export async function renderBarChart(chart: BarChart): Promise<Uint8Array> {
  // Loaded on first use: ECharts is large and most turns draw nothing.
  const [echarts, { Resvg }] = await Promise.all([import("echarts"), import("@resvg/resvg-js")]);
  const size = chartSize(chart.labels.length);
  const width = chart.width ?? size.width;
  const height = chart.height ?? size.height;
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  let svg: string;
  try {
    instance.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      title: {
        text: chart.title,
        subtext: chart.subtitle ?? "",
        left: "center",
        textStyle: { fontSize: 18, fontWeight: "bold", color: "#1f2328" },
        subtextStyle: { fontSize: 13, color: "#57606a" },
      },
      // A fixed band for the labels: without a canvas ECharts only estimates text widths (Helvetica
      // metrics for ASCII), so a layout fitted to its estimate could clip a label drawn in Noto Sans.
      grid: { left: LABEL_BAND + 36, right: 56, top: chart.subtitle ? 74 : 56, bottom: 36 },
      xAxis: { type: "value", minInterval: 1, ...(chart.max !== undefined ? { max: chart.max } : {}), axisLabel: { fontSize: 12, color: "#57606a" } },
      yAxis: {
        type: "category",
        inverse: true,
        data: [...chart.labels],
        axisLabel: { fontSize: 13, color: "#1f2328", width: LABEL_BAND, overflow: "break", lineHeight: 16 },
        axisTick: { show: false },
      },
      series: [
        {
          type: "bar",
          data: [...chart.values],
          barMaxWidth: 26,
          itemStyle: { color: "#1f6feb" },
          label: { show: true, position: "right", fontSize: 12, color: "#1f2328" },
        },
      ],
    });
    svg = instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: "original" },
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
