import { z } from "zod";
import type { SelfCheckRecord } from "../../../domain/records/self-check.js";
import type { SelfCheckFigures, SelfCheckGroup, SelfChecksRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import type { Table } from "../table.js";

/**
 * The newest result's scores of every user, summed by PostgreSQL per criterion: overall, by
 * sector and by size (`g` = all | sector | size, `k` = the group's key). Only sums come back.
 */
const FIGURES = sql(`
  WITH latest AS (
    SELECT coalesce(sector, 'unknown') AS sector, coalesce(size_class, 'unknown') AS size_class, record->'results'->-1->'scores' AS scores FROM self_checks),
  s AS (SELECT sector, size_class, e.key AS criterion, (e.value)::int AS v FROM latest, jsonb_each(scores) e)
  SELECT 'all' AS g, 'all' AS k, NULL AS criterion, count(*)::int AS n, 0::bigint AS total FROM latest
  UNION ALL SELECT 'sector', sector, NULL, count(*)::int, 0 FROM latest GROUP BY sector
  UNION ALL SELECT 'size', size_class, NULL, count(*)::int, 0 FROM latest GROUP BY size_class
  UNION ALL SELECT 'all', 'all', criterion, count(*)::int, sum(v) FROM s GROUP BY criterion
  UNION ALL SELECT 'sector', sector, criterion, count(*)::int, sum(v) FROM s GROUP BY sector, criterion
  UNION ALL SELECT 'size', size_class, criterion, count(*)::int, sum(v) FROM s GROUP BY size_class, criterion`);

const rowSchema = z.object({
  g: z.enum(["all", "sector", "size"]),
  k: z.string(),
  criterion: z.string().nullable(),
  n: z.number().int().min(0),
  // bigint comes back as text
  total: z.coerce.number().int().min(0),
});

export function pgSelfChecks(ctx: PgContext, table: Table<SelfCheckRecord>): SelfChecksRepository {
  return {
    get: (key) => table.get(key),
    put: (key, record) => table.put(key, record),
    delete: (key) => table.delete(key),
    async figures() {
      const { rows } = await ctx.read(FIGURES, []);
      const figures: SelfCheckFigures = { all: { takers: 0, criteria: {} }, bySector: {}, bySize: {} };
      const group = (g: "all" | "sector" | "size", k: string): SelfCheckGroup => {
        if (g === "all") return figures.all;
        const groups = g === "sector" ? figures.bySector : figures.bySize;
        return (groups[k] ??= { takers: 0, criteria: {} });
      };
      for (const raw of rows) {
        const row = ctx.checkRead(rowSchema, raw, "self-checks figures");
        const target = group(row.g, row.k);
        if (row.criterion === null) target.takers = row.n;
        else target.criteria[row.criterion] = { sum: row.total, n: row.n };
      }
      return figures;
    },
  };
}
