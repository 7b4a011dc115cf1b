import type { RuleSet } from "../domain/award-year.js";
import type { MessageRef } from "../core/i18n.js";
import { SELF_CHECKS_KEPT, type SelfCheckResult } from "../domain/records/self-check.js";
import { isOpen } from "../domain/statuses.js";
import { sizeClassOf, type Submission } from "../domain/submission.js";
import { statementsFor, type Criterion, type SelfCheckData, type Statement } from "../knowledge/self-check.js";
import type { SelfCheckFigures, SelfChecksRepository } from "../store/repositories.js";
import type { Submissions } from "./submissions.js";

/** Answers 0–4 by statement id. */
export type SelfCheckAnswers = Readonly<Record<string, number>>;

/** Score per criterion: the mean of its answers / 4, as a whole percentage; criteria without an answer are left out. */
export function scoreAnswers(statements: readonly Statement[], answers: SelfCheckAnswers): Record<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const s of statements) {
    const a = answers[s.id];
    if (a === undefined) continue;
    const c = sums.get(s.criterion) ?? { sum: 0, n: 0 };
    sums.set(s.criterion, { sum: c.sum + a, n: c.n + 1 });
  }
  return Object.fromEntries([...sums].map(([criterion, { sum, n }]) => [criterion, Math.round((sum / n / 4) * 100)]));
}

/**
 * The weighted indication: each criterion's score times its points, over the criteria whose
 * points are published (the 7 of NĐ 74/2018, 1,000 points); a group without published points
 * (the product's quality under NĐ 37/2026) is not weighted.
 */
export function weighted(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): { points: number; of: number } {
  let points = 0;
  let of = 0;
  for (const c of criteria) {
    if (c.points === null || scores[c.id] === undefined) continue;
    points += (scores[c.id]! * c.points) / 100;
    of += c.points;
  }
  return { points: Math.round(points), of };
}

/** The `count` lowest-scoring criteria, in the file's order when tied. */
export function weakest(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>, count = 2): Criterion[] {
  return criteria
    .map((c, i) => ({ c, i, score: scores[c.id] }))
    .filter((x): x is { c: Criterion; i: number; score: number } => x.score !== undefined)
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .slice(0, count)
    .map((x) => x.c);
}

/** Officials' view: per criterion the average score (0–100) of a group's newest results. */
export interface SelfCheckProfile {
  takers: number;
  average: Record<string, number>;
}

export interface SelfCheckAverages {
  all: SelfCheckProfile;
  bySector: { key: string; profile: SelfCheckProfile }[];
  bySize: { key: string; profile: SelfCheckProfile }[];
}

function profile(group: SelfCheckFigures["all"]): SelfCheckProfile {
  return { takers: group.takers, average: Object.fromEntries(Object.entries(group.criteria).map(([c, { sum, n }]) => [c, n ? Math.round(sum / n) : 0])) };
}

export interface SelfCheck {
  readonly data: SelfCheckData;
  /** The criteria and statements asked under a rule set. */
  set(regime: RuleSet): { criteria: Criterion[]; statements: Statement[] };
  /** The user's results, oldest first. */
  results(userKey: string): Promise<SelfCheckResult[]>;
  /** Stores a finished self-check (the newest `SELF_CHECKS_KEPT` are kept); returns it and the one before. */
  record(userKey: string, regime: RuleSet, answers: SelfCheckAnswers, now: Date): Promise<{ result: SelfCheckResult; previous: SelfCheckResult | null }>;
  /** The user's open award submissions (the ones a result may be attached to). */
  attachable(userKey: string): Promise<Submission[]>;
  /** Attaches the user's newest result to one of their open award submissions; checked here, whatever the button said. */
  attach(userKey: string, code: string): Promise<{ ok: true } | { ok: false; error: MessageRef }>;
  /** The newest result the owner of `submission` attached to it, or undefined: what an official may see. */
  attachedTo(submission: Submission): Promise<SelfCheckResult | undefined>;
  /** Deletes every result of the user. */
  remove(userKey: string): Promise<boolean>;
  /** Aggregates only, for officials. */
  averages(): Promise<SelfCheckAverages>;
}

export function createSelfCheck(data: SelfCheckData, repo: SelfChecksRepository, submissions: Submissions): SelfCheck {
  const attachable = async (userKey: string) =>
    (await submissions.byOwner(userKey)).filter((s) => s.programme === "gtclqg" && s.owner.userKey === userKey && isOpen(s.programme, s.status));
  return {
    data,
    set: (regime) => statementsFor(data, regime),
    results: async (userKey) => (await repo.get(userKey))?.results ?? [],
    async record(userKey, regime, answers, now) {
      const { statements } = statementsFor(data, regime);
      const asked = new Set(statements.map((s) => s.id));
      const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id)));
      // Sector and size of the user's newest submission, for the officials' figures by group.
      const newest = (await submissions.byOwner(userKey))[0];
      const result: SelfCheckResult = {
        at: now.toISOString(),
        regime,
        answers: kept,
        scores: scoreAnswers(statements, kept),
        sector: newest?.organisation.vsic ?? null,
        sizeClass: newest ? sizeClassOf(newest.organisation) : null,
        attachedTo: [],
      };
      const before = (await repo.get(userKey))?.results ?? [];
      await repo.put(userKey, { results: [...before, result].slice(-SELF_CHECKS_KEPT) });
      return { result, previous: before.at(-1) ?? null };
    },
    attachable,
    async attach(userKey, code) {
      const target = (await attachable(userKey)).find((s) => s.code === code);
      if (!target) return { ok: false, error: { key: "selfcheck-attach-not-allowed" } };
      const record = await repo.get(userKey);
      const newest = record?.results.at(-1);
      if (!record || !newest) return { ok: false, error: { key: "selfcheck-none" } };
      if (!newest.attachedTo.includes(code)) {
        await repo.put(userKey, { results: [...record.results.slice(0, -1), { ...newest, attachedTo: [...newest.attachedTo, code] }] });
      }
      return { ok: true };
    },
    async attachedTo(submission) {
      const record = await repo.get(submission.owner.userKey);
      return record?.results.filter((r) => r.attachedTo.includes(submission.code)).at(-1);
    },
    remove: (userKey) => repo.delete(userKey),
    async averages() {
      const f = await repo.figures();
      const groups = (g: Record<string, SelfCheckFigures["all"]>) =>
        Object.entries(g)
          .map(([key, group]) => ({ key, profile: profile(group) }))
          .sort((a, b) => (a.key === "unknown" ? 1 : b.key === "unknown" ? -1 : a.key.localeCompare(b.key)));
      return { all: profile(f.all), bySector: groups(f.bySector), bySize: groups(f.bySize) };
    },
  };
}
