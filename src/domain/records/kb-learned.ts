import { z } from "zod";

/** An entry id as in data/kb (lower-case words joined by -, short enough for button data). */
const entryId = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** One step of a learned change's history: who did what, when, from which inbox item. */
export const learnedStepSchema = z.object({
  at: z.iso.datetime(),
  /** The official's user key (`telegram:123`). */
  by: z.string().min(1).max(80),
  action: z.enum(["added", "proposed", "approved", "rejected"]),
  /** The role the actor held at that moment. */
  role: z.enum(["official", "admin"]),
  /** The inbox item the change came from, if any. */
  itemId: z.string().min(1).max(64).nullable().default(null),
  note: z.string().max(500).nullable().default(null),
});
export type LearnedStep = z.infer<typeof learnedStepSchema>;

const text = z.string().trim().min(1).max(500);

/** Another way to ask an existing entry: a question of that entry for the search, live at once. */
export const learnedPhrasingSchema = z.object({
  kind: z.literal("phrasing"),
  entryId,
  text,
  locale: z.enum(["vi", "en"]),
  status: z.literal("live"),
  history: z.array(learnedStepSchema).min(1),
});
export type LearnedPhrasing = z.infer<typeof learnedPhrasingSchema>;

/**
 * A new entry drafted from an official's answer. Served only once approved (by a second official
 * or an admin; see services/kb-learning.ts). Its id is the entry id it gets (`hoc-12`).
 */
export const learnedEntrySchema = z.object({
  kind: z.literal("entry"),
  entryId,
  topic: entryId,
  questions: z.object({ vi: z.array(text).min(1).max(12), en: z.array(text).min(1).max(12).optional() }),
  answer: z.object({ vi: z.array(z.string().min(1).max(2000)).min(1), en: z.array(z.string().min(1).max(2000)).min(1).optional() }),
  source: z.string().trim().min(1).max(500),
  reviewed: z.iso.date(),
  status: z.enum(["pending", "approved", "rejected"]),
  history: z.array(learnedStepSchema).min(1),
});
export type LearnedEntry = z.infer<typeof learnedEntrySchema>;

/** A learned change, kept by its id (`p-7` for a phrasing, the entry id `hoc-12` for an entry). */
export const kbLearnedSchema = z.discriminatedUnion("kind", [learnedPhrasingSchema, learnedEntrySchema]);
export type KbLearned = z.infer<typeof kbLearnedSchema>;
