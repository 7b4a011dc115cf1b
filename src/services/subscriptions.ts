import type { SubscriptionChoice } from "../domain/records/subscription.js";
import type { SubscriptionsRepository } from "../store/repositories.js";

export interface Subscriptions {
  /** null: never answered. */
  choiceOf(userKey: string): Promise<SubscriptionChoice | null>;
  /** The choices of many users at once (announcements, read in slices). */
  choicesOf(userKeys: readonly string[]): Promise<Map<string, SubscriptionChoice | null>>;
  wasAsked(userKey: string): Promise<boolean>;
  /** Remembers that the question was put, so it is put once. */
  markAsked(userKey: string, now: Date): Promise<void>;
  /** Returns false when the choice was already that. */
  set(userKey: string, choice: SubscriptionChoice, now: Date): Promise<boolean>;
  wantsAnnouncements(userKey: string): Promise<boolean>;
  /** Reminders about the user's own dossier: unless they turned announcements off. */
  acceptsReminders(userKey: string): Promise<boolean>;
}

export function createSubscriptions(repo: SubscriptionsRepository): Subscriptions {
  const choiceOf = async (key: string) => (await repo.get(key))?.choice ?? null;
  return {
    choiceOf,
    async choicesOf(keys) {
      const found = await repo.getMany(keys);
      return new Map(keys.map((k) => [k, found.get(k)?.choice ?? null]));
    },
    wasAsked: async (key) => (await repo.get(key)) !== undefined,
    async markAsked(key, now) {
      await repo.update(key, (current) => (current ? undefined : { choice: null, askedAt: now.toISOString(), changedAt: null }));
    },
    async set(key, choice, now) {
      let changed = false;
      await repo.update(key, (current) => {
        if (current?.choice === choice) return undefined;
        changed = true;
        return { choice, askedAt: current?.askedAt ?? null, changedAt: now.toISOString() };
      });
      return changed;
    },
    wantsAnnouncements: async (key) => (await choiceOf(key)) === "yes",
    acceptsReminders: async (key) => (await choiceOf(key)) !== "no",
  };
}
