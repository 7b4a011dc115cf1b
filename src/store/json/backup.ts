import { copyFile, mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Journal } from "./journal.js";
import { contiguous } from "./store.js";

export interface BackupResult {
  files: number;
  bytes: number;
  journalSegments: number;
  attempts: number;
  /** No checkpoint of the running bot overtook the copy (else it was tried again, and the last try kept). */
  exact: boolean;
}

export class BackupError extends Error {}

const ATTEMPTS = 3;

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
 * A copy of DATA_DIR into `to` that opens like any DATA_DIR, safe while the bot runs. The bot's
 * state is the collection files plus every journal segment replayed over them, a line setting a
 * whole record. So: the journal segments are copied first, then the files, then the last segment
 * again and any begun since. Every change committed before the backup began is in the copy (a
 * segment a checkpoint deleted meanwhile was first written into the files copied after it); a
 * record changed during the copy may be there in an older or a newer state, as after a crash of
 * the bot itself (files are rewritten one at a time). If a checkpoint overtook the copy (a segment
 * vanished, or one is missing from the run) it is made again, a few times, the last kept either
 * way. Tracking codes never repeat after a restore: a counter never goes below the highest code
 * in use (src/domain/records/counter.ts).
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
  const segmentPath = (seq: number) => path.relative(from, journal.fileOf(seq));
  let result: BackupResult | null = null;
  for (let attempt = 1; attempt <= ATTEMPTS && !result?.exact; attempt++) {
    await rm(to, { recursive: true, force: true });
    await mkdir(path.join(to, "journal"), { recursive: true });
    const copy = async (rel: string): Promise<boolean> => {
      await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
      try {
        await copyFile(path.join(from, rel), path.join(to, rel));
      } catch (error) {
        // Deleted by a checkpoint since it was listed: its changes are in the files.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
      return true;
    };
    const copied = new Set<number>();
    let vanished = false;
    const copySegments = async (seqs: readonly number[]) => {
      for (const seq of seqs) {
        if (await copy(segmentPath(seq))) copied.add(seq);
        else vanished = true;
      }
    };
    const first = await journal.segments();
    await copySegments(first);
    for (const rel of await storeFiles(from)) await copy(rel);
    // The last segment may have grown since: copied again, over the first copy.
    await copySegments((await journal.segments()).filter((seq) => seq >= (first[first.length - 1] ?? 0)));
    result = { files: 0, bytes: 0, journalSegments: copied.size, attempts: attempt, exact: !vanished && contiguous([...copied]) };
  }
  // What the folder holds in the end (a segment copied twice counts once).
  for (const rel of [...(await storeFiles(to)), ...(await readdir(path.join(to, "journal"))).map((f) => path.join("journal", f))]) {
    result!.files++;
    result!.bytes += (await stat(path.join(to, rel))).size;
  }
  return result!;
}
