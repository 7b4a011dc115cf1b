/**
 * Whether a file's first bytes agree with its extension: a file named `.pdf` must start like a
 * PDF. A renamed executable or web page is refused before it is kept. Only the types of
 * `DOSSIER_FILE_TYPES`; an extension not listed here agrees with nothing.
 */
const SIGNATURES: Readonly<Record<string, readonly (readonly number[])[]>> = {
  // "%PDF-"
  pdf: [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  // PNG's eight-byte signature.
  png: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // JPEG: SOI marker and the start of the next marker.
  jpg: [[0xff, 0xd8, 0xff]],
  jpeg: [[0xff, 0xd8, 0xff]],
  // DOCX is a ZIP archive (Office Open XML): a local file header first.
  docx: [[0x50, 0x4b, 0x03, 0x04]],
  // DOC is an OLE2 compound file.
  doc: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
};

export function contentAgrees(extension: string, bytes: Uint8Array): boolean {
  const signatures = SIGNATURES[extension.toLowerCase()];
  if (!signatures) return false;
  return signatures.some((sig) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b));
}
