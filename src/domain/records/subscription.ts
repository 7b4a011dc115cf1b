import { z } from "zod";

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
