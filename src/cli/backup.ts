import { readdir } from "node:fs/promises";
import path from "node:path";
import { secretsOf } from "../config.js";
import { createLogger } from "../core/log.js";
import { copyStore } from "../store/copy.js";
import { BackupError, backupDataDir } from "../store/json/backup.js";
import { openStorage } from "../store/open.js";
import { openAppForCli, configForCli } from "./app-for-cli.js";
import { options, processIo, type CliIo } from "./io.js";

export const BACKUP_USAGE = "backup --out DIR";

/**
 * `npm run cli -- backup --out DIR`, safe while the bot runs. JSON backend: a consistent copy of
 * every store file (collections, logs, journal) into a new folder. PostgreSQL: every record,
 * copied into a new JSON DATA_DIR and compared (count and checksum of each kind), so the backup
 * is files a person can open and the bot can run on. Either way the copy is then opened read-only
 * and checked like a start would check it.
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
  let made: string;
  if (config.STORE === "postgres") {
    const empty = await readdir(to).then(
      (names) => names.length === 0,
      (e: NodeJS.ErrnoException) => e.code === "ENOENT",
    );
    if (!empty) {
      io.err(`Backup not made: ${to} is not empty; choose a new folder\n`);
      return 1;
    }
    const log = createLogger("warn", undefined, { secrets: secretsOf(config) });
    const source = await openStorage(config, log, { readOnly: true });
    const target = await openStorage({ ...config, STORE: "json", DATA_DIR: to, dataDirAbsolute: to }, log);
    try {
      const result = await copyStore(source, target);
      if (!result.ok) {
        io.err(`Backup not made: the copy does not match the database (${result.reason === "mismatch" ? result.differences.map((d) => d.kind).join(", ") : result.reason})\n`);
        return 1;
      }
      made = `Backup of the PostgreSQL database written to ${to} as JSON files: ${result.records} records, counts and checksums checked.\n`;
    } finally {
      await source.close();
      await target.close();
    }
  } else {
    let result;
    try {
      result = await backupDataDir(config.dataDirAbsolute, to);
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      io.err(`Backup not made: ${error.message}\n`);
      return 1;
    }
    made = `Backup of ${config.dataDirAbsolute} written to ${to}: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.journalSegments} journal segment(s).\n`;
  }
  // Checked as a start would check it: every file and journal line parsed and validated.
  const copy = await openAppForCli({ readOnly: true, config: { ...config, STORE: "json", DATA_DIR: to, dataDirAbsolute: to } });
  try {
    const s = copy.services;
    io.out(
      made +
        `Checked: ${await s.submissions.count()} submissions, ${await s.users.count()} users, ${await s.audit.count()} audit entries.\n` +
        (config.STORE === "postgres"
          ? `To restore: into an empty database, npm run cli -- store copy --from json --to postgres --data-dir ${to}; or run the bot on the folder with STORE=json DATA_DIR=${to}.\n`
          : `To restore: stop the bot, then set DATA_DIR=${to} (or copy the folder back) and start it.\n`),
    );
    return 0;
  } finally {
    await copy.close();
  }
}
