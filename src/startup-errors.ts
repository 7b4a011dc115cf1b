import { LocaleError } from "./core/i18n.js";
import { KnowledgeError } from "./knowledge/kb.js";
import { LexiconError } from "./knowledge/lexicon.js";
import { ProvinceError } from "./knowledge/province.js";
import { SupportKindsError } from "./knowledge/support-kinds.js";
import { VnProvincesError } from "./knowledge/vn-provinces.js";
import { StoreError } from "./store/errors.js";

/** The start is refused for a reason a person can fix (said in one line). */
export class StartRefused extends Error {}

/** Problems with files or settings a person can fix: one line, no stack trace. */
export function startupProblem(error: unknown): string | null {
  if (error instanceof StartRefused) return error.message;
  if (error instanceof StoreError) {
    if (/^postgres(ql)?:\/\//.test(error.file)) return `Database problem: ${error.message}`;
    return `Data file problem: ${error.message}. The file was left untouched; fix or move it, then start again.`;
  }
  if (
    error instanceof ProvinceError ||
    error instanceof SupportKindsError ||
    error instanceof VnProvincesError ||
    error instanceof LocaleError ||
    error instanceof KnowledgeError ||
    error instanceof LexiconError
  ) {
    return `Content problem: ${error.message}`;
  }
  if ((error as NodeJS.ErrnoException)?.code === "EADDRINUSE") return `The web chat port is already in use (${(error as Error).message}); set WEB_PORT to a free port.`;
  return null;
}
