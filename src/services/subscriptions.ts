import { z } from "zod";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";

/**
 * Who wants the Department's announcements. Opt-in: a user is asked once (at /start) and gets
 * announcements only after saying yes. Deadline reminders about the user's own submission go
 * unless they said no.
 */
export const subscriptionRecordSchema = z.object({
  /** null = asked, no answer yet. */
  choice: z.enum(["yes", "no"]).nullable(),
  askedAt: z.iso.datetime().nullable(),
  changedAt: z.iso.datetime().nullable(),
});
export type SubscriptionRecord = z.infer<typeof subscriptionRecordSchema>;
export type SubscriptionChoice = "yes" | "no";

/** Keyed by user key (`telegram:123`); one small record per user who was asked. */
export const subscriptionsCollection = defineCollection({ name: "subscriptions", version: 1, record: subscriptionRecordSchema, shards: 16 });

export interface Subscriptions {
  /** null: never answered. */
  choiceOf(userKey: string): SubscriptionChoice | null;
  wasAsked(userKey: string): boolean;
  /** Remembers that the question was put, so it is put once. */
  markAsked(userKey: string, now: Date): void;
  /** Returns false when the choice was already that. */
  set(userKey: string, choice: SubscriptionChoice, now: Date): boolean;
  wantsAnnouncements(userKey: string): boolean;
  /** Reminders about the user's own dossier: unless they turned announcements off. */
  acceptsReminders(userKey: string): boolean;
}

export function createSubscriptions(collection: Collection<SubscriptionRecord>): Subscriptions {
  const choiceOf = (key: string) => collection.get(key)?.choice ?? null;
  return {
    choiceOf,
    wasAsked: (key) => collection.has(key),
    markAsked(key, now) {
      if (!collection.has(key)) collection.set(key, { choice: null, askedAt: now.toISOString(), changedAt: null });
    },
    set(key, choice, now) {
      const existing = collection.get(key);
      if (existing?.choice === choice) return false;
      collection.set(key, { choice, askedAt: existing?.askedAt ?? null, changedAt: now.toISOString() });
      return true;
    },
    wantsAnnouncements: (key) => choiceOf(key) === "yes",
    acceptsReminders: (key) => choiceOf(key) !== "no",
  };
}
