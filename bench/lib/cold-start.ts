import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../../src/paths.js";
import { startNodeFlags } from "./start-command.js";

/**
 * Milliseconds from spawning `node [npm start's flags] dist/src/main.js` with `env` (beside PATH,
 * WEB_PORT=0, LOG_LEVEL=warn) to the reply to /start over the web chat; the process is then
 * stopped with SIGTERM.
 */
export async function timeToFirstAnswer(env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...startNodeFlags(), path.join(projectRoot, "dist/src/main.js")], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", WEB_PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
  });
  const res = await fetch(`${url}api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session: "coldstartsession0001", text: "/start" }) });
  await res.json();
  const ms = performance.now() - t0;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  return ms;
}
