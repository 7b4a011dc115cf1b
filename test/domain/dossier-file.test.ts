import { describe, expect, it } from "vitest";
import { checkDossierFile, MAX_DOSSIER_FILE_BYTES, safeFileName } from "../../src/domain/dossier-file.js";

describe("dossier files", () => {
  it("takes PDF, Word and images up to 20 MB, and refuses the rest with the rule", () => {
    expect(checkDossierFile({ name: "Bao cao tu danh gia.PDF", size: 1000, mime: "application/pdf" })).toEqual({ ok: true, value: { name: "Bao cao tu danh gia.PDF" } });
    expect(checkDossierFile({ name: "don.docx", size: MAX_DOSSIER_FILE_BYTES, mime: null }).ok).toBe(true);
    expect(checkDossierFile({ name: "", size: 5, mime: "image/jpeg" }).ok).toBe(true);
    const big = checkDossierFile({ name: "scan.pdf", size: MAX_DOSSIER_FILE_BYTES + 1, mime: "application/pdf" });
    expect(big).toEqual({ ok: false, error: { key: "file-too-large", args: { max: 20, types: "PDF, DOC, DOCX, JPG, JPEG, PNG" } } });
    expect(checkDossierFile({ name: "setup.exe", size: 10, mime: "application/octet-stream" })).toMatchObject({ ok: false, error: { key: "file-type-unsupported" } });
    expect(checkDossierFile({ name: "archive.zip", size: 10, mime: "application/zip" })).toMatchObject({ ok: false, error: { key: "file-type-unsupported" } });
    expect(checkDossierFile({ name: "x.pdf", size: 0, mime: null })).toMatchObject({ ok: false, error: { key: "file-empty" } });
  });

  it("keeps names safe to store and show: no path, no control or bidi characters, bounded", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\a\\Đơn đăng ký.docx")).toBe("Đơn đăng ký.docx");
    expect(safeFileName("bao\u202Ecod.pdf")).toBe("baocod.pdf");
    expect(safeFileName("a\nb\tc.pdf")).toBe("a b c.pdf");
    expect(safeFileName("...hidden")).toBe("hidden");
    expect(safeFileName("\u0000")).toBe("tep");
    const long = safeFileName("x".repeat(300) + ".pdf");
    expect(long.length).toBe(120);
    expect(long.endsWith(".pdf")).toBe(true);
  });
});
