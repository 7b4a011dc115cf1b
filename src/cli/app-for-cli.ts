import { createApp, type App } from "../app.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../core/log.js";
import { startupProblem } from "../startup-errors.js";

/** Opens the bot's data the way `npm start` does, for a command-line tool; exits with one line on a problem. */
export async function openAppForCli(): Promise<App> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    process.exit(1);
  }
  // The terminal is for the conversation: only warnings and errors go to stderr.
  const log = createLogger(loaded.config.LOG_LEVEL === "debug" ? "debug" : "warn");
  try {
    return await createApp({ config: loaded.config, log });
  } catch (error) {
    const problem = startupProblem(error);
    if (!problem) throw error;
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
