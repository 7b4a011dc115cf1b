import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startNodeFlags } from "../../bench/lib/start-command.js";
import { projectRoot } from "../../src/paths.js";
import { prepareStore, storeEnv } from "./store-under-test.js";

export interface BotProcess {
  child: ChildProcess;
  /** The web chat address the bot printed. */
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `node [flags] dist/src/main.js` as `npm start` does and waits for its web chat address. */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 15_000): Promise<BotProcess> {
  if (env.DATA_DIR) await prepareStore(env.DATA_DIR);
  const child = spawn(process.execPath, [...startNodeFlags(), path.join(projectRoot, "dist/src/main.js")], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", WEB_PORT: "0", LOG_LEVEL: "warn", ...(env.DATA_DIR ? storeEnv(env.DATA_DIR) : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise<BotProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop("SIGKILL");
      reject(new Error(`bot did not start in time:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const m = /(http:\/\/[^\s]+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out, stop });
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before starting:\n${out}`));
    });
  });
}
