/**
 * Button codecs: the data a button carries, typed. On the wire it stays `prefix:field:field…`
 * (buttons already sent in chats keep working); in code a feature writes and reads a typed tuple
 * of those fields, and whatever a client sends back is checked by the codec's zod schema.
 */
import { z } from "zod";
import { MAX_BUTTON_DATA_BYTES } from "./types.js";

/** One field after the prefix; no `:` in it (but in the last field of a `maxFields` codec). */
export type ButtonField = string | number;
/** The fields of one button, in wire order; trailing optional fields may be left out. */
export type ButtonFields = readonly (ButtonField | undefined)[];

/** Any codec, its value type forgotten: what the core keeps (the object itself tells two codecs apart). */
export interface SomeButtonCodec {
  readonly prefix: string;
  /** The value of data a client sent, or undefined if it is not this codec's (malformed, forged). Never throws. */
  decode(data: string): ButtonFields | undefined;
}

export interface ButtonCodec<T extends ButtonFields> extends SomeButtonCodec {
  /** `prefix:fields…`. Throws on data over 64 bytes or that `decode` would refuse: a programmer error. */
  encode(value: Readonly<T>): string;
  decode(data: string): T | undefined;
}

/** The value type of a codec: `ButtonValue<typeof kbButton>`. */
export type ButtonValue<C> = C extends ButtonCodec<infer T> ? T : never;

export interface ButtonCodecOptions {
  /** At most this many fields: the last keeps any `:` (a user key is `channel:id`). Default: no limit. */
  maxFields?: number;
}

const PREFIX_PATTERN = /^[a-z]{1,8}$/;
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The prefix of button data (everything before the first `:`). */
export function prefixOf(data: string): string {
  const sep = data.indexOf(":");
  return sep < 0 ? data : data.slice(0, sep);
}

/**
 * A codec for buttons `prefix:…` whose fields `fields` checks (a zod schema over the array of
 * field strings: usually a tuple, or a union of tuples for several verbs).
 */
export function buttonCodec<T extends ButtonFields>(prefix: string, fields: z.ZodType<T>, options: ButtonCodecOptions = {}): ButtonCodec<T> {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`button prefix "${prefix}" must be 1–8 lowercase letters`);
  const split = (rest: string): string[] => {
    if (rest === "") return [];
    const parts = rest.split(":");
    const max = options.maxFields;
    return max !== undefined && parts.length > max ? [...parts.slice(0, max - 1), parts.slice(max - 1).join(":")] : parts;
  };
  const decode = (data: string): T | undefined => {
    if (typeof data !== "string" || bytes(data) > MAX_BUTTON_DATA_BYTES || prefixOf(data) !== prefix) return undefined;
    const parsed = fields.safeParse(split(data.slice(prefix.length + 1)));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    prefix,
    encode(value) {
      const present = [...value];
      while (present.length && present[present.length - 1] === undefined) present.pop();
      const data = [prefix, ...present.map((f) => String(f))].join(":");
      const size = bytes(data);
      if (size > MAX_BUTTON_DATA_BYTES) throw new Error(`button data "${data}" is ${size} bytes; Telegram takes at most ${MAX_BUTTON_DATA_BYTES}`);
      // A button we could not read back would only ever answer "no longer valid".
      if (decode(data) === undefined) throw new Error(`button data "${data}" does not decode with its own codec`);
      return data;
    },
    decode,
  };
}

/**
 * Data whose fields the feature reads itself: the value is everything after the prefix, unchecked.
 * For test fixtures and code that parses its own data; a feature should declare typed fields.
 */
export function untypedButton(prefix: string): ButtonCodec<readonly [string]> {
  return buttonCodec(prefix, z.tuple([z.string().min(1)]), { maxFields: 1 });
}

/** A whole number written in `min`–`max` digits: a page, an index, a year. */
export function digits(max: number, min = 1) {
  return z
    .string()
    .regex(new RegExp(`^\\d{${min},${max}}$`))
    .transform(Number);
}

/** The core's own buttons: `cmd:<command>` runs that command (as typing it would). */
export const commandButton = buttonCodec("cmd", z.tuple([z.string().regex(/^[a-z0-9_]{1,32}$/)]));
