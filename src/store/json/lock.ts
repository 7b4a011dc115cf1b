import { open, readFile, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { StoreError } from "../errors.js";

/**
 * lowdb is safe in one process only (two writers corrupt a file), so DATA_DIR carries a lock
 * file with the owner's pid. A lock left by a killed process is taken over.
 */
export interface DataDirLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function lockDataDir(dir: string): Promise<DataDirLock> {
  const file = path.join(dir, ".lock");
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(mine);
      await handle.close();
      return {
        async release() {
          const current = await readFile(file, "utf8").catch(() => "");
          // A lock file left behind names this pid, which is dead at the next start: taken over then.
          if (current === mine) await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const text = await readFile(file, "utf8").catch(() => "");
      let owner: { pid?: number; host?: string } = {};
      try {
        owner = JSON.parse(text) as typeof owner;
      } catch {
        // An unreadable lock is a lock left by a crash mid-write.
      }
      const sameHost = owner.host === undefined || owner.host === hostname();
      if (typeof owner.pid === "number" && owner.pid !== process.pid && sameHost && alive(owner.pid)) {
        throw new StoreError(
          dir,
          `is in use by another running bot process (pid ${owner.pid}); stop it first, or use another DATA_DIR`,
        );
      }
      // If it cannot be removed, the next attempt meets it again and the last one says so.
      await unlink(file).catch(() => undefined);
    }
  }
  throw new StoreError(dir, "could not be locked");
}
