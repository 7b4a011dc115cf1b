import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installDebianPackages } from "../bench/lib/debian-packages.js";
import { CHROMIUM } from "./helpers/browser.js";

export default async function setup(): Promise<void> {
  // The web page test drives Debian's Chromium: on a fresh machine (as root) `npm test` installs it;
  // otherwise that test says what to install.
  if (!existsSync(CHROMIUM) && !process.env.CHROMIUM_PATH) await installDebianPackages(["chromium"]);
  // For a quick run of tests that start no process from dist/ (VITEST_SKIP_BUILD=1 npx vitest run …).
  if (process.env.VITEST_SKIP_BUILD) return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
