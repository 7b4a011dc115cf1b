import { toPlainText } from "../../src/core/markup.js";
import { memoryLogger, type Logger } from "../../src/core/log.js";
import { startBot, type RunningBot } from "../../src/main.js";
import { testConfig } from "./app.js";
import { BOT_INFO, TEST_TOKEN, fakeBotApi, textUpdate } from "./fake-telegram.js";

export const ADMIN = 7770001;
export const ENTERPRISE = 5550001;

export interface DeskBot {
  bot: RunningBot;
  api: ReturnType<typeof fakeBotApi>;
  log: Logger & { lines: string[] };
  /** The server's address, without the final slash. */
  base: string;
  /** What the bot answered a user's text (plain text of every message sent to them since). */
  say(user: number, text: string): Promise<string[]>;
  /** `/dangnhap` from `user` over the fake Bot API: the link's path and query (on this server), or null when the bot gave none. */
  loginLink(user: number): Promise<string | null>;
}

/** The bot as `npm start` runs it, with Telegram (webhook mode) against a fake Bot API and the web desk on its server. */
export async function startDeskBot(dir: string, env: Record<string, string> = {}): Promise<DeskBot> {
  const api = fakeBotApi();
  const log = memoryLogger();
  const bot = await startBot(
    testConfig(dir, { WEB_PORT: "0", TELEGRAM_BOT_TOKEN: TEST_TOKEN, WEBHOOK_URL: "https://bot.example.gov.vn/telegram/hook", OFFICIAL_TELEGRAM_IDS: String(ADMIN), ...env }),
    log,
    { channels: { telegram: { fetch: api.fetch, botInfo: BOT_INFO } } },
  );
  const base = bot.webUrl.replace(/\/$/, "");
  const say = async (user: number, text: string) => {
    const before = api.sent().length;
    await bot.channels.telegram!.bot.handleUpdate(textUpdate(user, text));
    return api
      .sent()
      .slice(before)
      .filter((c) => String(c.payload.chat_id) === String(user))
      .map((c) => String(c.payload.text));
  };
  return {
    bot,
    api,
    log,
    base,
    say: async (user, text) => (await say(user, text)).map((t) => toPlainText(t)),
    async loginLink(user) {
      const answers = await say(user, "/dangnhap");
      const href = answers.map((t) => /href="([^"]+)"/.exec(t)?.[1]).find(Boolean);
      if (!href) return null;
      const url = new URL(href.replace(/&amp;/g, "&"));
      return `${url.pathname}${url.search}`;
    },
  };
}

export interface Reply {
  status: number;
  location: string | null;
  setCookie: string[];
  text: string;
}

async function reply(res: Response): Promise<Reply> {
  return { status: res.status, location: res.headers.get("location"), setCookie: res.headers.getSetCookie(), text: await res.text() };
}

/** GET on the desk with a cookie header (or none); redirects are not followed. */
export async function get(base: string, path: string, cookie?: string): Promise<Reply> {
  return reply(await fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} }));
}

/** A form POST, as the browser sends it. */
export async function post(base: string, path: string, fields: Record<string, string>, cookie?: string): Promise<Reply> {
  return reply(
    await fetch(`${base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

export const csrfOf = (html: string): string => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** Opens a sign-in link as a browser does (the page, then its form): the session cookie (`nscl_desk=…`). */
export async function signIn(base: string, link: string): Promise<{ cookie: string; setCookie: string; location: string | null }> {
  const page = await get(base, link);
  if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
  const token = /name="t" value="([^"]+)"/.exec(page.text)?.[1] ?? "";
  const done = await post(base, "/desk/login", { t: token });
  if (done.status !== 303) throw new Error(`sign-in answered ${done.status}`);
  const setCookie = done.setCookie.find((c) => c.startsWith("nscl_desk="))!;
  return { cookie: setCookie.split(";")[0]!, setCookie, location: done.location };
}

export { memoryLogger };
