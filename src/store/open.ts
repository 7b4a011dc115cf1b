import type { Config } from "../config.js";
import type { Logger } from "../core/log.js";
import { openJsonStorage, type JsonStorageOptions } from "./json/backend.js";
import type { Storage } from "./port.js";

/** How the JSON engine's warnings and background failures reach the log (fields say where; never record contents). */
export function jsonStoreLogging(log: Logger): Pick<JsonStorageOptions, "onWarning" | "onError"> {
  return {
    onWarning: (w) => log.warn(w.message, { file: w.file }),
    onError: (message, error, fields) => log.error(message, { ...fields, error: String(error) }),
  };
}

/** Opens the backend the configuration names (STORE): the JSON files under DATA_DIR, or PostgreSQL. */
export async function openStorage(config: Config, log: Logger, options: { readOnly?: boolean; background?: boolean } = {}): Promise<Storage> {
  if (config.STORE === "postgres") {
    // The configuration refuses STORE=postgres without DATABASE_URL; checked again for callers that build a Config by hand.
    if (!config.DATABASE_URL) throw new Error("STORE=postgres needs DATABASE_URL");
    // Loaded only when used: the JSON default does not pay for the driver at start.
    const { openPostgresStorage } = await import("./postgres/backend.js");
    return openPostgresStorage({
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      synchronousCommit: config.DATABASE_SYNCHRONOUS_COMMIT === "on",
      log,
      ...(options.readOnly ? { readOnly: true } : {}),
    });
  }
  return openJsonStorage({
    dir: config.dataDirAbsolute,
    ...(options.readOnly ? { readOnly: true } : {}),
    ...(options.background ? { background: true } : {}),
    ...(config.STORE_LOCK_TAKEOVER === "1" ? { takeOverForeignLock: true } : {}),
    ...jsonStoreLogging(log),
  });
}
