import { createApp, type App } from "../app.js";
import { loadConfig, secretsOf, type Config } from "../config.js";
import { createLogger } from "../core/log.js";
import { startupProblem } from "../startup-errors.js";

/** The settings as `npm start` reads them; exits with one line on a bad setting. */
export function configForCli(): Config {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    process.exit(1);
  }
  return loaded.config;
}

/**
 * Opens the bot's data the way `npm start` does, for a command-line tool; exits with one line on
 * a problem. `readOnly` reads beside a running bot (no lock taken, nothing written).
 */
export async function openAppForCli(options: { config?: Config; readOnly?: boolean } = {}): Promise<App> {
  const config = options.config ?? configForCli();
  // The terminal is for the conversation or the report: only warnings and errors go to stderr.
  const log = createLogger(config.LOG_LEVEL === "debug" ? "debug" : "warn", undefined, { secrets: secretsOf(config) });
  try {
    return await createApp({ config, log, ...(options.readOnly ? { readOnly: true } : {}) });
  } catch (error) {
    const problem = startupProblem(error);
    if (!problem) throw error;
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
