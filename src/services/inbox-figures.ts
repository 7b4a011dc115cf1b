import { isoWeekOfDate, mondayOf } from "../domain/iso-week.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import { foldedWords } from "../knowledge/fold.js";
import type { Feedback } from "./feedback.js";
import type { Inbox } from "./inbox.js";

/** One ISO week of the hand-off loop, as `/thongke` shows it. */
export interface InboxWeekFigures {
  week: string;
  /** Questions that reached the FAQ search, and those the bot answered (sure). */
  asked: number;
  answeredByBot: number;
  /** Inbox items opened that week (a question added to an open item is not a new one). */
  passed: number;
  /** Of those, answered by a person (in the bot or the Zalo OA chat), and the median minutes to the first answer. */
  answeredByPeople: number;
  medianMinutes: number | null;
  up: number;
  down: number;
}

export interface InboxFigures {
  weeks: InboxWeekFigures[];
  /** The most frequent word pairs (folded, no diacritics) of refused questions over those weeks, with counts. */
  themes: { words: string; count: number }[];
}

/** Short words that say nothing about a theme (folded). */
const STOP = new Set(["la", "gi", "co", "khong", "cua", "va", "cho", "the", "nao", "bao", "nhieu", "duoc", "toi", "em", "minh", "o", "dau", "ve", "thi", "nhu", "hoi", "a", "the", "is", "what", "how", "the", "to", "of", "do", "i", "my"]);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * The unanswered themes, kept simple: pairs of neighbouring words of the refused questions, after
 * folding and leaving out words that carry no topic; each pair counted once per question; the most
 * frequent first (ties in alphabetical order), only pairs seen in two questions or more.
 */
export function frequentThemes(questions: readonly string[], top = 5): { words: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const q of questions) {
    const words = foldedWords(q, 40).filter((w) => w.length > 1 && !STOP.has(w));
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
    for (const p of pairs) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top)
    .map(([words, count]) => ({ words, count }));
}

/** The last `weeks` ISO weeks (this one included), newest first. */
export async function inboxFigures(inbox: Inbox, feedback: Feedback, now: Date, weeks = 4): Promise<InboxFigures> {
  const today = todayInVietnam(now);
  const firstMonday = mondayOf(today, weeks - 1);
  // Monday 00:00 in Vietnam is Sunday 17:00 UTC.
  const since = new Date(Date.parse(`${firstMonday}T00:00:00+07:00`)).toISOString();
  const items = await inbox.createdSince(since);
  const out: InboxWeekFigures[] = [];
  const refused: string[] = [];
  for (let back = 0; back < weeks; back++) {
    const week = isoWeekOfDate(mondayOf(today, back));
    const ofWeek = items.filter((i) => isoWeekOfDate(todayInVietnam(new Date(i.createdAt))) === week);
    const minutes = ofWeek.flatMap((i) => (i.answers[0] ? [Math.round((Date.parse(i.answers[0].at) - Date.parse(i.createdAt)) / 60_000)] : []));
    const counts = await feedback.week(week);
    out.push({
      week,
      asked: counts.asked,
      answeredByBot: counts.answeredByBot,
      passed: ofWeek.length,
      answeredByPeople: minutes.length,
      medianMinutes: median(minutes),
      up: counts.up,
      down: counts.down,
    });
  }
  for (const i of items) for (const q of i.questions) if (q.reason === "refused") refused.push(q.text);
  return { weeks: out, themes: frequentThemes(refused) };
}
