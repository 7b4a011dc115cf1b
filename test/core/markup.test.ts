import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { esc, html, splitMarkup, toPlainText, toRuns, visibleLength, type Markup } from "../../src/core/markup.js";

describe("markup", () => {
  it("shows hostile text exactly as typed", () => {
    const name = `<b>A&B</b> *_ "quoted" &amp; <script>`;
    const m = html`<b>Tên:</b> ${esc(name)}`;
    expect(m).toBe("<b>Tên:</b> &lt;b&gt;A&amp;B&lt;/b&gt; *_ &quot;quoted&quot; &amp;amp; &lt;script&gt;");
    expect(toPlainText(m)).toBe(`Tên: ${name}`);
    expect(toRuns(m)[0]).toEqual({ text: "Tên:", style: { b: true } });
  });

  it("round-trips any text through esc and toPlainText", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => toPlainText(esc(s)) === s));
  });

  it("rejects stray tags in strict mode only", () => {
    expect(() => toRuns("a <script> b", true)).toThrow();
    expect(() => toRuns("<b>open", true)).toThrow(/unclosed/);
    expect(() => toRuns("a & b", true)).toThrow(/&/);
    expect(toPlainText("a <script> b")).toBe("a <script> b");
  });

  it("splits long text at paragraph, line, sentence and word boundaries, each part within the limit", () => {
    const para = "Doanh nghiệp cần chuẩn bị hồ sơ. ".repeat(40).trim();
    const text = esc([para, para, para].join("\n\n")) as Markup;
    const parts = splitMarkup(text, 1000);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(visibleLength(p)).toBeLessThanOrEqual(1000);
      expect(toPlainText(p)).toMatch(/\.$/);
    }
    expect(parts.map(toPlainText).join(" ").replace(/\s+/g, " ")).toBe(toPlainText(text).replace(/\s+/g, " "));
  });

  it("keeps formatting balanced across a split, and never cuts a surrogate pair", () => {
    const bold = `<b>${esc("😀".repeat(3000))}</b>` as Markup;
    const parts = splitMarkup(bold, 4096);
    expect(parts).toHaveLength(2);
    for (const p of parts) {
      expect(() => toRuns(p, true)).not.toThrow();
      expect(p.startsWith("<b>")).toBe(true);
      expect(toPlainText(p)).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(parts.map(toPlainText).join("")).toBe("😀".repeat(3000));
  });

  it("never loses or invents text when splitting", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 3000 }), fc.integer({ min: 20, max: 500 }), (s, max) => {
        const parts = splitMarkup(esc(s), max);
        for (const p of parts) expect(visibleLength(p)).toBeLessThanOrEqual(max);
        expect(parts.map(toPlainText).join("").replace(/\s/g, "")).toBe(s.replace(/\s/g, ""));
      }),
      { numRuns: 200 },
    );
  });
});
