import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding package.json, whether we run from src/ (tests) or dist/src/ (npm start). */
function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "locales"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`project root not found above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const localesDir = path.join(projectRoot, "locales");
export const dataDir = path.join(projectRoot, "data");
export const webPageDir = path.join(projectRoot, "src", "channels", "web", "page");
export const deskAssetsDir = path.join(projectRoot, "src", "channels", "desk", "assets");
