import path from "node:path";
import { BackupError, backupDataDir } from "../store/json/backup.js";
import { auditLog } from "../services/audit.js";
import { openAppForCli, configForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const BACKUP_USAGE = "backup --out DIR";

/**
 * `npm run cli -- backup --out DIR`: a consistent copy of every store file (collections, logs,
 * journal) into a new folder, safe while the bot runs; then the copy is opened read-only and
 * checked like a start would check it. Restoring = stopping the bot and using DIR as DATA_DIR.
 */
export async function backupCommand(args: string[], io: CliIo = processIo): Promise<number> {
  const opts = options(args, { out: { type: "string" } }, io, BACKUP_USAGE);
  if (!opts) return 2;
  if (!opts.out) {
    io.err(`--out DIR is missing\nUsage: npm run cli -- ${BACKUP_USAGE}\n`);
    return 2;
  }
  const config = io.config ?? configForCli();
  const to = path.resolve(opts.out);
  let result;
  try {
    result = await backupDataDir(config.dataDirAbsolute, to);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.err(`Backup not made: ${error.message}\n`);
    return 1;
  }
  // Checked as a start would check it: every file and journal line parsed and validated.
  const copy = await openAppForCli({ readOnly: true, config: { ...config, DATA_DIR: to, dataDirAbsolute: to } });
  try {
    const s = copy.services;
    io.out(
      `Backup of ${config.dataDirAbsolute} written to ${to}: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.journalSegments} journal segment(s).\n` +
        `Checked: ${s.submissions.count} submissions, ${s.users.count} users, ${copy.store.log(auditLog).entries().length} audit entries.\n` +
        `To restore: stop the bot, then set DATA_DIR=${to} (or copy the folder back) and start it.\n`,
    );
    return 0;
  } finally {
    await copy.close();
  }
}
