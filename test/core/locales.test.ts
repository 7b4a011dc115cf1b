import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { toRuns } from "../../src/core/markup.js";
import { LOCALES } from "../../src/core/types.js";
import { localesDir, projectRoot } from "../../src/paths.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|html)$/.test(name) ? [full] : [];
  });
}

/** Message keys written literally in the code: t("…"), tIn(x, "…"), translator.t(locale, "…"), …Key: "…", {{…}} in the page. */
export function keysUsedInCode(): Map<string, string> {
  const patterns = [
    /\bt\(\s*"([a-z][a-z0-9-]*)"/g,
    /\b(?:tIn|t)\(\s*[A-Za-z_.[\]"']+\s*,\s*"([a-z][a-z0-9-]*)"/g,
    /\b[a-zA-Z]*Key\s*:\s*"([a-z][a-z0-9-]*)"/g,
    /\bkey\s*:\s*"([a-z][a-z0-9-]*)"/g,
    /\bsay\(\s*"([a-z][a-z0-9-]*)"/g,
    // The web desk's plain-text helper: req.text("…"), text(locale, "…").
    /\btext\(\s*"([a-z][a-z0-9-]*)"/g,
    /\btext\(\s*[A-Za-z_.]+\s*,\s*"([a-z][a-z0-9-]*)"/g,
    /\{\{([a-z][a-z0-9-]*)\}\}/g,
  ];
  const used = new Map<string, string>();
  for (const file of sourceFiles(path.join(projectRoot, "src"))) {
    const text = readFileSync(file, "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) if (m[1] !== "lang") used.set(m[1]!, path.relative(projectRoot, file));
  }
  return used;
}

describe("locales", () => {
  const translator = loadTranslator(localesDir);

  it("has the same keys in every language", () => {
    const [first, ...rest] = LOCALES;
    const base = new Set(translator.keys(first));
    for (const locale of rest) {
      const other = new Set(translator.keys(locale));
      expect([...base].filter((k) => !other.has(k)), `in ${first}, missing in ${locale}`).toEqual([]);
      expect([...other].filter((k) => !base.has(k)), `in ${locale}, missing in ${first}`).toEqual([]);
    }
  });

  it("has every key the code uses", () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      const missing = [...used].filter(([key]) => !translator.has(locale, key)).map(([key, file]) => `${key} (${file})`);
      expect(missing, `used in code but not in locales/${locale}`).toEqual([]);
    }
  });

  it("formats every message into valid markup with the same placeholders in each language", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(localesDir, locale)).filter((f) => f.endsWith(".ftl"));
      const source = files.map((f) => readFileSync(path.join(localesDir, locale, f), "utf8")).join("\n");
      const args: Record<string, string> = {};
      for (const m of source.matchAll(/\{\s*\$([a-zA-Z_][a-zA-Z0-9_-]*)/g)) args[m[1]!] = "<x&y>";
      for (const key of translator.keys(locale)) {
        const text = translator.t(locale, key, args);
        expect(() => toRuns(text, true), `${locale}:${key}`).not.toThrow();
        expect(text, `${locale}:${key} must not contain unresolved references`).not.toMatch(/\{\$?[a-z]/);
      }
    }
  });

  it("writes Vietnamese with its diacritics", () => {
    const vi = translator.keys("vi").map((k) => translator.t("vi", k)).join(" ");
    expect(vi).toMatch(/Quý doanh nghiệp/);
    // A Vietnamese text written without any tone marks is a sign of a careless copy.
    const sentences = translator.keys("vi").filter((k) => !k.startsWith("language-name")).map((k) => translator.t("vi", k));
    const flat = sentences.filter((s) => s.length > 40 && !/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(s));
    expect(flat).toEqual([]);
  });
});
