import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { localesDir, projectRoot } from "../../src/paths.js";

/** Every file of the registration features and their domain. */
const DIRS = ["src/domain", "src/flows/forms", "src/flows/registration", "src/flows/submissions", "src/services"];
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n);
    return statSync(full).isDirectory() ? files(full) : n.endsWith(".ts") ? [full] : [];
  });

/**
 * The shared locale test finds keys written as t("…") or …Key: "…"; these features also pass keys
 * through helpers (fail("val-…"), line(ctx, "sub-field-…")). Any literal shaped like one of their
 * keys must exist in both languages.
 */
describe("message keys of registration and submissions", () => {
  it("exist in Vietnamese and English", () => {
    const t = loadTranslator(localesDir);
    const literal = /"((?:form|reg|sub|data|attach|val|status|size|cert|programme|unit|contact|menu|cmd)-[a-z0-9-]+)"/g;
    const found = new Map<string, string>();
    for (const file of DIRS.flatMap((d) => files(path.join(projectRoot, d)))) {
      for (const m of readFileSync(file, "utf8").matchAll(literal)) found.set(m[1]!, path.relative(projectRoot, file));
    }
    expect(found.size).toBeGreaterThan(150);
    // Literals of the same shape that are not texts: a flow id and event kinds.
    for (const id of ["attach-file", "contact-updated", "contact-proposed", "contact-accepted", "contact-dismissed", "contact-removed"]) found.delete(id);
    const missing = [...found].filter(([key]) => !t.has("vi", key) || !t.has("en", key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
