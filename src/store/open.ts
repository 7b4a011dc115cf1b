import type { Config } from "../config.js";
import type { Logger } from "../core/log.js";
import { openJsonStorage } from "./json/backend.js";
import type { Storage } from "./port.js";

/** Opens the backend the configuration names (STORE): the JSON files under DATA_DIR, or PostgreSQL. */
export async function openStorage(config: Config, log: Logger, options: { readOnly?: boolean } = {}): Promise<Storage> {
  return openJsonStorage({
    dir: config.dataDirAbsolute,
    ...(options.readOnly ? { readOnly: true } : {}),
    onWarning: (w) => log.warn(w.message, { file: w.file }),
    onError: (message, error) => log.error(message, { error: String(error) }),
  });
}
