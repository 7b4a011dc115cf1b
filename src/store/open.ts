import type { Config } from "../config.js";
import type { Logger } from "../core/log.js";
import { openJsonStorage } from "./json/backend.js";
import type { Storage } from "./port.js";

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
    onWarning: (w) => log.warn(w.message, { file: w.file }),
    onError: (message, error) => log.error(message, { error: String(error) }),
  });
}
