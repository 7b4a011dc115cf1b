import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Config } from "../config.js";

/** Where a command writes, and (for tests) the settings to use instead of the environment's. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  config?: Config;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Options as `--name value`; a wrong one is a usage error (exit 2), said in one line. */
export function options<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], spec: T, io: CliIo, usage: string) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: false, strict: true }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\nUsage: npm run cli -- ${usage}\n`);
    return null;
  }
}
