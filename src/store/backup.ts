import { copyFile, mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Journal } from "./journal.js";

export interface BackupResult {
  files: number;
  bytes: number;
  journalSegments: number;
  attempts: number;
}

export class BackupError extends Error {}

const ATTEMPTS = 5;

/** Every regular file under `dir` except hidden ones (the lock, lowdb's temp files) and the journal. */
async function storeFiles(dir: string, relative = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (rel === "journal") continue;
      out.push(...(await storeFiles(dir, rel)));
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
  return out;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
}

/**
 * A consistent copy of DATA_DIR into `to`, safe while the bot runs. The bot's state is the
 * collection files plus every journal segment replayed over them, and a replayed line only ever
 * sets a whole record — so: note the segments, copy the files, then copy the segments there now.
 * If a checkpoint finished in between (a noted segment is gone), the files may be newer than
 * what the copied journal says: start again. `to` then opens like any DATA_DIR.
 */
export async function backupDataDir(from: string, to: string): Promise<BackupResult> {
  if (path.resolve(from) === path.resolve(to)) throw new BackupError("the backup folder must not be DATA_DIR itself");
  if (path.resolve(to).startsWith(`${path.resolve(from)}${path.sep}`)) throw new BackupError("the backup folder must not be inside DATA_DIR");
  if (!(await isEmptyOrMissing(to))) throw new BackupError(`${to} is not empty; choose a new folder`);
  try {
    if (!(await stat(from)).isDirectory()) throw new BackupError(`${from} is not a folder`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${from} does not exist`);
  }
  const journal = new Journal(from);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    await rm(to, { recursive: true, force: true });
    await mkdir(to, { recursive: true });
    let files = 0;
    let bytes = 0;
    const copy = async (rel: string): Promise<boolean> => {
      await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
      try {
        await copyFile(path.join(from, rel), path.join(to, rel));
      } catch (error) {
        // A file removed while we copy (a segment after a checkpoint, a replaced backup): the check below decides.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
      files++;
      bytes += (await stat(path.join(to, rel))).size;
      return true;
    };
    const before = await journal.segments();
    for (const rel of await storeFiles(from)) await copy(rel);
    const segments = await journal.segments();
    await mkdir(path.join(to, "journal"), { recursive: true });
    let copied = 0;
    for (const seq of segments) if (await copy(path.join("journal", `${String(seq).padStart(6, "0")}.jsonl`))) copied++;
    const after = new Set(await journal.segments());
    if (before.every((seq) => after.has(seq)) && segments.every((seq) => after.has(seq))) {
      return { files, bytes, journalSegments: copied, attempts: attempt };
    }
  }
  throw new BackupError("DATA_DIR kept changing while being copied; try again");
}
