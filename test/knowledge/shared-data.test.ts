import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProvince } from "../../src/knowledge/province.js";
import { loadSupportKinds } from "../../src/knowledge/support-kinds.js";
import { dossierDeadline, type Timeline } from "../../src/domain/timeline.js";
import { dataDir } from "../../src/paths.js";

describe("shared data files", () => {
  it("loads every province profile", () => {
    const ids = readdirSync(path.join(dataDir, "provinces")).map((f) => f.replace(/\.json$/, ""));
    expect(ids).toContain("dong-nai");
    for (const id of ids) expect(loadProvince(dataDir, id).id).toBe(id);
  });

  it("loads the NSCL support kinds, each with a source and a review date", () => {
    const kinds = loadSupportKinds(dataDir);
    expect(kinds.length).toBeGreaterThanOrEqual(10);
    for (const k of kinds) expect(k.source).toMatch(/seed 00\d/);
  });

  it("gives the dossier deadline only when an official has filled it in", () => {
    const timeline: Timeline = {
      typical: [],
      cycles: [
        { programme: "gtclqg", year: 2026, rules: "2026", rulesConfirmed: false, source: "x", reviewed: "2026-11-22", phases: [{ id: "dossier-deadline", start: null, end: null, source: "x" }] },
        { programme: "gtclqg", year: 2027, rules: "2026", rulesConfirmed: false, source: "x", reviewed: "2026-11-22", phases: [{ id: "dossier-deadline", start: "2027-06-30", end: "2027-06-30", source: "x" }] },
      ],
    };
    expect(dossierDeadline(timeline, "gtclqg", 2026)).toBeNull();
    expect(dossierDeadline(timeline, "gtclqg", 2027)).toBe("2027-06-30");
    expect(dossierDeadline(timeline, "nscl", 2027)).toBeNull();
  });
});
