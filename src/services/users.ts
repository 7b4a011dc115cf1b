import { userKeyOf, type Locale, type UserRef } from "../core/types.js";
import type { UserRecord } from "../domain/records/user.js";
import { textLanguage } from "../domain/text-language.js";
import type { UsersRepository } from "../store/repositories.js";

/** lastSeen is refreshed at most this often, so ordinary messages do not rewrite user records. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

export interface Users {
  /**
   * Records that the user wrote now (created on the first message). `official`: they hold a role,
   * so the name their channel shows is kept (for colleagues' lists and case logs).
   */
  touch(user: UserRef, now: Date, official?: boolean): Promise<UserRecord>;
  /** The names kept for these users (officials), by user key; users without one are left out. */
  names(userKeys: readonly string[]): Promise<Map<string, string>>;
  get(userKey: string): Promise<UserRecord | undefined>;
  /** Many at once (announcements, read in slices). */
  getMany(userKeys: readonly string[]): Promise<Map<string, UserRecord>>;
  setLocale(userKey: string, locale: Locale): Promise<void>;
  /**
   * For a user who has chosen no language: what they wrote (free text; null for a tap or a file)
   * updates the language we guess they read, kept on their record. Returns the language to answer
   * this turn in (null: the default) and whether to offer, this once, to keep it — the first time
   * it is other than `defaultLocale`. Nothing changes for a user who chose a language.
   */
  guessLocale(userKey: string, text: string | null, defaultLocale: Locale): Promise<{ locale: Locale | null; offer: boolean }>;
  /** The user blocked the bot / unfollowed (true), or came back (false). */
  markUnreachable(userKey: string, unreachable: boolean, now: Date): Promise<void>;
  count(): Promise<number>;
  /** Everyone, in key order, a slice at a time. */
  page(after: string | null, limit: number): Promise<UserRecord[]>;
}

/** The channel's display name, tidied; null when it gave none. */
function nameOf(user: UserRef): string | null {
  const name = user.displayName?.replace(/\s+/g, " ").trim().slice(0, 100);
  return name ? name : null;
}

export function createUsers(repo: UsersRepository): Users {
  return {
    async touch(user, now, official = false) {
      const key = userKeyOf(user);
      const iso = now.toISOString();
      const name = official ? nameOf(user) : null;
      const existing = await repo.get(key);
      const renamed = (current: UserRecord) => name !== null && current.name !== name;
      // Most messages change nothing: no write, no lock.
      if (existing && existing.unreachableSince === null && !renamed(existing) && now.getTime() - Date.parse(existing.lastSeen) < LAST_SEEN_RESOLUTION_MS) return existing;
      const stored = await repo.update(key, (current) => {
        if (!current) return { channel: user.channel, id: user.id, locale: null, firstSeen: iso, lastSeen: iso, unreachableSince: null, ...(name !== null ? { name } : {}) };
        const withName = name !== null && current.name !== name ? { ...current, name } : current;
        // A user who writes is reachable again, whatever the platform said before.
        if (current.unreachableSince !== null || now.getTime() - Date.parse(current.lastSeen) >= LAST_SEEN_RESOLUTION_MS) return { ...withName, lastSeen: iso, unreachableSince: null };
        return withName === current ? undefined : withName;
      });
      return stored!;
    },
    async names(keys) {
      const out = new Map<string, string>();
      if (keys.length === 0) return out;
      for (const [key, record] of await repo.getMany([...new Set(keys)])) if (record.name) out.set(key, record.name);
      return out;
    },
    get: (key) => repo.get(key),
    getMany: (keys) => repo.getMany(keys),
    async setLocale(key, locale) {
      await repo.update(key, (current) => (current && current.locale !== locale ? { ...current, locale } : undefined));
    },
    async guessLocale(key, text, defaultLocale) {
      const current = await repo.get(key);
      if (!current || current.locale !== null) return { locale: null, offer: false };
      const seen = text === null ? null : textLanguage(text);
      const guessed = seen ?? current.guessedLocale ?? null;
      const offer = guessed !== null && guessed !== defaultLocale && current.languageOffered !== true;
      if (guessed !== (current.guessedLocale ?? null) || offer) {
        await repo.update(key, (now) => {
          if (!now || now.locale !== null) return undefined;
          return { ...now, ...(guessed !== null ? { guessedLocale: guessed } : {}), ...(offer ? { languageOffered: true } : {}) };
        });
      }
      return { locale: guessed, offer };
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
