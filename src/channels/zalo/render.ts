import { esc, splitMarkup, toPlainText } from "../../core/markup.js";
import { buttonDataFits, type Button, type OutboundMessage } from "../../core/types.js";
import { numberChoices } from "../shared/choices.js";
import {
  ZALO_BUTTON_TITLE_LIMIT,
  ZALO_FILE_MIMES,
  ZALO_FILE_UPLOAD_LIMIT,
  ZALO_IMAGE_MIMES,
  ZALO_IMAGE_UPLOAD_LIMIT,
  ZALO_MAX_BUTTONS,
  ZALO_TEXT_LIMIT,
  type QueryButton,
} from "./api-schemas.js";

/**
 * A pressed `oa.query.hide` button comes back as an ordinary `user_send_text` whose text is the
 * payload (hidden on the user's screen). This prefix tells it from typed text; what follows is
 * the core's button data, untrusted like any button data.
 */
export const BUTTON_PAYLOAD_PREFIX = "#nscl:";

export function payloadOf(data: string): string {
  return `${BUTTON_PAYLOAD_PREFIX}${data}`;
}

/** The core button data a text carries, or null for typed text. */
export function buttonDataOf(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.startsWith(BUTTON_PAYLOAD_PREFIX) ? trimmed.slice(BUTTON_PAYLOAD_PREFIX.length) : null;
}

/** One consultation message to send, described as data so it can be tested without a network. */
export type ZaloCall =
  | { kind: "text"; text: string; buttons?: QueryButton[] }
  /** Uploaded first, then sent; `fallback` is sent instead when the upload fails. */
  | { kind: "image" | "file"; bytes: Uint8Array; name: string; mime: string; fallback: string };

/** Texts the renderer adds, in the user's language. */
export interface RenderTexts {
  chooseByNumber: string;
  fileElsewhere(name: string): string;
  storedFile(name: string, url: string): string;
}

export interface Rendered {
  calls: ZaloCall[];
  /** Choices shown as a numbered list (more than 5 buttons), in order: "1" is options[0]. */
  options: Button[];
}

/** Splits plain text at paragraph, line, sentence or word boundaries (Zalo shows no formatting). */
export function splitPlain(text: string, max = ZALO_TEXT_LIMIT): string[] {
  return splitMarkup(esc(text), max).map((part) => toPlainText(part));
}

/**
 * Turns the core's messages into consultation messages: plain text split at 2,000 characters;
 * up to 5 buttons as `oa.query.hide` on the last part; more choices as a numbered list the user
 * answers with a number; files uploaded when Zalo takes their type and size, otherwise a line
 * saying where to get them.
 */
export function renderMessages(messages: readonly OutboundMessage[], texts: RenderTexts): Rendered {
  const calls: ZaloCall[] = [];
  const options: Button[] = [];
  for (const message of messages) {
    const buttons = (message.buttons ?? []).flat().filter((b) => buttonDataFits(b.data));
    if (message.edit) {
      // Zalo cannot edit a sent message: say only what changed. The choices stay those already
      // shown — the buttons of that message, or its numbered list, kept under the same numbers.
      if (buttons.length > ZALO_MAX_BUTTONS) numberChoices(buttons, options);
      calls.push(...splitPlain(toPlainText(message.edit.change).trim() || "…").map((text): ZaloCall => ({ kind: "text", text })));
      continue;
    }
    const paragraphs = [toPlainText(message.text).trim()];
    let queryButtons: QueryButton[] | undefined;
    if (buttons.length > ZALO_MAX_BUTTONS) {
      paragraphs.push(numberChoices(buttons, options).join("\n"), texts.chooseByNumber);
    } else if (buttons.length > 0) {
      queryButtons = buttons.map((b) => ({
        title: b.label.slice(0, ZALO_BUTTON_TITLE_LIMIT).trim() || "…",
        type: "oa.query.hide" as const,
        payload: payloadOf(b.data),
      }));
    }

    let upload: ZaloCall | undefined;
    const a = message.attachment;
    if (a?.kind === "bytes") {
      const kind = uploadKindOf(a.mime, a.bytes.length);
      if (kind) upload = { kind, bytes: a.bytes, name: a.name, mime: a.mime, fallback: texts.fileElsewhere(a.name) };
      else paragraphs.push(texts.fileElsewhere(a.name));
    } else if (a?.kind === "stored") {
      paragraphs.push(/^https?:\/\//.test(a.file.ref) ? texts.storedFile(a.file.name, a.file.ref) : texts.fileElsewhere(a.file.name));
    }

    let text = paragraphs.filter((p) => p !== "").join("\n\n");
    if (text === "" && (queryButtons || !upload)) text = "…";
    const parts = text === "" ? [] : splitPlain(text);
    parts.forEach((part, i) => {
      calls.push(i === parts.length - 1 && queryButtons ? { kind: "text", text: part, buttons: queryButtons } : { kind: "text", text: part });
    });
    if (upload) calls.push(upload);
  }
  return { calls, options };
}

function uploadKindOf(mime: string, size: number): "image" | "file" | null {
  if ((ZALO_IMAGE_MIMES as readonly string[]).includes(mime) && size <= ZALO_IMAGE_UPLOAD_LIMIT) return "image";
  if ((ZALO_FILE_MIMES as readonly string[]).includes(mime) && size <= ZALO_FILE_UPLOAD_LIMIT) return "file";
  return null;
}
