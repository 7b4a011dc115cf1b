import { chmod, mkdir, stat } from "node:fs/promises";

/**
 * DATA_DIR holds personal data and the Zalo tokens: only its owner may enter it. Created 0700;
 * one created wider by an older version (0755) is narrowed when this process owns it. Files in it
 * are created 0600 by the process's umask (set by the entry points, see src/private-files.ts).
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const s = await stat(dir);
  const mine = typeof process.getuid !== "function" || s.uid === process.getuid();
  if (mine && (s.mode & 0o077) !== 0) await chmod(dir, s.mode & 0o700);
}
