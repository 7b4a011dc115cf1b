import type { Readable } from "node:stream";
import type { Update, UserFromGetMe } from "grammy/types";

export const BOT_INFO: UserFromGetMe = {
  id: 900000001,
  is_bot: true,
  first_name: "Trợ lý NSCL",
  username: "nscl_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
export const TEST_TOKEN = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}
export type FailRule = (call: ApiCall) => { error_code: number; description: string; parameters?: Record<string, unknown> } | undefined;

async function readBody(body: unknown): Promise<Record<string, unknown>> {
  if (typeof body === "string") return JSON.parse(body) as Record<string, unknown>;
  if (!body) return {};
  // A file upload: grammY streams multipart/form-data; keep the plain fields and the file name.
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  const text = Buffer.concat(chunks).toString("latin1");
  const fields: Record<string, unknown> = {};
  for (const m of text.matchAll(/name="([^"]+)"(?:; filename="([^"]*)")?\r\n(?:content-type:[^\r]*\r\n)?\r\n([\s\S]*?)\r\n--/gi)) {
    const [, name, filename, value] = m;
    if (filename !== undefined) fields[`${name}:filename`] = Buffer.from(filename, "latin1").toString("utf8");
    else fields[name!] = /^[[{]/.test(value!) ? JSON.parse(Buffer.from(value!, "latin1").toString("utf8")) : Buffer.from(value!, "latin1").toString("utf8");
  }
  // File parts by their headers alone (binary content, e.g. a PNG, need not parse as text).
  // (grammY writes `name="<part>";filename=<name>` with no quotes around the file name.)
  for (const m of text.matchAll(/name="([^"]+)";\s*filename="?([^"\r\n]*)"?\r\n/g)) fields[`${m[1]}:filename`] ??= Buffer.from(m[2]!, "latin1").toString("utf8");
  return fields;
}

/** The Bot API at grammY's network edge (`client.fetch`): records every call, answers like Telegram. */
export function fakeBotApi(fail?: FailRule) {
  const calls: ApiCall[] = [];
  let messageId = 1;
  const fetch = async (url: string | URL, init?: { body?: unknown }): Promise<Response> => {
    const method = String(url).split("/").pop() ?? "";
    const payload = await readBody(init?.body);
    const call = { method, payload };
    calls.push(call);
    const failure = fail?.(call);
    if (failure) return new Response(JSON.stringify({ ok: false, ...failure }), { status: failure.error_code, headers: { "content-type": "application/json" } });
    const chat = { id: Number(payload.chat_id ?? 0), type: "private" };
    const result = method.startsWith("send") ? { message_id: messageId++, date: 1_790_000_000, chat, text: payload.text } : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { "content-type": "application/json" } });
  };
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    sent: () => calls.filter((c) => c.method.startsWith("send")),
    clear: () => calls.splice(0),
  };
}

let updateId = 1;
const from = (userId: number) => ({ id: userId, is_bot: false, first_name: "Lan", language_code: "vi" });

export function textUpdate(userId: number, text: string, chatType: "private" | "group" = "private"): Update {
  const command = /^\/[A-Za-z0-9_]+/.exec(text);
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1_790_000_000,
      chat: chatType === "private" ? { id: userId, type: "private", first_name: "Lan" } : { id: -100123, type: "group", title: "Nhóm" },
      from: from(userId),
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  } as Update;
}

export function callbackUpdate(userId: number, data: string): Update {
  return {
    update_id: updateId++,
    callback_query: {
      id: `cb${updateId}`,
      from: from(userId),
      chat_instance: "ci",
      data,
      message: { message_id: 1, date: 1_790_000_000, chat: { id: userId, type: "private", first_name: "Lan" }, text: "…" },
    },
  } as Update;
}

export function documentUpdate(userId: number, fileName: string): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1_790_000_000,
      chat: { id: userId, type: "private", first_name: "Lan" },
      from: from(userId),
      document: { file_id: "BQACAgIAAxkBAAIB", file_unique_id: "AgADxx", file_name: fileName, mime_type: "application/pdf", file_size: 12345 },
    },
  } as Update;
}

export function stickerUpdate(userId: number): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1_790_000_000,
      chat: { id: userId, type: "private", first_name: "Lan" },
      from: from(userId),
      sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
    },
  } as Update;
}

export function chatMemberUpdate(userId: number, status: "kicked" | "member"): Update {
  const user = { id: userId, is_bot: false, first_name: "Lan" };
  const bot = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name };
  return {
    update_id: updateId++,
    my_chat_member: {
      chat: { id: userId, type: "private", first_name: "Lan" },
      from: user,
      date: 1_790_000_000,
      old_chat_member: status === "kicked" ? { status: "member", user: bot } : { status: "kicked", user: bot, until_date: 0 },
      new_chat_member: status === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: "member", user: bot },
    },
  } as Update;
}
