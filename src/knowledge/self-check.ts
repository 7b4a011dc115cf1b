import path from "node:path";
import { z } from "zod";
import type { RuleSet } from "../domain/award-year.js";
import { loadJsonFile, readJsonFile } from "./json-file.js";
import { parseSource, type ContentProblem } from "./kb.js";

/**
 * The readiness self-check (data/self-check.json): the 0–4 scale, the criteria of the award with
 * their points, the statements asked (each citing its source) and the advice per criterion.
 * Both languages live in the same file.
 */
const bilingual = z.object({ vi: z.string().min(1), en: z.string().min(1) });
/** Criterion and statement ids travel in button data and stored records: short ASCII. */
const shortId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(16);

/** Button labels of the scale: short enough for a row of buttons on a phone. */
export const MAX_SCALE_LABEL = 24;
export const SCALE_LEVELS = [0, 1, 2, 3, 4] as const;
export const levelSchema = z.number().int().min(0).max(4);

export const selfCheckFileSchema = z.object({
  version: z.literal(1),
  source: z.string().min(1),
  reviewed: z.iso.date(),
  note: z.string().optional(),
  scale: z
    .array(z.object({ level: levelSchema, label: z.object({ vi: z.string().min(1).max(MAX_SCALE_LABEL), en: z.string().min(1).max(MAX_SCALE_LABEL) }) }))
    .length(SCALE_LEVELS.length),
  /** The longer explanation of the scale, shown once at the start. */
  scaleExplained: bilingual,
  criteria: z
    .array(
      z.object({
        id: shortId,
        name: bilingual,
        /** Points of the criterion in the scoring; null where they are not published (say so in `pointsNote`). */
        points: z.number().int().positive().nullable(),
        pointsNote: bilingual.optional(),
        /** The award's rule sets that score this criterion. */
        regimes: z.array(z.enum(["legacy", "2026"])).min(1),
        source: z.string().min(1),
      }),
    )
    .min(1),
  statements: z.array(z.object({ id: shortId, criterion: shortId, text: bilingual, source: z.string().min(1) })).min(1),
  advice: z.array(z.object({ criterion: shortId, supportKinds: z.array(z.string().min(1)).min(1).max(3), text: bilingual, source: z.string().min(1) })),
});
export type SelfCheckData = z.infer<typeof selfCheckFileSchema>;
export type Criterion = SelfCheckData["criteria"][number];
export type Statement = SelfCheckData["statements"][number];
export type Advice = SelfCheckData["advice"][number];

export const SELF_CHECK_FILE = "self-check.json";

export class SelfCheckDataError extends Error {}

/** What a set of statements must hold beyond its schema: every reference resolves, every fact has a source. */
export function checkSelfCheck(data: SelfCheckData, known: { sources: ReadonlySet<string>; supportKinds: ReadonlySet<string> }, today: string, file: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (id: string | null, message: string) => problems.push({ file, id, message });
  const sourced = (id: string | null, source: string) => {
    const items = parseSource(source);
    if (items.length === 0) add(id, "has no source");
    for (const item of items) if (!known.sources.has(item.key)) add(id, `source "${item.key}" is not in data/kb/sources.json`);
  };
  if (data.reviewed > today) add(null, `reviewed date ${data.reviewed} is in the future`);
  sourced(null, data.source);
  data.scale.forEach((s, i) => {
    if (s.level !== i) add(null, `scale level ${s.level} is at place ${i}; list the levels 0 to 4 in order`);
  });
  const criteria = new Set<string>();
  for (const c of data.criteria) {
    if (criteria.has(c.id)) add(c.id, "criterion listed twice");
    criteria.add(c.id);
    sourced(c.id, c.source);
    if (c.points === null && !c.pointsNote) add(c.id, "points not published: say so in pointsNote");
  }
  const legacyPoints = data.criteria.filter((c) => c.regimes.includes("legacy")).reduce((n, c) => n + (c.points ?? 0), 0);
  if (legacyPoints !== 1000) add(null, `the legacy criteria's points add up to ${legacyPoints}, not 1000`);
  const statements = new Set<string>();
  for (const s of data.statements) {
    if (statements.has(s.id)) add(s.id, "statement id used twice");
    statements.add(s.id);
    if (!criteria.has(s.criterion)) add(s.id, `unknown criterion ${s.criterion}`);
    sourced(s.id, s.source);
    if (s.text.vi.trim() === s.text.en.trim()) add(s.id, "the English text is the Vietnamese one: translate it");
  }
  for (const c of data.criteria) {
    const n = data.statements.filter((s) => s.criterion === c.id).length;
    if (n < 2 || n > 4) add(c.id, `has ${n} statements; ask 2 to 4 per criterion`);
    if (!data.advice.some((a) => a.criterion === c.id)) add(c.id, "has no advice");
  }
  for (const a of data.advice) {
    if (!criteria.has(a.criterion)) add(a.criterion, `advice for an unknown criterion`);
    for (const k of a.supportKinds) if (!known.supportKinds.has(k)) add(a.criterion, `advice names unknown support kind ${k} (data/nscl-support-kinds.json)`);
    sourced(a.criterion, a.source);
  }
  return problems;
}

/** For `kb check`: the file's schema problems or its content problems. */
export function readSelfCheck(dataDir: string, known: { sources: ReadonlySet<string>; supportKinds: ReadonlySet<string> }, today: string): ContentProblem[] {
  const file = path.join(dataDir, SELF_CHECK_FILE);
  const read = readJsonFile(file, selfCheckFileSchema);
  if (!read.ok) return [{ file, id: null, message: read.message }];
  return checkSelfCheck(read.value, known, today, file);
}

/** For the bot's start: the data, or an error naming the file (checked again in full by `kb check`). */
export function loadSelfCheck(dataDir: string): SelfCheckData {
  const file = path.join(dataDir, SELF_CHECK_FILE);
  return loadJsonFile(file, selfCheckFileSchema, (m) => new SelfCheckDataError(m));
}

/** The criteria and statements asked under a rule set, in the file's order. */
export function statementsFor(data: SelfCheckData, regime: RuleSet): { criteria: Criterion[]; statements: Statement[] } {
  const criteria = data.criteria.filter((c) => c.regimes.includes(regime));
  const ids = new Set(criteria.map((c) => c.id));
  return { criteria, statements: data.statements.filter((s) => ids.has(s.criterion)) };
}
