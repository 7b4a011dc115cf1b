import { describe, expect, it } from "vitest";
import { DOSSIER_FILE_TYPES } from "../../src/domain/dossier-file.js";
import { contentAgrees } from "../../src/domain/file-signature.js";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

/** The first bytes of real files of each type (as their formats define them). */
const REAL: Record<string, Uint8Array> = {
  pdf: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"),
  jpg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\0"),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe1, 0x2a, 0x16], "Exif\0"),
  docx: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "[Content_Types].xml"),
  doc: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
};

describe("a file's first bytes against its extension", () => {
  it("knows every type the unit takes", () => {
    expect(Object.keys(REAL).sort()).toEqual(Object.keys(DOSSIER_FILE_TYPES).sort());
  });

  it.each(Object.entries(REAL))("takes a real %s, whatever the case of the extension", (ext, content) => {
    expect(contentAgrees(ext, content)).toBe(true);
    expect(contentAgrees(ext.toUpperCase(), content)).toBe(true);
  });

  it("refuses content of another type, truncated signatures, empty files and unknown extensions", () => {
    for (const [ext, content] of Object.entries(REAL)) {
      for (const [other, otherContent] of Object.entries(REAL)) {
        // jpg and jpeg are one format.
        const same = ext === other || (["jpg", "jpeg"].includes(ext) && ["jpg", "jpeg"].includes(other));
        expect(contentAgrees(ext, otherContent), `${other} content named .${ext}`).toBe(same);
      }
      expect(contentAgrees(ext, content.subarray(0, 2)), `${ext} cut to 2 bytes`).toBe(false);
      expect(contentAgrees(ext, new Uint8Array()), `empty .${ext}`).toBe(false);
    }
    expect(contentAgrees("pdf", bytes("<html><body>%PDF-1.4</body></html>"))).toBe(false);
    expect(contentAgrees("pdf", bytes(" %PDF-1.4"))).toBe(false);
    expect(contentAgrees("exe", bytes("MZ\x90\x00"))).toBe(false);
    expect(contentAgrees("zip", REAL.docx!)).toBe(false);
    expect(contentAgrees("", REAL.pdf!)).toBe(false);
  });
});
