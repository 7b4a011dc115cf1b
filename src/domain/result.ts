import type { MessageArgs, MessageRef } from "../core/i18n.js";

/**
 * What a validator makes of a user's answer: the normalised value (with an optional remark the
 * user should see, e.g. "unknown mobile prefix"), or what is wrong as a message key — never a throw.
 */
export type Parsed<T> = { ok: true; value: T; note?: MessageRef } | { ok: false; error: MessageRef };

export function ok<T>(value: T, note?: MessageRef): Parsed<T> {
  return note ? { ok: true, value, note } : { ok: true, value };
}

export function fail<T = never>(key: string, args?: MessageArgs): Parsed<T> {
  return { ok: false, error: args ? { key, args } : { key } };
}
