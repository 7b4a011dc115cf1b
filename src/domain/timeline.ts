import { z } from "zod";
import { PROGRAMMES, type Programme } from "./programmes.js";

/**
 * The yearly award (and programme) timeline in a province profile. Dates an official has not
 * confirmed are null: the bot then says the date is not known yet and who to ask — it never guesses.
 */
export const PHASE_IDS = [
  "launch",
  "registration",
  "training",
  "dossier-deadline",
  "desk-assessment",
  "onsite-assessment",
  "council-selection",
  "national-council",
  "ceremony",
] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

const isoDate = z.iso.date();
const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const phaseSchema = z
  .object({
    id: z.enum(PHASE_IDS),
    /** First and last day; a single-day deadline has start = end. null = not known yet. */
    start: isoDate.nullable(),
    end: isoDate.nullable(),
    note: bilingual.optional(),
    source: z.string().min(1),
  })
  .refine((p) => p.start === null || p.end === null || p.start <= p.end, "start must not be after end");
export type Phase = z.infer<typeof phaseSchema>;

export const cycleSchema = z.object({
  programme: z.enum(PROGRAMMES),
  /** The award year the cycle belongs to; its phases may run into the next calendar year. */
  year: z.number().int().min(2000).max(2100),
  /** Which rules apply: the legacy decrees (NĐ 132/2008, NĐ 74/2018, TT 27/2019) or Luật 78/2025 + NĐ 37/2026. */
  rules: z.enum(["legacy", "2026"]),
  /**
   * Whether `rules` is confirmed for this award year (an official sets it once the transition is
   * published). Unconfirmed, a rule new in the 2026 decree (12 months on the market) only warns.
   */
  rulesConfirmed: z.boolean().default(false),
  /** Where `rules` (and its confirmation) comes from; the cycle's `source` when not given. */
  rulesSource: z.string().min(1).optional(),
  phases: z.array(phaseSchema),
  source: z.string().min(1),
  reviewed: isoDate,
});
export type Cycle = z.infer<typeof cycleSchema>;

export const timelineSchema = z.object({
  /** The usual timing seen in past plans ("Quý I", "tháng 6–8"), shown when a cycle's dates are unknown. */
  typical: z.array(z.object({ phase: z.enum(PHASE_IDS), when: bilingual, source: z.string().min(1) })),
  cycles: z.array(cycleSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;

/** The cycle of a programme for an award year, if the profile has one. */
export function cycleFor(timeline: Timeline, programme: Programme, year: number): Cycle | undefined {
  return timeline.cycles.find((c) => c.programme === programme && c.year === year);
}

/** Last day to hand in the full dossier for that award year, or null when it is not known. */
export function dossierDeadline(timeline: Timeline, programme: Programme, year: number): string | null {
  const phase = cycleFor(timeline, programme, year)?.phases.find((p) => p.id === "dossier-deadline");
  return phase?.end ?? phase?.start ?? null;
}
