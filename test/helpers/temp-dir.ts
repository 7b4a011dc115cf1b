import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { prepareStore } from "./store-under-test.js";

/** A fresh directory per test, removed afterwards; when the suite runs on PostgreSQL, with a fresh database of its own. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "nscl-test-"));
    made.push(dir);
    await prepareStore(dir);
    return dir;
  };
}
