/**
 * Everything the bot writes — DATA_DIR's files, backups, exports from the CLI — may hold personal
 * data or secrets: readable by the process's owner only (files 0600, folders 0700). Called first
 * by each entry point (`main.ts`, `cli.ts`), before anything is created.
 */
export function keepFilesPrivate(): void {
  process.umask(0o077);
}
