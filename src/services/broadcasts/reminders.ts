import { addDays } from "../../domain/dates.js";
import { todayInVietnam } from "../../domain/vietnam-time.js";
import { reminderKey } from "../../domain/records/reminder.js";
import { STATUSES, statusInfo } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import { dossierDeadline, type Timeline } from "../../domain/timeline.js";
import type { RemindersRepository, SubmissionsRepository } from "../../store/repositories.js";
import type { Subscriptions } from "../subscriptions.js";

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

/** Submissions read per query while looking for reminders. */
const SLICE = 1000;

/**
 * Submissions to remind now (opt-outs left out, each pair at most once): only the cycles whose
 * deadline is within `daysBefore` days are looked at, and only their submissions awaiting the dossier.
 */
export async function dueReminders(options: {
  submissions: SubmissionsRepository;
  subscriptions: Subscriptions;
  reminders: RemindersRepository;
  timeline: Timeline;
  daysBefore: number;
  now: Date;
}): Promise<DueReminder[]> {
  const { submissions, subscriptions, reminders, timeline, daysBefore, now } = options;
  const today = todayInVietnam(now);
  const due: DueReminder[] = [];
  for (const cycle of timeline.cycles) {
    const deadline = dossierDeadline(timeline, cycle.programme, cycle.year);
    if (deadline === null || today > deadline || today < addDays(deadline, -daysBefore)) continue;
    const statuses = STATUSES[cycle.programme].filter((s) => s.awaitsDossier).map((s) => s.id);
    if (statuses.length === 0) continue;
    let after: string | null = null;
    for (;;) {
      const slice = await submissions.page({ programme: cycle.programme, year: cycle.year, statuses }, after, SLICE);
      if (slice.length === 0) break;
      after = slice[slice.length - 1]!.code;
      const recorded = await reminders.recorded(slice.map((s) => reminderKey(s.code, deadline)));
      const choices = await subscriptions.choicesOf(slice.map((s) => s.owner.userKey));
      for (const s of slice) {
        if (recorded.has(reminderKey(s.code, deadline)) || choices.get(s.owner.userKey) === "no") continue;
        due.push({ submission: s, deadline });
      }
      if (slice.length < SLICE) break;
    }
  }
  return due;
}
