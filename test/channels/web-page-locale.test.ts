import { describe, expect, it } from "vitest";
import { loadTranslator } from "../../src/core/i18n.js";
import { LOCALES } from "../../src/core/types.js";
import { PAGE_TEXT_KEYS, pageLocale } from "../../src/channels/web/page-locale.js";

describe("the chat page's first language, from Accept-Language", () => {
  it.each([
    ["en-GB,en;q=0.9", "en"],
    ["en-US", "en"],
    ["vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7", "vi"],
    ["fr-FR,fr;q=0.9,en;q=0.5,vi;q=0.4", "en"],
    ["fr-FR,vi;q=0.3,en;q=0.8", "en"],
    ["en;q=0,vi;q=0.5", "vi"],
    ["de-DE", "vi"],
    ["*", "vi"],
    ["", "vi"],
  ])("%j → %s", (header, expected) => {
    expect(pageLocale(header, "vi")).toBe(expected);
  });
  it("falls back to the configured default", () => {
    expect(pageLocale(undefined, "en")).toBe("en");
    expect(pageLocale("ja", "en")).toBe("en");
  });
  it("every word of the page exists in both languages", () => {
    const translator = loadTranslator("locales");
    for (const locale of LOCALES) for (const key of PAGE_TEXT_KEYS) expect(translator.has(locale, key), `${locale}:${key}`).toBe(true);
  });
});
