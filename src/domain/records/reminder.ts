import { z } from "zod";
import { JOB_ID_PATTERN } from "./broadcast-job.js";

/**
 * Dossier-deadline reminders: a submission whose status still awaits the dossier gets one
 * reminder, `daysBefore` days before its cycle's dossier deadline (province timeline). Each
 * (submission, deadline) pair is remembered once it is put in a reminder job, so it is
 * reminded once per deadline — a deadline moved by the Department is a new one.
 */
export const reminderRecordSchema = z.object({ job: z.string().regex(JOB_ID_PATTERN), at: z.iso.datetime() });
export type ReminderRecord = z.infer<typeof reminderRecordSchema>;

export const reminderKey = (code: string, deadline: string) => `${code}@${deadline}`;
