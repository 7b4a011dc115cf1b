import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * The percentile of every benchmark, by nearest rank: the smallest of the ascending `sorted`
 * samples with at least a fraction `p` (0–1) of them at or below it — p 0.5 is the median (the
 * lower one of an even count), p 0.99 of 100 samples the 99th, p 1 the largest.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** The median of samples in any order. */
export function median(samples: readonly number[]): number {
  return percentile([...samples].sort((a, b) => a - b), 0.5);
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
