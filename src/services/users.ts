import { userKeyOf, type Locale, type UserRef } from "../core/types.js";
import type { UserRecord } from "../domain/records/user.js";
import type { UsersRepository } from "../store/repositories.js";

/** lastSeen is refreshed at most this often, so ordinary messages do not rewrite user records. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

export interface Users {
  /** Records that the user wrote now (created on the first message). */
  touch(user: UserRef, now: Date): Promise<UserRecord>;
  get(userKey: string): Promise<UserRecord | undefined>;
  /** Many at once (announcements, read in slices). */
  getMany(userKeys: readonly string[]): Promise<Map<string, UserRecord>>;
  setLocale(userKey: string, locale: Locale): Promise<void>;
  /** The user blocked the bot / unfollowed (true), or came back (false). */
  markUnreachable(userKey: string, unreachable: boolean, now: Date): Promise<void>;
  count(): Promise<number>;
  /** Everyone, in key order, a slice at a time. */
  page(after: string | null, limit: number): Promise<UserRecord[]>;
}

export function createUsers(repo: UsersRepository): Users {
  return {
    async touch(user, now) {
      const key = userKeyOf(user);
      const iso = now.toISOString();
      const existing = await repo.get(key);
      // Most messages change nothing: no write, no lock.
      if (existing && existing.unreachableSince === null && now.getTime() - Date.parse(existing.lastSeen) < LAST_SEEN_RESOLUTION_MS) return existing;
      const stored = await repo.update(key, (current) => {
        if (!current) return { channel: user.channel, id: user.id, locale: null, firstSeen: iso, lastSeen: iso, unreachableSince: null };
        // A user who writes is reachable again, whatever the platform said before.
        if (current.unreachableSince !== null || now.getTime() - Date.parse(current.lastSeen) >= LAST_SEEN_RESOLUTION_MS) return { ...current, lastSeen: iso, unreachableSince: null };
        return undefined;
      });
      return stored!;
    },
    get: (key) => repo.get(key),
    getMany: (keys) => repo.getMany(keys),
    async setLocale(key, locale) {
      await repo.update(key, (current) => (current && current.locale !== locale ? { ...current, locale } : undefined));
    },
    async markUnreachable(key, unreachable, now) {
      await repo.update(key, (current) => {
        if (!current) return undefined;
        const since = unreachable ? (current.unreachableSince ?? now.toISOString()) : null;
        return since !== current.unreachableSince ? { ...current, unreachableSince: since } : undefined;
      });
    },
    count: () => repo.count(),
    page: (after, limit) => repo.page(after, limit),
  };
}
