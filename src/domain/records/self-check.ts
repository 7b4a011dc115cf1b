import { z } from "zod";
import { SIZE_CLASSES } from "../size-class.js";
import { VSIC_PATTERN } from "../vsic.js";

/** How many results of one enterprise are kept (the newest). */
export const SELF_CHECKS_KEPT = 5;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(16);

/**
 * One readiness self-check (`/tudanhgia`): the answers (0–4 by statement id), the score per
 * criterion (0–100, the mean of its answers / 4, rounded), the rule set it was asked under, and
 * the sector and size of the user's newest submission when it was taken (for officials' figures,
 * which never show one result). `attachedTo`: the submissions the enterprise attached it to —
 * only those let an official see it.
 */
export const selfCheckResultSchema = z.object({
  at: z.iso.datetime(),
  regime: z.enum(["legacy", "2026"]),
  answers: z.record(id, z.number().int().min(0).max(4)),
  scores: z.record(id, z.number().int().min(0).max(100)),
  sector: z.string().regex(VSIC_PATTERN).nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  attachedTo: z.array(z.string().min(1).max(32)).max(20).default([]),
});
export type SelfCheckResult = z.infer<typeof selfCheckResultSchema>;

/** A user's results, oldest first, the newest `SELF_CHECKS_KEPT`; keyed by user key. */
export const selfCheckRecordSchema = z.object({
  results: z.array(selfCheckResultSchema).min(1).max(SELF_CHECKS_KEPT),
});
export type SelfCheckRecord = z.infer<typeof selfCheckRecordSchema>;
