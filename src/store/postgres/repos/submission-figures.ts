import { statusIdSchema, type StatusId } from "../../../domain/statuses.js";
import { z } from "zod";
import type { FiguresQuery, SubmissionFigures } from "../../repositories.js";
import type { PgContext } from "../context.js";

/**
 * Every figure in one statement, counted by PostgreSQL (GROUP BY): only the counts come back.
 * $1 programme, $2 year, $3 newSince, $4 waiting statuses, $5 stalledBefore, $6 open statuses,
 * $7/$8 the legacy list's item ids and required ids, $9/$10 the 2026 list's ($7 null: not counted).
 * Planned for the programme and year at hand (an unnamed statement): they differ a lot in size.
 */
export const FIGURES_SQL = `
  WITH y AS (
    SELECT code, status, sector_group, size_class, commune_key, commune, created_at, rules, dossier_done, dossier_more
    FROM submissions WHERE programme = $1 AND award_year = $2)
  SELECT
    (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM (SELECT status, count(*)::int AS n FROM y GROUP BY status) s) AS by_status,
    (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
       SELECT CASE WHEN sector_group IN ('production', 'services') THEN sector_group ELSE 'unknown' END AS k, count(*)::int AS n FROM y GROUP BY 1) s) AS by_sector,
    (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT coalesce(size_class, 'unknown') AS k, count(*)::int AS n FROM y GROUP BY 1) s) AS by_size,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('key', commune_key, 'name', name, 'count', n)), '[]') FROM (
       SELECT commune_key, (array_agg(commune ORDER BY created_at, code))[1] AS name, count(*)::int AS n FROM y GROUP BY commune_key) c) AS by_commune,
    (SELECT count(*)::int FROM y WHERE created_at >= $3) AS new_since,
    (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'code', code, 'organisation', record->'organisation'->>'name', 'status', status, 'since', record->'statusHistory'->-1->>'at')), '[]')
       FROM submissions WHERE programme = $1 AND award_year = $2 AND status = ANY($4::text[]) AND last_change_at <= $5) AS stalled,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('year', award_year, 'count', n)), '[]') FROM (
       SELECT award_year, count(*)::int AS n FROM submissions
       WHERE programme = $1 AND award_year <> $2 AND status = ANY($6::text[]) GROUP BY award_year) o) AS other_years,
    (SELECT CASE WHEN $7::text[] IS NULL THEN NULL ELSE count(*)::int END FROM y
       WHERE $7::text[] IS NOT NULL AND status <> 'withdrawn' AND CASE WHEN rules = '2026'
         THEN $10::text[] <@ dossier_done AND NOT (dossier_more && $9::text[])
         ELSE $8::text[] <@ dossier_done AND NOT (dossier_more && $7::text[]) END) AS complete_dossiers`;

const counts = z.record(z.string(), z.number().int().min(0));
const resultSchema = z.object({
  by_status: z.partialRecord(statusIdSchema, z.number().int().min(0)),
  by_sector: counts,
  by_size: counts,
  by_commune: z.array(z.object({ key: z.string().nullable(), name: z.string().nullable(), count: z.number().int().min(1) })),
  new_since: z.number().int().min(0),
  stalled: z.array(z.object({ code: z.string(), organisation: z.string(), status: statusIdSchema, since: z.string() })),
  other_years: z.array(z.object({ year: z.number().int(), count: z.number().int().min(1) })),
  complete_dossiers: z.number().int().min(0).nullable(),
});

export async function submissionFigures(ctx: PgContext, q: FiguresQuery): Promise<SubmissionFigures> {
  // Counted for award dossiers only, by the checklist's rule (src/domain/dossier-checklist.ts, dossierComplete).
  const d = q.dossier && q.programme === "gtclqg" ? q.dossier : null;
  const { rows } = await ctx.read(FIGURES_SQL, [
    q.programme, q.year, q.newSince, [...q.waitingStatuses], q.stalledBefore, [...q.openStatuses],
    d ? [...d.legacy.items] : null, d ? [...d.legacy.required] : null, d ? [...d["2026"].items] : null, d ? [...d["2026"].required] : null,
  ]);
  const r = ctx.checkRead(resultSchema, rows[0], "submissions figures");
  const byStatus = r.by_status as Partial<Record<StatusId, number>>;
  let total = 0;
  let open = 0;
  for (const [status, n] of Object.entries(byStatus) as [StatusId, number][]) {
    total += n;
    if (q.openStatuses.includes(status)) open += n;
  }
  return {
    total,
    open,
    byStatus,
    bySector: r.by_sector,
    bySize: r.by_size,
    byCommune: r.by_commune,
    newSince: r.new_since,
    stalled: r.stalled,
    otherYearsOpen: r.other_years,
    completeDossiers: r.complete_dossiers,
  };
}
