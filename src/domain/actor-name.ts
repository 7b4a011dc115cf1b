import type { Submission } from "./submission.js";

/**
 * Who did something to a submission, as officials read it: the enterprise that registered it by
 * its name (its account key says nothing to a person, and is the last thing to show); anyone else
 * by their account key (`telegram:…`, `zalo:…`; web accounts are a digest, never the browser's session).
 */
export function actorName(s: Pick<Submission, "owner" | "organisation">, actor: { userKey: string | null }): string {
  if (actor.userKey === null) return "";
  return actor.userKey === s.owner.userKey ? s.organisation.name : actor.userKey;
}
