import { createApp, type App, type AppOptions } from "../../src/app.js";
import { parseConfig, type Config } from "../../src/config.js";
import { memoryLogger } from "../../src/core/log.js";
import { prepareStore, storeEnv } from "./store-under-test.js";

/** A config as `npm start` would build it, with DATA_DIR in a temp folder (and, on a PostgreSQL run, that folder's database). */
export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  const result = parseConfig({ DATA_DIR: dataDir, ...storeEnv(dataDir), ...env });
  if (!result.ok) throw new Error(result.error);
  return result.config;
}

/** The real app on a temp DATA_DIR (real files, real locales, real data/). */
export async function testApp(dataDir: string, options: Partial<AppOptions> & { env?: Record<string, string> } = {}): Promise<App & { logLines: string[] }> {
  const log = memoryLogger();
  const { env, ...rest } = options;
  await prepareStore(dataDir);
  const app = await createApp({ config: testConfig(dataDir, env), log, ...rest });
  return Object.assign(app, { logLines: log.lines });
}
