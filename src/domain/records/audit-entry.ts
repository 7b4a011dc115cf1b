import { z } from "zod";

/** Who did something, with the role they had at that moment. */
export const auditActorSchema = z.object({
  /** `telegram:123`; null for the system itself. */
  userKey: z.string().min(3).max(200).nullable(),
  role: z.enum(["admin", "official", "enterprise", "system"]),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/**
 * One line of the audit trail. Flat on purpose, so another feature adds its own `action` without
 * a schema change: `subject` is what was acted on (a tracking code, a user key, a broadcast id).
 */
export const auditEntrySchema = z.object({
  at: z.iso.datetime(),
  action: z.string().regex(/^[a-z][a-z0-9-]*$/).max(40),
  actor: auditActorSchema,
  subject: z.string().min(1).max(200),
  /** A status (or role) before and after, where the action has one. */
  from: z.string().max(40).nullable().default(null),
  to: z.string().max(40).nullable().default(null),
  /** What the person wrote (an official's note), as typed. */
  note: z.string().max(2000).nullable().default(null),
  /** What the bot adds (a delivery outcome, an export's filter). */
  detail: z.string().max(500).nullable().default(null),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditInput = z.input<typeof auditEntrySchema>;

/** The actions this bot writes; a feature may add its own (lower-case words and hyphens). */
export const AUDIT_ACTIONS = {
  created: "created",
  status: "status",
  note: "note",
  contactUpdated: "contact-updated",
  contactProposed: "contact-proposed",
  contactAccepted: "contact-accepted",
  contactDismissed: "contact-dismissed",
  contactRemoved: "contact-removed",
  documentAdded: "document-added",
  documentItem: "document-item",
  checklistMarked: "checklist-marked",
  selfCheckAttached: "self-check-attached",
  noticeSent: "notice-sent",
  noticeFailed: "notice-failed",
  roleGranted: "role-granted",
  roleRevoked: "role-revoked",
  exported: "export",
  linked: "linked",
  unlinked: "unlinked",
  broadcastCreated: "broadcast-created",
  broadcastPaused: "broadcast-paused",
  broadcastResumed: "broadcast-resumed",
  broadcastCancelled: "broadcast-cancelled",
} as const;
