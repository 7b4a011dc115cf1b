import { fail, ok, type Parsed } from "./result.js";

/**
 * What the unit takes as a dossier file, stated to the enterprise before it sends one and checked
 * on every channel: 20 MB (the largest file Telegram's Bot API lets a bot download, so an official
 * can always open it), PDF, Word or an image.
 */
export const MAX_DOSSIER_FILE_BYTES = 20 * 1024 * 1024;

/** Extension → the MIME types that may come with it (channels report what the sender's device said). */
export const DOSSIER_FILE_TYPES: Readonly<Record<string, readonly string[]>> = {
  pdf: ["application/pdf"],
  doc: ["application/msword"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  jpg: ["image/jpeg"],
  jpeg: ["image/jpeg"],
  png: ["image/png"],
};

/** "PDF, DOC, DOCX, JPG, JPEG, PNG" for the texts that state the rule. */
export const DOSSIER_FILE_TYPE_LIST = Object.keys(DOSSIER_FILE_TYPES).map((e) => e.toUpperCase()).join(", ");
export const DOSSIER_FILE_MAX_MB = MAX_DOSSIER_FILE_BYTES / (1024 * 1024);

const MAX_NAME = 120;

/**
 * A file name safe to store, show and offer for download: no path, no control or bidi characters,
 * no leading dots, at most 120 characters with the extension kept. Never empty.
 */
export function safeFileName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  // Control characters, bidi overrides and characters Windows refuses in names.
  const cleaned = base
    .replace(/[\t\n\r\v\f]+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned === "") return "tep";
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME - ext.length).trimEnd() + ext;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/**
 * Whether a file may go into a dossier: its size (when the channel reports it) and its type, by
 * extension, or by MIME type when the name has none (a photo sent as a photo has no name of its own).
 */
export function checkDossierFile(file: { name: string; size: number | null; mime: string | null }): Parsed<{ name: string }> {
  const args = { max: DOSSIER_FILE_MAX_MB, types: DOSSIER_FILE_TYPE_LIST };
  if (file.size !== null && file.size > MAX_DOSSIER_FILE_BYTES) return fail("file-too-large", args);
  if (file.size === 0) return fail("file-empty", args);
  const ext = extensionOf(file.name);
  const known = ext in DOSSIER_FILE_TYPES || (ext === "" && file.mime !== null && Object.values(DOSSIER_FILE_TYPES).some((m) => m.includes(file.mime!)));
  if (!known) return fail("file-type-unsupported", args);
  return ok({ name: safeFileName(file.name) });
}
