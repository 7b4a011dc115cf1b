import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

export const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * Installs Debian packages when this process runs as root on a machine with apt-get (a fresh
 * machine's `npm test`); returns false when it cannot, so the caller can say what to install.
 * Tries without `apt-get update` first: the package lists are usually there already.
 */
export async function installDebianPackages(packages: string[]): Promise<boolean> {
  if (!isRoot() || !existsSync("/usr/bin/apt-get")) return false;
  const options = { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, maxBuffer: 64 * 1024 * 1024 };
  try {
    await run("apt-get", ["install", "-y", "-qq", ...packages], options);
  } catch {
    await run("apt-get", ["update", "-qq"], options);
    await run("apt-get", ["install", "-y", "-qq", ...packages], options);
  }
  return true;
}
