import type { AuditEntry } from "../../../domain/records/audit-entry.js";
import type { AuditRepository } from "../../repositories.js";
import type { AppendLog } from "../append-log.js";
import type { JsonContext } from "./context.js";

/** The audit trail in memory (it is read at start), indexed by subject. */
export function jsonAudit(ctx: JsonContext, log: AppendLog<AuditEntry>): AuditRepository {
  const bySubject = new Map<string, AuditEntry[]>();
  const index = (e: AuditEntry) => {
    const list = bySubject.get(e.subject) ?? [];
    list.push(e);
    bySubject.set(e.subject, list);
  };
  for (const e of log.entries()) index(e);
  log.watch((e, added) => {
    if (added) return index(e);
    const list = bySubject.get(e.subject);
    const i = list?.lastIndexOf(e) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
  });
  return {
    append: async (entry) => log.append(entry, ctx.unit("audit")),
    about: async (subject) => [...(bySubject.get(subject) ?? [])],
    async aboutMany(subjects) {
      const out = new Map<string, AuditEntry[]>();
      for (const s of subjects) out.set(s, [...(bySubject.get(s) ?? [])]);
      return out;
    },
    count: async () => log.entries().length,
    async page(after, limit) {
      const entries = log.entries();
      const from = after ?? 0;
      return entries.slice(from, from + limit).map((entry, i) => ({ position: from + i + 1, entry }));
    },
  };
}
