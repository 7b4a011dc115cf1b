import { runConsoleChat } from "../channels/console/chat.js";
import { toPlainText } from "../core/markup.js";
import { openAppForCli } from "./app-for-cli.js";

/** `npm run cli -- chat`: talk to the bot in the terminal. */
export async function chatCommand(): Promise<number> {
  const app = await openAppForCli();
  process.stdout.write(`${toPlainText(app.translator.t(app.config.DEFAULT_LOCALE, "console-hint"))}\n`);
  try {
    await runConsoleChat(app, process.stdin, process.stdout);
  } finally {
    await app.close();
  }
  return 0;
}
