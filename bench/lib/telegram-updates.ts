import type { Update, UserFromGetMe } from "grammy/types";

// Telegram updates as a person's client would send them, for the benchmarks and the tests (both
// drive grammY's handleUpdate or a fake Bot API with them).

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

/** A picture sent as a photo (not as a file): Telegram gives sizes, the largest last, and no file name. */
export function photoUpdate(userId: number, fileId: string): Update {
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1_790_000_000,
      chat: { id: userId, type: "private", first_name: "Lan" },
      from: from(userId),
      photo: [
        { file_id: `${fileId}-small`, file_unique_id: "AQADsmall", width: 90, height: 67, file_size: 1_200 },
        { file_id: fileId, file_unique_id: "AQADlarge", width: 1280, height: 960, file_size: 180_000 },
      ],
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
