import { fail, ok, type Parsed } from "./result.js";

export const EMAIL_EXAMPLE = "lienhe@congty.vn";

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * An email address as people type it: surrounding spaces and a trailing dot dropped, stored in
 * lower case. ASCII only (a letter with a diacritic is almost always a typo here).
 */
export function parseEmail(input: string): Parsed<string> {
  const text = input.normalize("NFKC").trim().replace(/^mailto:/i, "").replace(/\.$/, "");
  if (text === "") return fail("val-email-empty", { example: EMAIL_EXAMPLE });
  if (/\s/.test(text)) return fail("val-email-space", { example: EMAIL_EXAMPLE });
  const at = text.lastIndexOf("@");
  if (at <= 0 || text.indexOf("@") !== at) return fail("val-email-at", { example: EMAIL_EXAMPLE });
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (text.length > 254 || local.length > 64) return fail("val-email-invalid", { example: EMAIL_EXAMPLE });
  const labels = domain.split(".");
  if (!LOCAL.test(local) || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,24}$/.test(labels[labels.length - 1]!)) {
    return fail("val-email-invalid", { example: EMAIL_EXAMPLE });
  }
  return ok(`${local}@${domain}`.toLowerCase());
}
