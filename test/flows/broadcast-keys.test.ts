import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { LOCALES } from "../../src/core/types.js";
import { SECTOR_GROUPS } from "../../src/domain/submission.js";
import { localesDir, projectRoot } from "../../src/paths.js";
import { JOB_STATES } from "../../src/domain/records/broadcast-job.js";

const SOURCES = ["src/flows/broadcast", "src/services/broadcasts", "src/domain/broadcast.ts", "src/domain/schedule-time.ts", "src/services/subscriptions.ts"];
const files = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((n) => files(path.join(p, n))) : p.endsWith(".ts") ? [p] : []);

/** The broadcast feature also passes keys through helpers (fail("bc-…"), button(ctx, "bc-…")) and builds a few from values. */
describe("message keys of announcements and reminders", () => {
  it("exist in Vietnamese and English", () => {
    const t = loadTranslator(localesDir);
    const found = new Set<string>();
    for (const file of SOURCES.flatMap((s) => files(path.join(projectRoot, s)))) {
      for (const m of readFileSync(file, "utf8").matchAll(/"((?:bc|ann|reminder|cmd|menu)-[a-z0-9-]+)"/g)) found.add(m[1]!);
    }
    expect(found.size).toBeGreaterThan(80);
    // Keys made from values: job states, notes, languages, sector groups.
    for (const s of JOB_STATES) found.add(`bc-state-${s}`);
    for (const n of ["creator-not-official", "failed"]) found.add(`bc-note-${n}`);
    for (const l of LOCALES) found.add(`bc-language-${l}`);
    for (const g of SECTOR_GROUPS) found.add(`reg-sector-${g}`);
    const missing = [...found].filter((key) => LOCALES.some((l) => !t.has(l, key)));
    expect(missing).toEqual([]);
  });
});
