import { describe, expect, it } from "vitest";
import { report } from "../../bench/lib/report.js";

const load = (updatesPerSecond: number, p99Ms: number) => ({
  updatesPerSecond,
  p50Ms: 1.2,
  p99Ms,
  maxMs: 107,
  stallMaxMs: 40,
  peakRssMb: 279,
  bytesPerUpdate: 1412,
  cpuMsPerUpdate: 0.62,
  registrationsCompleted: 300,
  registrationsStarted: 300,
});

const run = (figures: Record<string, unknown>) => [`=== load ===`, "noise", JSON.stringify({ bench: "all", machine: { cores: 2, cpu: "EPYC", node: "v20.20.2" }, figures })].join("\n");

describe("bench:report", () => {
  it("prints a row per load case and the figures of each benchmark in the run", () => {
    const out = report(
      run({
        load: { results: { "json-large-paced": load(1055, 35), "postgres-large-paced": load(1052, 1250) }, ratio: { twoInstances: 1.27 } },
        "cold-start": { medianMs: 497, worstMs: 516, runs: 5 },
        submissions: { submissions: 5000, shardFiles: 64, totalKb: 7199, reopenMs: 345, oneMoreMs: 5.2, oneMoreBytes: 2042, createMs: 1394 },
      }),
    );
    expect(out).toContain("Machine: 2 × EPYC, Node v20.20.2.");
    expect(out).toContain("| json-large-paced | 1,055 | 1.2 ms | 35 ms | 107 ms | 40 ms | 279 MB | 1,412 | 0.62 ms | 300/300 |");
    expect(out).toContain("| postgres-large-paced | 1,052 | 1.2 ms | 1.3 s |");
    expect(out).toContain("1.27× the updates/s of one");
    expect(out).toContain("Median 497 ms, worst 516 ms of 5");
    expect(out).toContain("5,000 submissions are 7.0 MB in 64 files of ~112 KB");
    // Not in this run: no section for it.
    expect(out).not.toContain("bench:national");
  });

  it("refuses a line that is not the output of `npm run bench -- --json`, naming what is wrong", () => {
    expect(() => report(run({ "cold-start": { medianMs: "fast" } }))).toThrow(/cold-start\.medianMs/);
  });
});
