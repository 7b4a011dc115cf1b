import type { Translator } from "../core/i18n.js";
import type { Logger } from "../core/log.js";
import { joinMarkup } from "../core/markup.js";
import type { ChannelName, FileRef, Locale, OutboundMessage } from "../core/types.js";
import type { UploadsRepository } from "../store/repositories.js";

/**
 * Channels whose files we hold ourselves (their ref is an id in the uploads store): a channel that
 * gives us the bytes and keeps nothing for us to point at later.
 */
const HELD_HERE: ReadonlySet<ChannelName> = new Set(["web"]);

export function heldHere(file: FileRef): boolean {
  return HELD_HERE.has(file.channel);
}

export interface Files {
  /**
   * The messages with every file we hold (`{ kind: "stored" }` of a web upload) replaced by its
   * bytes, so any channel sends it as a file of its own; a file whose bytes are gone becomes a
   * line saying so, in `locale`. Files other channels keep (a Telegram file_id) pass unchanged.
   */
  resolve(messages: OutboundMessage[], locale: Locale): Promise<OutboundMessage[]>;
}

/** Between the core and the channels: one place that turns our stored files into bytes (README, "Web chat"). */
export function createFiles(uploads: UploadsRepository, translator: Translator, log: Logger): Files {
  const resolveOne = async (message: OutboundMessage, locale: Locale): Promise<OutboundMessage> => {
    const a = message.attachment;
    if (a?.kind !== "stored" || !heldHere(a.file)) return message;
    let upload;
    try {
      upload = await uploads.get(a.file.ref);
    } catch (error) {
      log.error("files: a stored upload could not be read", { error: String(error) });
      upload = undefined;
    }
    if (upload) return { ...message, attachment: { kind: "bytes", name: a.file.name, mime: upload.mime, bytes: upload.bytes } };
    const { attachment: _gone, ...rest } = message;
    return { ...rest, text: joinMarkup([message.text, translator.t(locale, "file-gone", { name: a.file.name })].filter((t) => t.length > 0), "\n\n") };
  };
  return {
    async resolve(messages, locale) {
      if (!messages.some((m) => m.attachment?.kind === "stored" && heldHere(m.attachment.file))) return messages;
      const out: OutboundMessage[] = [];
      for (const m of messages) out.push(await resolveOne(m, locale));
      return out;
    },
  };
}
