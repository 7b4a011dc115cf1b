import { monitorEventLoopDelay } from "node:perf_hooks";

/** The value at fraction `p` (0–1) of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
}

export interface RunMonitor {
  stop(): { stallMaxMs: number; peakRssMb: number };
}

/** Longest event-loop stall (perf_hooks) and peak RSS, sampled while a run goes on. */
export function monitorRun(): RunMonitor {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  return {
    stop() {
      clearInterval(timer);
      delay.disable();
      peak = Math.max(peak, process.memoryUsage().rss);
      return { stallMaxMs: round(delay.max / 1e6), peakRssMb: round(peak / 1024 / 1024) };
    },
  };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** `--json` prints the figures as one line at the end, so runs can be compared. */
export function wantsJson(): boolean {
  return process.argv.includes("--json");
}

export function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
