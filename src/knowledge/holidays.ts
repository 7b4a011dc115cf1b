import path from "node:path";
import { z } from "zod";
import { loadJsonFile, readJsonFile } from "./json-file.js";
import type { ContentProblem } from "./kb.js";

/** data/holidays.json: Vietnam's public holidays (days off for the unit), each with its name. */
export const holidaysFileSchema = z.object({
  source: z.string().min(1),
  reviewed: z.iso.date(),
  note: z.string().optional(),
  days: z.array(z.object({ date: z.iso.date(), name: z.object({ vi: z.string().min(1), en: z.string().min(1) }) })).min(1),
});
export type HolidaysFile = z.infer<typeof holidaysFileSchema>;

export const HOLIDAYS_FILE = "holidays.json";

/** Years the file must cover: the current one and the next (`kb check` says when it runs out). */
export function checkHolidays(data: HolidaysFile, today: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (id: string | null, message: string) => problems.push({ file, id, message });
  if (data.reviewed > today) add(null, `reviewed date ${data.reviewed} is in the future`);
  const dates = data.days.map((d) => d.date);
  for (let i = 1; i < dates.length; i++) if (dates[i]! <= dates[i - 1]!) add(dates[i]!, "dates must be in order, each once");
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) if (!dates.some((d) => d.startsWith(`${y}-`))) add(null, `no holidays listed for ${y}`);
  return problems;
}

/** The holidays' dates; a missing or broken file stops the start with its name. */
export function loadHolidays(dataDir: string): ReadonlySet<string> {
  const data = loadJsonFile(path.join(dataDir, HOLIDAYS_FILE), holidaysFileSchema, (message) => new Error(message));
  return new Set(data.days.map((d) => d.date));
}

/** For `kb check`: the file's problems (schema, order, years covered). */
export function readHolidays(dataDir: string, today: string): ContentProblem[] {
  const file = path.join(dataDir, HOLIDAYS_FILE);
  const read = readJsonFile(file, holidaysFileSchema);
  if (!read.ok) return [{ file, id: null, message: read.message }];
  return checkHolidays(read.value, today, file);
}
