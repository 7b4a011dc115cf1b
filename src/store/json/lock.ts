import { link, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { StoreError } from "../errors.js";

/**
 * lowdb is safe in one process only (two writers corrupt a file), so DATA_DIR carries a lock
 * file naming its owner (pid, host). The file appears with its content in one step (written
 * aside, then hard-linked into place, which fails if a lock exists), so a process starting at
 * the same moment never reads an empty lock and mistakes it for a stale one. A lock left by a
 * dead process on this host is taken over, one taker at a time; a lock from another host is
 * never taken over unless the operator says so (two containers on a shared volume would both
 * write).
 */
export interface DataDirLock {
  release(): Promise<void>;
}

export interface LockOptions {
  /** Take over a lock written by another host (STORE_LOCK_TAKEOVER=1, after checking it is dead). */
  takeOverForeign?: boolean;
}

interface Owner {
  pid?: number;
  host?: string;
  since?: string;
}

/** A takeover interrupted by a crash leaves its guard; after this long it no longer counts. */
const STALE_GUARD_MS = 30_000;
const ATTEMPTS = 5;
/** An unreadable lock younger than this is being written by a process starting now. */
const UNREADABLE_FRESH_MS = 5_000;

const pause = () => new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** Creates `file` holding `content`, or fails with EEXIST if it exists: never visible half-written. */
async function createWhole(file: string, content: string): Promise<void> {
  const aside = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(aside, content, { mode: 0o600 });
  try {
    await link(aside, file);
  } finally {
    await unlink(aside).catch(() => {
      // Only a leftover beside the lock; ignored by everything that reads DATA_DIR.
    });
  }
}

/** The lock's text and owner; `owner` null when unreadable (empty or cut short). */
async function readOwner(file: string): Promise<{ text: string; owner: Owner | null; ageMs: number } | null> {
  const read = await Promise.all([readFile(file, "utf8"), stat(file)]).catch((e: unknown) => {
    if (code(e) === "ENOENT") return null;
    throw e;
  });
  if (read === null) return null;
  const [text, s] = read;
  const ageMs = Date.now() - s.mtimeMs;
  try {
    return { text, owner: JSON.parse(text) as Owner, ageMs };
  } catch {
    return { text, owner: null, ageMs };
  }
}

export async function lockDataDir(dir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const file = path.join(dir, ".lock");
  const guard = path.join(dir, ".lock.takeover");
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      await createWhole(file, mine);
      return {
        async release() {
          const current = await readFile(file, "utf8").catch(() => "");
          // A lock file left behind names this pid, which is dead at the next start: taken over then.
          if (current === mine) await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
    const found = await readOwner(file);
    if (!found) continue; // released meanwhile: try again
    if (found.owner === null) {
      // Today's locks appear whole, but a process of an older version writes its lock after
      // creating it: a fresh unreadable lock is one being written now, not one left by a crash.
      if (found.ageMs < UNREADABLE_FRESH_MS) {
        await pause();
        continue;
      }
      await takeOver(file, guard, found.text, mine);
      continue;
    }
    const { owner } = found;
    const foreign = owner.host !== undefined && owner.host !== hostname();
    if (foreign && !options.takeOverForeign) {
      throw new StoreError(
        dir,
        `is locked by a bot process on another host (${owner.host}, pid ${owner.pid ?? "?"}, since ${owner.since ?? "?"}); if that process is surely stopped, start once with STORE_LOCK_TAKEOVER=1`,
      );
    }
    if (!foreign && typeof owner.pid === "number" && owner.pid !== process.pid && alive(owner.pid)) {
      throw new StoreError(dir, `is in use by another running bot process (pid ${owner.pid}); stop it first, or use another DATA_DIR`);
    }
    await takeOver(file, guard, found.text, mine);
  }
  throw new StoreError(dir, "could not be locked (another process kept taking the lock; is a second bot starting on this DATA_DIR?)");
}

/**
 * Removes the stale lock whose content is `stale`, holding the takeover guard so that of several
 * processes that found it, one removes it and the others then meet the new owner's lock.
 */
async function takeOver(file: string, guard: string, stale: string, mine: string): Promise<void> {
  try {
    await createWhole(guard, mine);
  } catch (error) {
    if (code(error) !== "EEXIST") throw error;
    // Someone else is taking over; a guard left by a crash expires.
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > STALE_GUARD_MS) await unlink(guard).catch(() => undefined);
    else await pause();
    return;
  }
  try {
    // Still the lock we judged stale (not a new owner's that appeared meanwhile): remove it.
    const now = await readFile(file, "utf8").catch(() => null);
    if (now === stale) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}
