import dayjs from "dayjs";
import { z } from "zod";
import { todayInVietnam, VN_TIME_ZONE } from "./vietnam-time.js";

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * The unit's office week (province profile `officeHours`): ISO weekdays (1 = Monday … 7 = Sunday)
 * and the hours, Vietnam time; `open`/`close` null = not known (the bot then names no hours).
 */
export const officeHoursSchema = z
  .object({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    open: hhmm.nullable(),
    close: hhmm.nullable(),
    source: z.string().min(1),
  })
  .refine((h) => (h.open === null) === (h.close === null) && (h.open === null || h.open < h.close!), { message: "open and close are both given (open before close) or both null" });
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** When a person is expected to answer a question passed now. */
export type AnswerExpected =
  /** Within (or before) today's office hours on a working day. */
  | { kind: "today" }
  /** The next working day, YYYY-MM-DD in Vietnam. */
  | { kind: "next"; date: string }
  /** The province profile has no office week: "the next working day", no date. */
  | { kind: "unknown" };

const isoWeekday = (date: string) => {
  const d = dayjs(`${date}T12:00:00Z`).day();
  return d === 0 ? 7 : d;
};
const nextDay = (date: string) => dayjs(`${date}T12:00:00Z`).add(1, "day").format("YYYY-MM-DD");

export function isWorkingDay(date: string, hours: OfficeHours, holidays: ReadonlySet<string>): boolean {
  return hours.weekdays.includes(isoWeekday(date)) && !holidays.has(date);
}

/** The first working day after `date` (a year of days off at most is looked through). */
export function nextWorkingDay(date: string, hours: OfficeHours, holidays: ReadonlySet<string>): string | null {
  let d = nextDay(date);
  for (let i = 0; i < 366; i++, d = nextDay(d)) if (isWorkingDay(d, hours, holidays)) return d;
  return null;
}

/**
 * Today when it is a working day and the office has not closed yet (hours known); otherwise the
 * next working day — also on a working day whose hours are not known, so the bot never promises
 * more than it can tell.
 */
export function answerExpected(now: Date, hours: OfficeHours | null, holidays: ReadonlySet<string>): AnswerExpected {
  if (!hours) return { kind: "unknown" };
  const today = todayInVietnam(now);
  const clock = dayjs(now).tz(VN_TIME_ZONE).format("HH:mm");
  if (isWorkingDay(today, hours, holidays) && hours.close !== null && clock < hours.close) return { kind: "today" };
  const next = nextWorkingDay(today, hours, holidays);
  return next ? { kind: "next", date: next } : { kind: "unknown" };
}
