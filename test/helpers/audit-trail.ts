import type { App } from "../../src/app.js";
import type { AuditEntry } from "../../src/domain/records/audit-entry.js";

/**
 * The whole audit trail in the order it was written, read through the repository a page at a
 * time (the same on every backend; `services.audit` only answers by subject).
 */
export async function auditTrail(app: Pick<App, "storage">): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let after: number | null = null;
  for (;;) {
    const page = await app.storage.repos.audit.page(after, 500);
    out.push(...page.map((p) => p.entry));
    if (page.length < 500) return out;
    after = page[page.length - 1]!.position;
  }
}
