import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/core/events.js";
import { clip } from "../../src/domain/text.js";

describe("text as it reaches the core", () => {
  it("replaces lone surrogates (no store keeps them as text), keeps whole emoji, drops controls and hidden characters, composes diacritics", () => {
    expect(cleanText("a\uD800b\uDFFFc 😀")).toBe("a\uFFFDb\uFFFDc 😀");
    expect(cleanText("\uDBFF")).toBe("\uFFFD");
    expect(cleanText("x\u0000y\u200Bz\u202E")).toBe("xyz");
    expect(cleanText("Hợp ta\u0301c xa\u0303")).toBe("Hợp tác xã");
    expect(JSON.parse(JSON.stringify(cleanText("\uD83D lẻ")))).toBe("\uFFFD lẻ");
  });
});

describe("clip", () => {
  it("cuts to the length without leaving half of a character", () => {
    expect(clip("ab😀", 3)).toBe("ab");
    expect(clip("ab😀", 4)).toBe("ab😀");
    expect(clip("Hợp tác xã", 3)).toBe("Hợp");
    expect(clip("ngắn", 100)).toBe("ngắn");
  });
});
