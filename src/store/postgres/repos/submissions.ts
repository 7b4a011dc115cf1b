import { z } from "zod";
import { LOCALES, type Locale } from "../../../core/types.js";
import { channelNameSchema } from "../../../core/events.js";
import { statusIdSchema } from "../../../domain/statuses.js";
import type { Submission } from "../../../domain/submission.js";
import type { SubmissionOwner, SubmissionsRepository } from "../../repositories.js";
import { escapeLike, sql, type PgContext } from "../context.js";
import type { Table } from "../table.js";
import { submissionFigures } from "./submission-figures.js";
import { filterConditions, whereClause } from "./submission-filter.js";

/** Newest first: by creation time, then by code (the JSON backend's order). */
const NEWEST = "ORDER BY created_at DESC, code DESC";

const BY_HOLDER = sql(`SELECT code, record FROM submissions WHERE holders @> ARRAY[$1::text] ${NEWEST}`);
const BY_TAX = sql(`SELECT code, record FROM submissions WHERE tax_code = $1 ${NEWEST}`);
/** A company's code and its branches (`…-001`): `$1-` ≤ tax_code < `$1.` in byte order, an index range. */
const BY_TAX_WITH_BRANCHES = sql(`SELECT code, record FROM submissions WHERE tax_code = $1 OR (tax_code ~>=~ ($1 || '-') AND tax_code ~<~ ($1 || '.')) ${NEWEST}`);
const DUPLICATE = sql(`SELECT code, record FROM submissions WHERE tax_code = $1 AND programme = $2 AND award_year = $3 AND NOT (status = ANY($4::text[])) ${NEWEST} LIMIT 1`);
const HIGHEST = sql(`SELECT coalesce(max(sequence), 0)::int AS n FROM submissions WHERE programme = $1 AND award_year = $2`);
/**
 * Searches by name are planned for the text at hand (unnamed statements, not prepared): a generic
 * plan cannot tell a rare name from a common one. The records are read for the newest `limit`
 * matches only; the rest are counted from the trigram index (a common word matches thousands).
 */
const NAME_CONTAINS = `
  WITH m AS (SELECT code, created_at FROM submissions WHERE name_folded LIKE $1),
  top AS (SELECT code FROM m ORDER BY created_at DESC, code DESC LIMIT $2)
  SELECT s.code, s.record, (SELECT count(*) FROM m)::int AS total
  FROM top JOIN submissions s USING (code) ORDER BY s.created_at DESC, s.code DESC`;
const NAME_COUNT = `SELECT count(*)::int AS n FROM submissions WHERE name_folded LIKE $1`;
/**
 * Names containing a part spelled nearly like the text (`<%`, word similarity — the way the JSON
 * backend's fuse.js finds a text anywhere in a name), closest first. `<%` uses the GIN trigram
 * index at pg_trgm's word-similarity threshold (0.6), narrowed to 0.7, where a shared word ending
 * stops counting as a match ("hoa sen" is not "… bien hoa"). Whole-name similarity (`%`) is not
 * asked: a short query against a long name scores low anyway, and at 0.3 it let thousands of
 * rows through the index to be checked one by one (measured at national size: 150–300 ms).
 */
const NAME_SIMILAR = `
  SELECT code, record FROM submissions
  WHERE $1 <% name_folded AND word_similarity($1, name_folded) >= 0.7
  ORDER BY word_similarity($1, name_folded) DESC, created_at DESC, code DESC LIMIT $2`;
const PENDING = sql(`SELECT code, record FROM submissions WHERE pending_contact_at IS NOT NULL ORDER BY pending_contact_at, code LIMIT $1`);
const YEARS = sql(`SELECT DISTINCT award_year FROM submissions WHERE programme = $1 ORDER BY award_year DESC`);
const COMMUNES = sql(`
  SELECT commune_key AS key, (array_agg(commune ORDER BY created_at, code))[1] AS label, count(DISTINCT owner_key)::int AS owners
  FROM submissions WHERE NOT (status = ANY($1::text[])) AND commune_key IS NOT NULL AND commune IS NOT NULL
  GROUP BY commune_key`);
const OWNER_LOCALES = sql(`
  SELECT DISTINCT ON (k) k AS key, s.record->'owner'->>'locale' AS locale
  FROM unnest($1::text[]) AS k JOIN submissions s ON s.holders @> ARRAY[k]
  ORDER BY k, s.created_at DESC, s.code DESC`);

const ownerSchema = z.object({ userKey: z.string(), channel: channelNameSchema, userId: z.string(), locale: z.enum(LOCALES) });
const localeSchema = z.enum(LOCALES);

export function pgSubmissions(ctx: PgContext, table: Table<Submission>): SubmissionsRepository {
  type Row = { code: string; record: unknown };
  const list = async (statement: Parameters<PgContext["read"]>[0], values: unknown[]) => {
    const { rows } = await ctx.read<Row>(statement, values);
    return rows.map((r) => table.parse(r.code, r.record));
  };
  const filtered = (filter: Parameters<SubmissionsRepository["count"]>[0], extra: (values: unknown[]) => string[] = () => []) => {
    const values: unknown[] = [];
    const conditions = [...filterConditions(filter ?? {}, values), ...extra(values)];
    return { values, where: whereClause(conditions) };
  };

  return {
    get: (code) => table.get(code),
    getMany: (codes) => table.getMany(codes),
    async insert(submission) {
      const { inserted, record } = await table.insert(submission.code, submission);
      if (!inserted) throw new Error(`submission ${submission.code} exists already`);
      return record;
    },
    update: (code, change) => table.update(code, change),
    async count(filter) {
      const { values, where } = filtered(filter);
      const { rows } = await ctx.read<{ n: number }>(sql(`SELECT count(*)::int AS n FROM submissions ${where}`), values);
      return rows[0]!.n;
    },
    byHolder: (userKey) => list(BY_HOLDER, [userKey]),
    byTaxCode: (taxCode, withBranches) => (withBranches && !taxCode.includes("-") ? list(BY_TAX_WITH_BRANCHES, [taxCode]) : list(BY_TAX, [taxCode])),
    async duplicate(taxCode, programme, awardYear, notStatuses) {
      return (await list(DUPLICATE, [taxCode, programme, awardYear, [...notStatuses]]))[0];
    },
    async highestSequence(programme, awardYear) {
      const { rows } = await ctx.read<{ n: number }>(HIGHEST, [programme, awardYear]);
      return rows[0]!.n;
    },
    async nameContains(folded, limit) {
      const pattern = `%${escapeLike(folded)}%`;
      if (limit <= 0) {
        const { rows } = await ctx.read<{ n: number }>(NAME_COUNT, [pattern]);
        return { found: [], total: rows[0]!.n };
      }
      const { rows } = await ctx.read<Row & { total: number }>(NAME_CONTAINS, [pattern, limit]);
      return { found: rows.map((r) => table.parse(r.code, r.record)), total: rows[0]?.total ?? 0 };
    },
    nameSimilar: (folded, limit) => list(NAME_SIMILAR, [folded, Math.max(0, limit)]),
    pendingContacts: (limit) => list(PENDING, [Math.max(0, limit)]),
    figures: (query) => submissionFigures(ctx, query),
    async years(programme) {
      const { rows } = await ctx.read<{ award_year: number }>(YEARS, [programme]);
      return rows.map((r) => r.award_year);
    },
    async statusCounts(filter) {
      const { values, where } = filtered(filter);
      const { rows } = await ctx.read<{ status: unknown; n: number }>(sql(`SELECT status, count(*)::int AS n FROM submissions ${where} GROUP BY status`), values);
      return new Map(rows.map((r) => [ctx.checkRead(statusIdSchema, r.status, "submissions status"), r.n]));
    },
    async newest(filter, offset, limit) {
      const { values, where } = filtered(filter);
      const { rows: counted } = await ctx.read<{ n: number }>(sql(`SELECT count(*)::int AS n FROM submissions ${where}`), values);
      const total = counted[0]!.n;
      if (total === 0 || limit <= 0) return { found: [], total };
      values.push(Math.max(0, limit), Math.max(0, offset));
      const found = await list(sql(`SELECT code, record FROM submissions ${where} ${NEWEST} LIMIT $${values.length - 1} OFFSET $${values.length}`), values);
      return { found, total };
    },
    async page(filter, after, limit) {
      const { values, where } = filtered(filter, (v) => (after === null ? [] : [`code > $${v.push(after)}`]));
      values.push(Math.max(0, limit));
      return list(sql(`SELECT code, record FROM submissions ${where} ORDER BY code LIMIT $${values.length}`), values);
    },
    async owners(filter, after, limit) {
      const { values, where } = filtered(filter, (v) => (after === null ? [] : [`owner_key > $${v.push(after)}`]));
      values.push(Math.max(0, limit));
      // The owner as the newest matching submission records it.
      const { rows } = await ctx.read<{ owner_key: string; owner: unknown }>(
        sql(`SELECT DISTINCT ON (owner_key) owner_key, record->'owner' AS owner FROM submissions ${where} ORDER BY owner_key, created_at DESC, code DESC LIMIT $${values.length}`),
        values,
      );
      return rows.map((r): SubmissionOwner => {
        const o = ctx.checkRead(ownerSchema, r.owner, `submissions owner ${r.owner_key}`);
        return { userKey: o.userKey, channel: o.channel, userId: o.userId, locale: o.locale };
      });
    },
    async communes(notStatuses) {
      const { rows } = await ctx.read<{ key: string; label: string; owners: number }>(COMMUNES, [[...notStatuses]]);
      return rows.map((r) => ({ key: r.key, label: r.label, owners: r.owners }));
    },
    async ownerLocales(userKeys) {
      const out = new Map<string, Locale>();
      if (userKeys.length === 0) return out;
      const { rows } = await ctx.read<{ key: string; locale: unknown }>(OWNER_LOCALES, [[...new Set(userKeys)]]);
      const found = new Map(rows.map((r) => [r.key, ctx.checkRead(localeSchema, r.locale, `submissions owner locale of ${r.key}`)]));
      for (const k of userKeys) {
        const locale = found.get(k);
        if (locale) out.set(k, locale);
      }
      return out;
    },
  };
}
