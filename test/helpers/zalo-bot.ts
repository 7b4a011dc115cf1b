import { afterEach } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import type { BotFeature } from "../../src/flows/context.js";
import { startBot, type RunningBot, type StartOptions } from "../../src/main.js";
import { testConfig } from "./app.js";
import { startFakeZalo, zaloEnv, type FakeZalo } from "./fake-zalo.js";

export interface ZaloBotOptions {
  env?: Record<string, string>;
  /** Reuse a DATA_DIR (a restart) or a fake (its tokens and messages carry over). */
  dataDir?: string;
  fake?: FakeZalo;
  /** Fixture features added to the real ones. */
  extraFeatures?: readonly BotFeature[];
  options?: StartOptions;
}

/**
 * The bot as `npm start` builds it, its Zalo channel pointed at a fake OA API and OAuth server;
 * stopped after each test. Pair with `zaloUser(bot, fake, id)` to talk to it:
 *
 *   const start = useZaloBots(tempDir);
 *   const { bot, fake } = await start();
 *   const lan = zaloUser(bot, fake, "5000000000000000001");
 *   await lan.send("/dangky"); await lan.press("Giải thưởng"); await lan.choose(3); …
 */
export function useZaloBots(tempDir: () => Promise<string>) {
  const running: { bot: RunningBot; fake: FakeZalo }[] = [];
  afterEach(async () => {
    for (const { bot, fake } of running.splice(0)) {
      await bot.stop();
      await fake.close();
    }
  });
  const start = async ({ env = {}, dataDir, fake, extraFeatures = [], options = {} }: ZaloBotOptions = {}) => {
    const zalo = fake ?? (await startFakeZalo());
    const dir = dataDir ?? (await tempDir());
    const log = memoryLogger();
    const config = testConfig(dir, { WEB_PORT: "0", ...zaloEnv(zalo.url), ...env });
    const bot = await startBot(config, log, {
      ...options,
      app: { extraFeatures, ...options.app },
      // Short pauses after a -32 so tests do not wait for real back-off times.
      channels: { ...options.channels, zalo: { rateLimit: { backoffMs: 10, maxBackoffMs: 50 }, ...options.channels?.zalo } },
    });
    const entry = { bot, fake: zalo };
    running.push(entry);
    /** Stops this bot now (a restart); the fake stays up for the next one. */
    const stop = async () => {
      running.splice(running.indexOf(entry), 1);
      await bot.stop();
    };
    return { bot, fake: zalo, log, dir, app: bot.app, stop };
  };
  return start;
}
