import { auditEntrySchema, type AuditEntry } from "../../../domain/records/audit-entry.js";
import type { AuditRepository } from "../../repositories.js";
import { sql, type PgContext } from "../context.js";
import type { DumpSource } from "../table.js";

const APPEND = sql(`INSERT INTO audit (subject, record) VALUES ($1, $2)`);
const ABOUT = sql(`SELECT position, record FROM audit WHERE subject = $1 ORDER BY position`);
const ABOUT_MANY = sql(`SELECT position, subject, record FROM audit WHERE subject = ANY($1::text[]) ORDER BY position`);
const COUNT = sql(`SELECT count(*)::int AS n FROM audit`);
const PAGE = sql(`SELECT position, record FROM audit WHERE position > $1 ORDER BY position LIMIT $2`);
const RESTORE = sql(`INSERT INTO audit (position, subject, record) VALUES ($1, $2, $3)`);
const RESTORE_NEXT = sql(`INSERT INTO audit (subject, record) VALUES ($1, $2)`);
/** After positions were written explicitly, new entries go after the highest. */
const RESYNC = sql(`SELECT setval(pg_get_serial_sequence('audit', 'position'), GREATEST((SELECT max(position) FROM audit), 1), (SELECT EXISTS (SELECT 1 FROM audit)))`);

/** The key a dump gives an entry: its position, 10 digits (the JSON backend's). */
export const auditKey = (position: number) => String(position).padStart(10, "0");

/**
 * The audit trail: appended in the unit of the change it records, never changed. Positions grow in
 * the order entries are written; a unit that rolls back leaves a gap (`page` takes what follows a
 * position, so gaps do not matter).
 */
export function pgAudit(ctx: PgContext): AuditRepository & DumpSource {
  const entry = (position: string | number, record: unknown) => ctx.checkRead(auditEntrySchema, record, `audit[${position}]`);
  return {
    kind: "audit",
    emptySql: "NOT EXISTS (SELECT 1 FROM audit)",
    async append(input) {
      const run = ctx.writer("audit");
      const checked = ctx.checkWrite(auditEntrySchema, input, "audit entry");
      await run(APPEND, [checked.subject, JSON.stringify(checked)]);
      return checked;
    },
    async about(subject) {
      const { rows } = await ctx.read<{ position: string; record: unknown }>(ABOUT, [subject]);
      return rows.map((r) => entry(r.position, r.record));
    },
    async aboutMany(subjects) {
      const out = new Map<string, AuditEntry[]>();
      for (const s of subjects) out.set(s, []);
      if (subjects.length === 0) return out;
      const { rows } = await ctx.read<{ position: string; subject: string; record: unknown }>(ABOUT_MANY, [[...new Set(subjects)]]);
      for (const r of rows) out.get(r.subject)?.push(entry(r.position, r.record));
      return out;
    },
    async count() {
      const { rows } = await ctx.read<{ n: number }>(COUNT);
      return rows[0]!.n;
    },
    async page(after, limit) {
      const { rows } = await ctx.read<{ position: string; record: unknown }>(PAGE, [after ?? 0, Math.max(0, limit)]);
      return rows.map((r) => ({ position: Number(r.position), entry: entry(r.position, r.record) }));
    },
    async slice(after, limit) {
      const { rows } = await ctx.read<{ position: string; record: unknown }>(PAGE, [after === null ? 0 : Number(after), limit]);
      return rows.map((r) => ({ key: auditKey(Number(r.position)), record: entry(r.position, r.record) }));
    },
    /** Entries keep the position their key gives (the trail reads the same after a copy). */
    async restore(items) {
      const run = ctx.writer("restore audit");
      let explicit = false;
      for (const { key, record } of items) {
        const checked = ctx.checkWrite(auditEntrySchema, record, `audit[${key}]`);
        if (/^\d{1,15}$/.test(key) && Number(key) > 0) {
          await run(RESTORE, [Number(key), checked.subject, JSON.stringify(checked)]);
          explicit = true;
        } else {
          if (explicit) await run(RESYNC);
          explicit = false;
          await run(RESTORE_NEXT, [checked.subject, JSON.stringify(checked)]);
        }
      }
      if (explicit) await run(RESYNC);
    },
  };
}
