import type { Submission } from "./submission.js";

export interface ActorNaming {
  /** The submission the entry is about: its owner and linked accounts are the enterprise, named by its contact. */
  submission?: Pick<Submission, "owner" | "organisation" | "contact" | "linked">;
  /** Names kept for officials, by user key (`services.users.names`). */
  names?: ReadonlyMap<string, string>;
  /**
   * How someone without a name reads, given a short tag made from their account (never the
   * account id itself): "cán bộ #k3f9". The caller words it (it knows the language and the role).
   */
  unnamed: (tag: string) => string;
}

/** A short tag that tells two accounts apart without showing either (4 base-36 characters of a hash). */
export function accountTag(userKey: string): string {
  // FNV-1a, 32 bits: stable across runs and backends, not reversible to the id in any useful way.
  let h = 0x811c9dc5;
  for (let i = 0; i < userKey.length; i++) {
    h ^= userKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 4).toString(36).padStart(4, "0");
}

/**
 * Who did something, as officials read it — the one place this is decided: the name the channel
 * gave an official (kept while they hold a role), else the enterprise's contact and its name when
 * the account registered (or was linked to) the submission, else a short tag worded by the caller.
 * Never an account id: `telegram:700001` says nothing to a person, and a web chat's session is a
 * credential that must never be shown (its digest is not shown either).
 */
export function actorName(actor: { userKey: string | null }, naming: ActorNaming): string {
  const key = actor.userKey;
  if (key === null) return "";
  const named = naming.names?.get(key);
  if (named) return named;
  const s = naming.submission;
  if (s && (key === s.owner.userKey || s.linked.some((l) => l.userKey === key))) return s.contact ? `${s.contact.name}, ${s.organisation.name}` : s.organisation.name;
  return naming.unnamed(accountTag(key));
}
