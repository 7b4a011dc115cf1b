import { pathToFileURL } from "node:url";
import { askCommand } from "./cli/ask.js";
import { chatCommand } from "./cli/chat.js";
import { kbCheckCommand } from "./cli/kb-check.js";

/** Subcommands of `npm run cli -- <name> …`. Add one here with a line of usage. */
const commands: Record<string, { usage: string; run(args: string[]): Promise<number> }> = {
  chat: { usage: "chat                      talk to the bot in this terminal", run: () => chatCommand() },
  ask: { usage: 'ask "<question>" [--lang vi|en] [--json] | ask --stdin   answer from the knowledge base', run: (args) => askCommand(args) },
  kb: { usage: "kb check [--data <dir>]   validate the knowledge base, lexicon, province profiles, locales", run: (args) => kbCheckCommand(args) },
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
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
