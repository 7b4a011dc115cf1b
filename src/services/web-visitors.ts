import type { Storage } from "../store/port.js";

/** A web visitor not back for this long, holding nothing, is forgotten. */
export const WEB_VISITOR_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
const PAGE = 500;

/**
 * Web-chat visitors are anonymous browsers, and anyone can make up sessions by the thousand: each
 * one leaves a user record, perhaps a subscription and a mailbox. A visitor not seen for 30 days
 * who holds no submission and no unfinished form is forgotten entirely — so a flood of made-up
 * sessions (or subscriptions) does not stay in the store, and announcements stop going to
 * browsers that never come back. Returns how many were forgotten.
 */
export async function forgetIdleWebVisitors(storage: Pick<Storage, "unit" | "repos">, now: Date, idleMs = WEB_VISITOR_IDLE_MS): Promise<number> {
  const { users, dialogs, submissions, subscriptions, mailboxes } = storage.repos;
  const before = now.getTime() - idleMs;
  let forgotten = 0;
  // Web users are next to each other in key order ("web:…").
  let after = "web:";
  for (;;) {
    const slice = await users.page(after, PAGE);
    const web = slice.filter((u) => u.channel === "web");
    for (const u of web) {
      if (Date.parse(u.lastSeen) >= before) continue;
      const key = `web:${u.id}`;
      // In the user's own order (lockKey): a message arriving now is not lost between the checks.
      const gone = await storage.unit(
        async () => {
          const current = await users.get(key);
          if (!current || Date.parse(current.lastSeen) >= before) return false;
          if ((await dialogs.get(key)) || (await submissions.byHolder(key)).length > 0) return false;
          await subscriptions.delete(key);
          await mailboxes.take(u.id);
          return users.delete(key);
        },
        { lockKey: key },
      );
      if (gone) forgotten++;
    }
    if (web.length < slice.length || slice.length < PAGE) return forgotten;
    after = `web:${slice[slice.length - 1]!.id}`;
  }
}
