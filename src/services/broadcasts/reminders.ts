import { z } from "zod";
import { addDays, todayInVietnam } from "../../domain/dates.js";
import { statusInfo } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import { dossierDeadline, type Timeline } from "../../knowledge/timeline.js";
import type { Collection } from "../../store/collection.js";
import { defineCollection } from "../../store/collection.js";
import type { Submissions } from "../submissions.js";
import type { Subscriptions } from "../subscriptions.js";
import { JOB_ID_PATTERN } from "./jobs.js";

/**
 * Dossier-deadline reminders: a submission whose status still awaits the dossier gets one
 * reminder, `daysBefore` days before its cycle's dossier deadline (province timeline). Each
 * (submission, deadline) pair is remembered here once it is put in a reminder job, so it is
 * reminded once per deadline — a deadline moved by the Department is a new one.
 */
export const reminderRecordSchema = z.object({ job: z.string().regex(JOB_ID_PATTERN), at: z.iso.datetime() });
export type ReminderRecord = z.infer<typeof reminderRecordSchema>;

/** Keyed `GT-2026-0042@2026-06-15`: one small record per submission and deadline. */
export const remindersCollection = defineCollection({ name: "reminders", version: 1, record: reminderRecordSchema, shards: 16 });

export const reminderKey = (code: string, deadline: string) => `${code}@${deadline}`;

export interface DueReminder {
  submission: Submission;
  deadline: string;
}

/** The submission's dossier deadline if it still awaits its dossier and the deadline has not passed. */
export function pendingDeadline(s: Submission, timeline: Timeline, now: Date): string | null {
  if (!statusInfo(s.programme, s.status)?.awaitsDossier) return null;
  const deadline = dossierDeadline(timeline, s.programme, s.awardYear);
  if (deadline === null || todayInVietnam(now) > deadline) return null;
  return deadline;
}

/** Submissions to remind now (opt-outs left out, each pair at most once). */
export function dueReminders(options: {
  submissions: Submissions;
  subscriptions: Subscriptions;
  reminded: Collection<ReminderRecord>;
  timeline: Timeline;
  daysBefore: number;
  now: Date;
}): DueReminder[] {
  const { submissions, subscriptions, reminded, timeline, daysBefore, now } = options;
  const today = todayInVietnam(now);
  const due: DueReminder[] = [];
  for (const s of submissions.all()) {
    const deadline = pendingDeadline(s, timeline, now);
    if (deadline === null || today < addDays(deadline, -daysBefore)) continue;
    if (reminded.has(reminderKey(s.code, deadline)) || !subscriptions.acceptsReminders(s.owner.userKey)) continue;
    due.push({ submission: s, deadline });
  }
  return due;
}
