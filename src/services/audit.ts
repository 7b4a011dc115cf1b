import { clip } from "../domain/text.js";
import { AUDIT_ACTIONS, auditEntrySchema, type AuditActor, type AuditEntry, type AuditInput } from "../domain/records/audit-entry.js";
import { describeZodIssue } from "../store/errors.js";
import type { AuditRepository } from "../store/repositories.js";
import type { Roles } from "./roles.js";
import type { SubmissionEvent, Submissions } from "./submissions.js";

export interface Audit {
  /** Appends an entry; it is written by the same commit as the change it records. */
  record(entry: AuditInput): Promise<AuditEntry>;
  /** The entries about one subject (a tracking code …), oldest first. */
  about(subject: string): Promise<AuditEntry[]>;
  /** The same for many subjects at once (an export's history sheet). */
  aboutMany(subjects: readonly string[]): Promise<Map<string, AuditEntry[]>>;
  count(): Promise<number>;
}

/**
 * The audit trail. It listens to the submissions (every status change, contact change and
 * document, with who did it and their role at that moment) and to the roles, within their unit of
 * work, so each entry is written by the same commit as the change it records.
 */
export function createAudit(repo: AuditRepository, sources: { submissions?: Submissions; roles?: Roles } = {}): Audit {
  const record = async (input: AuditInput): Promise<AuditEntry> => {
    const checked = auditEntrySchema.safeParse({ ...input, from: input.from ?? null, to: input.to ?? null, note: input.note ?? null, detail: input.detail ?? null });
    // A programming error, not a user's: the entry we built does not fit our own schema.
    if (!checked.success) throw new Error(`audit entry does not fit its schema: ${describeZodIssue(checked.error)}`);
    return repo.append(checked.data);
  };
  const roleOf = async (userKey: string, otherwise: AuditActor["role"]): Promise<AuditActor> => ({
    userKey,
    role: (await sources.roles?.roleOfKey(userKey)) ?? otherwise,
  });

  const onSubmission = async (event: SubmissionEvent): Promise<void> => {
    const s = event.submission;
    const at = s.updatedAt;
    switch (event.kind) {
      case "created":
        await record({ at, action: AUDIT_ACTIONS.created, actor: { userKey: s.owner.userKey, role: "enterprise" }, subject: s.code, to: s.status });
        return;
      case "status": {
        const by = event.change.by;
        const actor: AuditActor =
          by.kind === "system" ? { userKey: null, role: "system" } : by.kind === "enterprise" ? { userKey: by.userKey, role: "enterprise" } : await roleOf(by.userKey, "official");
        await record({
          at: event.change.at,
          action: AUDIT_ACTIONS.status,
          actor,
          subject: s.code,
          from: event.change.from,
          to: event.change.to,
          note: event.change.note,
          detail: by.kind === "official" && by.via === "web" ? "via web" : null,
        });
        return;
      }
      case "contact-updated": {
        const byOwner = event.by === s.owner.userKey;
        await record({ at, action: byOwner ? AUDIT_ACTIONS.contactUpdated : AUDIT_ACTIONS.contactAccepted, actor: await roleOf(event.by, "enterprise"), subject: s.code });
        return;
      }
      case "contact-proposed":
        await record({ at, action: AUDIT_ACTIONS.contactProposed, actor: await roleOf(event.by, "enterprise"), subject: s.code });
        return;
      case "contact-dismissed":
        await record({ at, action: AUDIT_ACTIONS.contactDismissed, actor: await roleOf(event.by, "official"), subject: s.code });
        return;
      case "contact-removed":
        await record({ at, action: AUDIT_ACTIONS.contactRemoved, actor: await roleOf(event.by, "enterprise"), subject: s.code });
        return;
      case "linked":
      case "unlinked":
        await record({ at, action: AUDIT_ACTIONS[event.kind], actor: await roleOf(event.by, "enterprise"), subject: s.code, detail: event.linkedUserKey });
        return;
      case "document-added":
        await record({ at, action: AUDIT_ACTIONS.documentAdded, actor: await roleOf(event.by, "enterprise"), subject: s.code, detail: clip(s.documents.at(-1)?.file.name ?? "", 500) || null });
        return;
      case "document-item":
        await record({ at, action: AUDIT_ACTIONS.documentItem, actor: await roleOf(event.by, "enterprise"), subject: s.code, to: event.item, detail: clip(event.names.join(", "), 500) });
        return;
      case "checklist-marked":
        // `detail` is the item, `to` the mark ("none" when cleared), `note` what the official asked for.
        await record({ at, action: AUDIT_ACTIONS.checklistMarked, actor: await roleOf(event.by, "official"), subject: s.code, to: event.mark ?? "none", note: event.note, detail: event.item });
        return;
    }
  };
  sources.submissions?.subscribe(onSubmission);
  sources.roles?.subscribe(async (e) => {
    await record({
      at: e.at,
      action: e.kind === "granted" ? AUDIT_ACTIONS.roleGranted : AUDIT_ACTIONS.roleRevoked,
      actor: await roleOf(e.by, "official"),
      subject: e.userKey,
      from: e.previous,
      to: e.kind === "granted" ? e.role : null,
      detail: e.via === "web" ? "via web" : null,
    });
  });

  return {
    record,
    about: (subject) => repo.about(subject),
    aboutMany: (subjects) => repo.aboutMany(subjects),
    count: () => repo.count(),
  };
}
