import { z } from "zod";
import { LOCALES } from "../../../core/types.js";
import { deliveryEntrySchema, SKIP_REASONS } from "../../../domain/records/delivery.js";
import { FINAL_RESULTS, zeroCounts, type FinalResult } from "../../../domain/records/broadcast-job.js";
import { NoUnitOfWorkError } from "../../port.js";
import type { Claim, DeliveriesRepository, DeliverySummary, RecipientDump } from "../../repositories.js";
import { sql, type PgContext, type Run } from "../context.js";
import { channelNameSchema } from "../../../core/events.js";

/** Rows per INSERT when a list is written (arrays unnested: one statement, prepared once). */
const BATCH = 5_000;
const STOPPED = "in flight when the bot stopped";

const DROP_JOB = sql(`DELETE FROM delivery_jobs WHERE job = $1`);
const ADD_JOB = sql(`INSERT INTO delivery_jobs (job, total, skipped) VALUES ($1, $2, $3)`);
const ADD_RECIPIENTS = sql(`
  INSERT INTO delivery_recipients (job, idx, channel, user_id, locale, codes, skip, final, tries, errors)
  SELECT $1, t.i, t.ch, t.id, t.loc, t.codes::jsonb, t.skip, t.final, t.tries, t.errors
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[])
    AS t(i, ch, id, loc, codes, skip, final, tries, errors)`);
const SUMMARY = sql(`
  SELECT j.total, j.skipped, r.final, r.in_flight, r.n
  FROM delivery_jobs j LEFT JOIN LATERAL (
    SELECT final, (final IS NULL AND in_flight_by IS NOT NULL) AS in_flight, count(*)::int AS n
    FROM delivery_recipients WHERE job = j.job GROUP BY 1, 2) r ON true
  WHERE j.job = $1`);
/**
 * The lowest index neither settled nor in flight whose retry time has come, skipping rows another
 * unit is claiming; put in flight by $3. When none is due, the earliest retry ("wait").
 */
const CLAIM = sql(`
  WITH next AS (
    SELECT idx FROM delivery_recipients
    WHERE job = $1 AND final IS NULL AND in_flight_by IS NULL AND (retry_at IS NULL OR retry_at <= $2::timestamptz)
    ORDER BY idx LIMIT 1 FOR UPDATE SKIP LOCKED),
  taken AS (
    UPDATE delivery_recipients r SET in_flight_by = $3, tries = r.tries + 1, retry_at = NULL
    FROM next WHERE r.job = $1 AND r.idx = next.idx
    RETURNING r.idx, r.channel, r.user_id, r.locale, r.codes, r.tries, r.errors)
  SELECT idx, channel, user_id, locale, codes, tries, errors, NULL::float8 AS wait_ms FROM taken
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, extract(epoch FROM min(retry_at) - $2::timestamptz)::float8 * 1000
  FROM delivery_recipients
  WHERE job = $1 AND final IS NULL AND in_flight_by IS NULL AND retry_at > $2::timestamptz AND NOT EXISTS (SELECT 1 FROM taken)
  HAVING min(retry_at) IS NOT NULL`);
const SETTLE = sql(`
  WITH s AS (
    UPDATE delivery_recipients SET final = $3, settled_at = $4, detail = $5, in_flight_by = NULL, retry_at = NULL
    WHERE job = $1 AND idx = $2 AND final IS NULL RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM delivery_jobs WHERE job = $1) AS listed`);
const AGAIN = sql(`
  WITH s AS (
    UPDATE delivery_recipients SET in_flight_by = NULL, retry_at = $3, errors = errors + $4, detail = coalesce($5, detail)
    WHERE job = $1 AND idx = $2 AND final IS NULL RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM delivery_jobs WHERE job = $1) AS listed`);
const ABANDON = sql(`
  UPDATE delivery_recipients SET final = 'uncertain', settled_at = $3, detail = $4, in_flight_by = NULL
  WHERE job = $1 AND final IS NULL AND in_flight_by IS NOT NULL AND NOT (in_flight_by = ANY($2::text[]))`);
const ABANDONED = sql(`
  SELECT count(*)::int AS n FROM delivery_recipients
  WHERE job = $1 AND final IS NULL AND in_flight_by IS NOT NULL AND NOT (in_flight_by = ANY($2::text[]))`);
const LISTED = sql(`SELECT EXISTS (SELECT 1 FROM delivery_jobs WHERE job = $1) AS listed`);
const OPEN = sql(`
  SELECT EXISTS (SELECT 1 FROM delivery_jobs WHERE job = $1) AS listed,
         EXISTS (SELECT 1 FROM delivery_recipients WHERE job = $1 AND idx = $2 AND final IS NULL) AS open`);
const DUMP = sql(`
  SELECT idx, channel, user_id, locale, codes, skip, final, in_flight_by IS NOT NULL AS in_flight, tries, errors
  FROM delivery_recipients WHERE job = $1 ORDER BY idx`);
const JOBS = sql(`SELECT job FROM delivery_jobs ORDER BY job`);

export const recipientDumpSchema = z.object({
  ch: channelNameSchema,
  id: z.string().min(1).max(128),
  loc: z.enum(LOCALES),
  codes: z.array(z.string().max(32)).max(20).optional(),
  index: z.number().int().min(0),
  skip: z.enum(SKIP_REASONS).nullable(),
  final: z.enum(FINAL_RESULTS).nullable(),
  tries: z.number().int().min(0),
  errors: z.number().int().min(0),
});

interface Row {
  idx: number;
  channel: string;
  user_id: string;
  locale: string;
  codes: string[] | null;
  skip: string | null;
  final: string | null;
  in_flight: boolean;
  tries: number;
  errors: number;
}

/**
 * A row per recipient (migrations/001_schema.sql). Claims use `FOR UPDATE SKIP LOCKED` in the
 * caller's unit, which commits before the send: two instances never send to the same recipient.
 */
export function pgDeliveries(ctx: PgContext): DeliveriesRepository {
  const what = (job: string) => `deliveries[${job}]`;
  const check = (entry: unknown, job: string) => ctx.checkWrite(deliveryEntrySchema, entry, what(job));

  /** Outside a unit, like the JSON backend: an unlisted job is an error, a settled recipient a no-op, anything else a write outside a unit. */
  const outsideUnit = async (job: string, index: number) => {
    const { rows } = await ctx.read<{ listed: boolean; open: boolean }>(OPEN, [job, index]);
    if (!rows[0]!.listed) throw new Error(`broadcast ${job}: recipients not listed`);
    if (rows[0]!.open) throw new NoUnitOfWorkError(what(job));
  };

  const write = async (run: Run, job: string, rows: RecipientDump[]) => {
    await run(DROP_JOB, [job]);
    await run(ADD_JOB, [job, rows.length, rows.filter((r) => r.skip !== null).length]);
    for (let from = 0; from < rows.length; from += BATCH) {
      const part = rows.slice(from, from + BATCH);
      await run(ADD_RECIPIENTS, [
        job,
        part.map((r) => r.index),
        part.map((r) => r.ch),
        part.map((r) => r.id),
        part.map((r) => r.loc),
        part.map((r) => (r.codes ? JSON.stringify(r.codes) : null)),
        part.map((r) => r.skip),
        part.map((r) => r.final),
        part.map((r) => r.tries),
        part.map((r) => r.errors),
      ]);
    }
  };

  return {
    async summary(job) {
      const { rows } = await ctx.read<{ total: number; skipped: number; final: FinalResult | null; in_flight: boolean | null; n: number | null }>(SUMMARY, [job]);
      if (rows.length === 0) return null;
      const summary: DeliverySummary = { total: rows[0]!.total, skippedAtListing: rows[0]!.skipped, counts: zeroCounts(), waiting: 0, inFlight: 0 };
      for (const r of rows) {
        if (r.n === null) continue;
        if (r.final !== null) summary.counts[r.final] += r.n;
        else if (r.in_flight) summary.inFlight += r.n;
        else summary.waiting += r.n;
      }
      return summary;
    },

    async list(job, recipients) {
      const run = ctx.writer(what(job));
      const rows = recipients.map((r, index): RecipientDump => {
        check({ k: "to", job, i: index, ch: r.ch, id: r.id, loc: r.loc, ...(r.codes ? { codes: r.codes } : {}), ...(r.skip ? { skip: r.skip } : {}) }, job);
        const skip = r.skip ?? null;
        return { ch: r.ch, id: r.id, loc: r.loc, ...(r.codes ? { codes: r.codes } : {}), index, skip, final: skip, tries: 0, errors: 0 };
      });
      // A list written before (cut short, or a job started over) is replaced.
      await write(run, job, rows);
      const counts = zeroCounts();
      for (const r of rows) if (r.skip) counts[r.skip]++;
      const skipped = rows.filter((r) => r.skip !== null).length;
      return { total: rows.length, skippedAtListing: skipped, counts, waiting: rows.length - skipped, inFlight: 0 };
    },

    async claim(job, now, instance): Promise<Claim> {
      if (!ctx.inUnit()) {
        const { rows } = await ctx.read<{ listed: boolean }>(LISTED, [job]);
        if (rows[0]!.listed) throw new NoUnitOfWorkError(what(job));
        return { kind: "none" };
      }
      const run = ctx.writer(what(job));
      const { rows } = await run<{ idx: number | null; channel: string; user_id: string; locale: string; codes: string[] | null; tries: number; errors: number; wait_ms: number | null }>(CLAIM, [job, now.toISOString(), instance]);
      const row = rows[0];
      if (!row) return { kind: "none" };
      if (row.idx === null) return { kind: "wait", ms: Math.max(0, Math.round(row.wait_ms ?? 0)) };
      const recipient = ctx.checkRead(recipientDumpSchema.pick({ ch: true, id: true, loc: true, codes: true }), { ch: row.channel, id: row.user_id, loc: row.locale, ...(row.codes ? { codes: row.codes } : {}) }, `${what(job)}[${row.idx}]`);
      return { kind: "send", index: row.idx, recipient, attempt: row.tries, errors: row.errors };
    },

    async settle(job, index, result, at, detail) {
      const d = detail ? detail.slice(0, 300) : undefined;
      check({ k: "end", job, i: index, r: result, at: at.toISOString(), ...(d ? { d } : {}) }, job);
      if (!ctx.inUnit()) return outsideUnit(job, index);
      const { rows } = await ctx.writer(what(job))<{ listed: boolean }>(SETTLE, [job, index, result, at.toISOString(), d ?? null]);
      if (!rows[0]!.listed) throw new Error(`broadcast ${job}: recipients not listed`);
    },

    async again(job, index, attempt, why, retryAt, detail) {
      const d = detail ? detail.slice(0, 300) : undefined;
      check({ k: "again", job, i: index, n: attempt, why, ...(d ? { d } : {}) }, job);
      if (!ctx.inUnit()) return outsideUnit(job, index);
      const { rows } = await ctx.writer(what(job))<{ listed: boolean }>(AGAIN, [job, index, retryAt.toISOString(), why === "error" ? 1 : 0, d ?? null]);
      if (!rows[0]!.listed) throw new Error(`broadcast ${job}: recipients not listed`);
    },

    async abandonInFlight(job, live, at) {
      if (!ctx.inUnit()) {
        const { rows } = await ctx.read<{ n: number }>(ABANDONED, [job, [...live]]);
        if (rows[0]!.n > 0) throw new NoUnitOfWorkError(what(job));
        return 0;
      }
      const { rowCount } = await ctx.writer(what(job))(ABANDON, [job, [...live], at.toISOString(), STOPPED]);
      return rowCount ?? 0;
    },

    async dump(job) {
      const { rows } = await ctx.read<Row>(DUMP, [job]);
      return rows.map((r) =>
        ctx.checkRead(
          recipientDumpSchema,
          {
            ch: r.channel,
            id: r.user_id,
            loc: r.locale,
            ...(r.codes ? { codes: r.codes } : {}),
            index: r.idx,
            skip: r.skip,
            // In flight in a copy: sent or not, nobody knows (the JSON backend's reading too).
            final: r.final ?? (r.in_flight ? "uncertain" : null),
            tries: r.tries,
            errors: r.errors,
          },
          `${what(job)}[${r.idx}]`,
        ),
      ) as RecipientDump[];
    },

    async restore(job, recipients) {
      const run = ctx.writer(what(job));
      const rows = recipients.map((r) => ctx.checkWrite(recipientDumpSchema, r, `${what(job)}[${r.index}]`) as RecipientDump).sort((a, b) => a.index - b.index);
      rows.forEach((r, i) => {
        if (r.index !== i) throw new Error(`${what(job)}: recipients must be numbered 0 to ${rows.length - 1} (found ${r.index} at ${i})`);
        check({ k: "to", job, i, ch: r.ch, id: r.id, loc: r.loc, ...(r.codes ? { codes: r.codes } : {}), ...(r.skip ? { skip: r.skip } : {}) }, job);
      });
      await write(
        run,
        job,
        rows.map((r) => ({ ...r, final: r.final ?? r.skip })),
      );
    },

    async jobs() {
      const { rows } = await ctx.read<{ job: string }>(JOBS);
      return rows.map((r) => r.job);
    },
  };
}
