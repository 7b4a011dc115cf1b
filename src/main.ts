import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import { createApp, type App, type AppOptions } from "./app.js";
import type { Channel, ChannelDefinition, StartupLine } from "./channels/channel.js";
import { channels as registry, type ChannelSeams, type RunningChannels } from "./channels/registry.js";
import { createHttpServer, listen, sendJson } from "./channels/shared/http.js";
import { createDesk } from "./channels/desk/desk.js";
import { loadConfig, secretsOf, type Config } from "./config.js";
import { createLogger, type Logger } from "./core/log.js";
import { registrationFormExpiry } from "./flows/registration/expiry.js";
import { selfCheckExpiry } from "./flows/self-check/expiry.js";
import { expiringTogether, scheduleFormExpiry } from "./services/form-expiry.js";
import { createBroadcastRunner, type BroadcastRunner, type BroadcastRunnerOptions } from "./services/broadcasts/runner.js";
import { toPlainText } from "./core/markup.js";
import { keepFilesPrivate } from "./private-files.js";
import { startupProblem } from "./startup-errors.js";

export interface RunningBot {
  app: App;
  server: Server;
  webUrl: string;
  /** The running channels by name (`channels.zalo` is absent when Zalo is not configured). */
  channels: RunningChannels;
  /** What `npm start` prints: each running channel's line and each absent one's hint, in registry order. */
  startupLines: StartupLine[];
  /** Sends broadcasts and reminders; resumed at start, stopped cleanly by stop(). */
  broadcasts: BroadcastRunner;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Test seams per channel, at the network edge and for time (`{ telegram: { fetch }, zalo: { clock } }`). */
  channels?: ChannelSeams;
  /** Test-only channels, started after the registered ones (README, "Adding a channel"). */
  extraChannels?: readonly ChannelDefinition[];
  /** Test fixtures: extra features, a clock. */
  app?: Partial<Pick<AppOptions, "extraFeatures" | "clock">>;
  /** Test seams for the broadcast runner (progress interval, retry back-off…); its clock is the app's. */
  broadcasts?: Omit<BroadcastRunnerOptions, "clock">;
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/**
 * Starts every channel of the registry whose settings are present (the web chat always), their
 * routes on one HTTP server at WEB_HOST:WEB_PORT, their senders in the outbox.
 */
export async function startBot(config: Config, log: Logger, options: StartOptions = {}): Promise<RunningBot> {
  const definitions: readonly ChannelDefinition[] = [...registry, ...(options.extraChannels ?? [])];
  const names = definitions.map((d) => d.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`two channels are named ${twice}`);
  const seams: Readonly<Record<string, unknown>> = options.channels ?? {};
  // Answers from the first shard it needs; the rest of the JSON files are read in the background.
  const app = await createApp({ config, log, answerWhileLoading: true, ...options.app });
  const running = new Map<string, Channel>();
  const stopChannels = async () => {
    // The last built stops first; each finishes the events it took before the store closes.
    for (const channel of [...running.values()].reverse()) await channel.stop();
  };
  let server: Server | null = null;
  let webUrl: string;
  try {
    for (const definition of definitions) {
      const channel = await definition.create(app, seams[definition.name]);
      if (channel) running.set(definition.name, channel);
    }
    for (const [name, channel] of running) app.outbox.register(name, channel.sender);
    // The officials' web desk (/desk): pages over the services, beside the channels' routes.
    const desk = createDesk(app, options.app?.clock ? { clock: options.app.clock } : {});
    const routes = [...[...running.values()].flatMap((c) => c.routes), ...desk.routes];
    server = createHttpServer([...routes, { method: "GET", path: "/healthz", handle: (_q, res) => sendJson(res, 200, { ok: true }) }], log);
    const address = await listen(server, config.WEB_HOST, config.WEB_PORT);
    webUrl = `http://${address.host.includes(":") ? `[${address.host}]` : address.host}:${address.port}/`;
    for (const channel of running.values()) await channel.start();
  } catch (error) {
    if (server?.listening) await closeServer(server);
    await stopChannels().catch((e: unknown) => log.error("a channel did not stop cleanly", { error: String(e) }));
    await app.close();
    throw error;
  }
  const expiry = scheduleFormExpiry(app, expiringTogether(registrationFormExpiry, selfCheckExpiry), options.app?.clock);
  // After the channels are registered: jobs left running by the last run go on at once.
  const broadcasts = createBroadcastRunner(app, { ...options.broadcasts, ...(options.app?.clock ? { clock: options.app.clock } : {}) });
  broadcasts.start();
  const startupLines = definitions.flatMap((definition): StartupLine[] => {
    const channel = running.get(definition.name);
    const line = channel ? channel.startupLine?.(webUrl) : definition.offLine;
    return line ? [line] : [];
  });
  const listening = server;

  return {
    app,
    server: listening,
    webUrl,
    // Built from the registry's definitions, so each name holds the type its definition makes.
    channels: Object.fromEntries(running) as RunningChannels,
    startupLines,
    broadcasts,
    async stop() {
      expiry.stop();
      // Sends in flight finish and are recorded; the rest waits for the next start.
      await broadcasts.stop();
      await closeServer(listening);
      // Events already answered (Zalo's 200) are handled before the store closes.
      await stopChannels();
      await app.close();
    },
  };
}

/** One line for a known problem (a broken file, a refused start, the database); the stack otherwise. */
function describeFailure(error: unknown): string {
  return startupProblem(error) ?? (error instanceof Error ? (error.stack ?? error.message) : String(error));
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`${loaded.error}\n`);
    process.exit(1);
  }
  const { config } = loaded;
  keepFilesPrivate();
  const log = createLogger(config.LOG_LEVEL, undefined, { secrets: secretsOf(config) });
  // Stop signals are handled from the first moment: one that comes while the bot starts stops it
  // as soon as it has started (files written, DATA_DIR's lock released).
  let bot: RunningBot | null = null;
  let shuttingDown = false;
  let signalled: string | null = null;
  const stopAndExit = (running: RunningBot, code: number) => {
    // Pending writes get their chance; a hung shutdown is cut off rather than left running.
    setTimeout(() => {
      log.error("shutdown took too long, exiting");
      process.exit(1);
    }, 15_000).unref();
    running.stop().then(
      () => process.exit(code),
      (error: unknown) => {
        log.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info("shutting down", { signal });
    if (bot) stopAndExit(bot, 0);
    else signalled = signal;
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  try {
    bot = await startBot(config, log);
  } catch (error) {
    process.stderr.write(`${describeFailure(error)}\n`);
    process.exit(1);
  }
  const running = bot;
  if (signalled) return stopAndExit(running, 0);
  // A file found broken while the store is read in the background stops the bot as a broken file at
  // start does: one line naming it; the file is left as it is.
  running.app.storage.loading.catch((error: unknown) => {
    if (shuttingDown) return;
    shuttingDown = true;
    process.stderr.write(`${describeFailure(error)}\n`);
    void running.stop().finally(() => process.exit(1));
  });

  // Printed once a stop signal would be handled: whoever waits for the address may stop us at once.
  const say = (key: string, args: Record<string, string> = {}) =>
    process.stdout.write(`${toPlainText(running.app.translator.t(config.DEFAULT_LOCALE, key, args))}\n`);
  for (const line of running.startupLines) say(line.key, line.args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
