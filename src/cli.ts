import { pathToFileURL } from "node:url";
import { backupCommand, BACKUP_USAGE } from "./cli/backup.js";
import { chatCommand } from "./cli/chat.js";
import { exportCommand, EXPORT_USAGE } from "./cli/export.js";
import { statsCommand, STATS_USAGE } from "./cli/stats.js";
import { askCommand } from "./cli/ask.js";
import { kbCheckCommand, KB_USAGE } from "./cli/kb-check.js";
import { storeCommand, STORE_USAGE } from "./cli/store.js";
import { contentCommand, CONTENT_USAGE } from "./cli/content.js";
import { keepFilesPrivate } from "./private-files.js";

/** Subcommands of `npm run cli -- <name> …`. Add one here with a line of usage. */
const commands: Record<string, { usage: string; run(args: string[]): Promise<number> }> = {
  chat: { usage: "chat                      talk to the bot in this terminal", run: () => chatCommand() },
  stats: { usage: `${STATS_USAGE}\n      figures per programme and award year (works while the bot runs)`, run: (args) => statsCommand(args) },
  export: { usage: `${EXPORT_USAGE}\n      the submissions as a file (works while the bot runs)`, run: (args) => exportCommand(args) },
  backup: { usage: `${BACKUP_USAGE}\n      a consistent copy of the data into a new folder (works while the bot runs)`, run: (args) => backupCommand(args) },
  store: { usage: `${STORE_USAGE}\n      every record from one backend into the other, then counts and checksums compared`, run: (args) => storeCommand(args) },
  ask: { usage: 'ask "<question>" [--lang vi|en] [--json] | ask --stdin   answer from the knowledge base', run: (args) => askCommand(args) },
  kb: { usage: KB_USAGE, run: (args) => kbCheckCommand(args) },
  content: { usage: CONTENT_USAGE, run: (args) => contentCommand(args) },
};

export async function cli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`Usage: npm run cli -- <command>\n\n${Object.values(commands).map((c) => `  ${c.usage}`).join("\n")}\n`);
    return name ? 2 : 0;
  }
  return command.run(args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  keepFilesPrivate();
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
