/**
 * The fake Bot API of `npm run bench:broadcast`, in its own process so the bot's memory and event
 * loop are measured alone. Started with fork(); sends `{ url }` when listening and answers
 * `"stats"` with what it received.
 *
 *   node dist/bench/fake-bot-api-server.js <min latency ms> <max latency ms>
 */
import { startFakeTelegramHttp } from "../test/helpers/fake-telegram-http.js";

const [min = 30, max = 80] = process.argv.slice(2).map(Number);
const fake = await startFakeTelegramHttp({ latencyMs: [min, max], keepPayloads: false });
const perChat = new Map<string, number>();

process.on("message", (message) => {
  if (message !== "stats") return;
  perChat.clear();
  for (const call of fake.calls) if (call.method === "sendMessage" && call.chatId) perChat.set(call.chatId, (perChat.get(call.chatId) ?? 0) + 1);
  process.send?.({ stats: { sends: fake.deliveredTotal(), repeated: [...perChat].filter(([, n]) => n > 1) } });
});
process.on("disconnect", () => void fake.close().then(() => process.exit(0)));
process.send?.({ url: fake.url });
