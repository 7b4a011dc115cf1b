import { z } from "zod";
import { CHANNELS, LOCALES, userKeyOf, type Locale, type UserRef } from "../core/types.js";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

/** What we keep about everyone who writes to the bot: no names, no messages — only what the bot needs. */
export const userRecordSchema = z.object({
  channel: z.enum(CHANNELS),
  id: z.string().min(1).max(128),
  /** null until the user picks a language; the default locale applies meanwhile. */
  locale: z.enum(LOCALES).nullable(),
  firstSeen: z.iso.datetime(),
  lastSeen: z.iso.datetime(),
  /** Set when the platform says the user blocked the bot or unfollowed; cleared when they write again. */
  unreachableSince: z.iso.datetime().nullable().default(null),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const usersCollection = defineCollection({ name: "users", version: 1, record: userRecordSchema, shards: 32 });

/** lastSeen is refreshed at most this often, so ordinary messages do not rewrite user files. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

export interface Users {
  touch(user: UserRef, now: Date): UserRecord;
  get(userKey: string): UserRecord | undefined;
  setLocale(userKey: string, locale: Locale): void;
  /** The user blocked the bot / unfollowed (true), or came back (false). */
  markUnreachable(userKey: string, unreachable: boolean, now: Date): void;
  all(): IterableIterator<UserRecord>;
  readonly count: number;
}

export function createUsers(collection: Collection<UserRecord>): Users {
  return {
    touch(user, now) {
      const key = userKeyOf(user);
      const existing = collection.get(key);
      const iso = now.toISOString();
      if (!existing) {
        return collection.set(key, { channel: user.channel, id: user.id, locale: null, firstSeen: iso, lastSeen: iso, unreachableSince: null });
      }
      // A user who writes is reachable again, whatever the platform said before.
      if (existing.unreachableSince !== null || now.getTime() - Date.parse(existing.lastSeen) >= LAST_SEEN_RESOLUTION_MS) {
        return collection.set(key, { ...existing, lastSeen: iso, unreachableSince: null });
      }
      return existing;
    },
    get: (key) => collection.get(key),
    setLocale(key, locale) {
      const existing = collection.get(key);
      if (existing && existing.locale !== locale) collection.set(key, { ...existing, locale });
    },
    markUnreachable(key, unreachable, now) {
      const existing = collection.get(key);
      if (!existing) return;
      const since = unreachable ? (existing.unreachableSince ?? now.toISOString()) : null;
      if (since !== existing.unreachableSince) collection.set(key, { ...existing, unreachableSince: since });
    },
    all: () => collection.values(),
    get count() {
      return collection.size;
    },
  };
}
