import { dossierProgress } from "../../domain/dossier-checklist.js";
import { choicesRecordSchema, handoffRecordSchema, seenRecordSchema, type ChoicesRecord, type HandoffRecord, type SeenRecord } from "../../domain/records/channel-state.js";
import { zaloAuthSchema, type ZaloAuth } from "../../domain/records/zalo-auth.js";
import type { DialogState } from "../../core/feature.js";
import { sizeClassOf, submissionSchema, type Submission } from "../../domain/submission.js";
import { fold } from "../../domain/text.js";
import { parseTrackingCode } from "../../domain/tracking-code.js";
import { dialogStateSchema } from "../../domain/records/dialog.js";
import { linkRequestSchema, type LinkRequest } from "../../domain/records/link-request.js";
import { roleGrantSchema, type RoleGrant } from "../../domain/records/role-grant.js";
import { subscriptionRecordSchema, type SubscriptionRecord } from "../../domain/records/subscription.js";
import { userRecordSchema, type UserRecord } from "../../domain/records/user.js";
import { jobSchema, type Job } from "../../domain/records/broadcast-job.js";
import { reminderRecordSchema, type ReminderRecord } from "../../domain/records/reminder.js";
import { mailboxSchema, type Mailbox } from "../json/collections.js";
import { selfCheckRecordSchema, type SelfCheckRecord } from "../../domain/records/self-check.js";
import { inboxItemSchema, type InboxItem } from "../../domain/records/inbox-item.js";
import { conversationTailSchema, type ConversationTail } from "../../domain/records/conversation-tail.js";
import { kbLearnedSchema, type KbLearned } from "../../domain/records/kb-learned.js";
import { contentDocumentSchema, contentHistoryStepSchema, type ContentDocument, type ContentHistoryStep } from "../../domain/records/content.js";
import { defineTable } from "./table.js";

/**
 * The keyed tables (migrations/001_schema.sql): the record as jsonb, plus the columns computed
 * from it that queries filter and sort on. `kind` is the name a dump uses, the JSON backend's.
 */
export const usersTable = defineTable<UserRecord>({
  kind: "users",
  table: "users",
  keyColumn: "key",
  schema: userRecordSchema,
  columns: [
    { name: "channel", value: (r) => r.channel },
    { name: "locale", value: (r) => r.locale },
  ],
});

export const dialogsTable = defineTable<DialogState>({
  kind: "dialogs",
  table: "dialogs",
  keyColumn: "key",
  schema: dialogStateSchema,
  columns: [
    { name: "flow", value: (r) => r.flow },
    { name: "updated_at", value: (r) => r.updatedAt },
  ],
});

const lastChange = (s: Submission) => s.statusHistory[s.statusHistory.length - 1]!.at;

export const submissionsTable = defineTable<Submission>({
  kind: "submissions",
  table: "submissions",
  keyColumn: "code",
  schema: submissionSchema,
  columns: [
    { name: "programme", value: (s) => s.programme },
    { name: "award_year", value: (s) => s.awardYear },
    { name: "sequence", value: (s) => parseTrackingCode(s.code)?.sequence ?? 0 },
    { name: "status", value: (s) => s.status },
    { name: "tax_code", value: (s) => s.organisation.taxCode },
    { name: "name_folded", value: (s) => fold(s.organisation.name) },
    { name: "commune_key", value: (s) => s.organisation.address.communeKey },
    { name: "commune", value: (s) => s.organisation.address.commune },
    { name: "sector_group", value: (s) => s.organisation.sectorGroup },
    { name: "size_class", value: (s) => sizeClassOf(s.organisation) },
    { name: "owner_key", value: (s) => s.owner.userKey },
    { name: "holders", value: (s) => [s.owner.userKey, ...s.linked.map((l) => l.userKey)] },
    { name: "created_at", value: (s) => s.createdAt },
    { name: "last_change_at", value: (s) => lastChange(s) },
    { name: "pending_contact_at", value: (s) => s.pendingContact?.at ?? null },
    // The dossier checklist, for /thongke's complete dossiers (migration 003).
    { name: "rules", value: (s) => s.rules },
    { name: "dossier_done", value: (s) => dossierProgress(s).done },
    { name: "dossier_more", value: (s) => dossierProgress(s).more },
  ],
});

export const rolesTable = defineTable<RoleGrant>({ kind: "roles", table: "roles", keyColumn: "key", schema: roleGrantSchema, columns: [] });

export const subscriptionsTable = defineTable<SubscriptionRecord>({ kind: "subscriptions", table: "subscriptions", keyColumn: "key", schema: subscriptionRecordSchema, columns: [] });

export const linkRequestsTable = defineTable<LinkRequest>({
  kind: "link-requests",
  table: "link_requests",
  keyColumn: "key",
  schema: linkRequestSchema,
  columns: [{ name: "at", value: (r) => r.at }],
});

export const jobsTable = defineTable<Job>({
  kind: "broadcasts",
  table: "broadcast_jobs",
  keyColumn: "key",
  schema: jobSchema,
  columns: [
    { name: "state", value: (j) => j.state },
    { name: "created_at", value: (j) => j.createdAt },
    { name: "started_at", value: (j) => j.startedAt },
    { name: "scheduled_at", value: (j) => j.scheduledAt },
  ],
});

export const remindersTable = defineTable<ReminderRecord>({
  kind: "reminders",
  table: "reminders",
  keyColumn: "key",
  schema: reminderRecordSchema,
  columns: [{ name: "job", value: (r) => r.job }],
});

export const zaloAuthTable = defineTable<ZaloAuth>({ kind: "zalo-auth", table: "zalo_auth", keyColumn: "key", schema: zaloAuthSchema, columns: [] });
/** The shared channel state (src/channels/shared), in the tables named when only Zalo used it: nothing moved. */
export const channelChoicesTable = defineTable<ChoicesRecord>({ kind: "zalo-choices", table: "zalo_choices", keyColumn: "key", schema: choicesRecordSchema, columns: [] });
export const channelHandoffTable = defineTable<HandoffRecord>({ kind: "zalo-handoff", table: "zalo_handoff", keyColumn: "key", schema: handoffRecordSchema, columns: [] });
export const channelSeenTable = defineTable<SeenRecord>({
  kind: "zalo-seen",
  table: "zalo_seen",
  keyColumn: "key",
  schema: seenRecordSchema,
  columns: [{ name: "at", value: (r) => r.at }],
});

export const mailboxesTable = defineTable<Mailbox>({ kind: "mailboxes", table: "mailboxes", keyColumn: "key", schema: mailboxSchema, columns: [] });

/** migrations/002_self_checks.sql: the newest result's sector and size, for the officials' figures. */
export const selfChecksTable = defineTable<SelfCheckRecord>({
  kind: "self-checks",
  table: "self_checks",
  keyColumn: "key",
  schema: selfCheckRecordSchema,
  columns: [
    { name: "sector", value: (r) => r.results[r.results.length - 1]!.sector },
    { name: "size_class", value: (r) => r.results[r.results.length - 1]!.sizeClass },
  ],
});

/** migrations/005_inbox.sql: the status, the user and the creation time, for the open list and the figures. */
export const inboxTable = defineTable<InboxItem>({
  kind: "inbox",
  table: "inbox",
  keyColumn: "key",
  schema: inboxItemSchema,
  columns: [
    { name: "user_key", value: (r) => r.userKey },
    { name: "status", value: (r) => r.status },
    { name: "created_at", value: (r) => r.createdAt },
  ],
});

/** migrations/005_inbox.sql: the last few FAQ exchanges per user. */
export const tailsTable = defineTable<ConversationTail>({ kind: "conversation-tails", table: "conversation_tails", keyColumn: "key", schema: conversationTailSchema, columns: [] });

/** migrations/006_kb_learned.sql: what officials taught the FAQ; `steps` makes the change stamp. */
export const kbLearnedTable = defineTable<KbLearned>({
  kind: "kb-learned",
  table: "kb_learned",
  keyColumn: "key",
  schema: kbLearnedSchema,
  columns: [
    { name: "kind", value: (r) => r.kind },
    { name: "status", value: (r) => r.status },
    { name: "first_at", value: (r) => r.history[0]!.at },
    { name: "steps", value: (r) => r.history.length },
  ],
});

/** migrations/008_content.sql: the department's content as officials edit it; `version` makes the change stamp. */
export const contentTable = defineTable<ContentDocument>({
  kind: "content",
  table: "content",
  keyColumn: "key",
  schema: contentDocumentSchema,
  columns: [
    { name: "kind", value: (r) => r.kind },
    { name: "version", value: (r) => r.version },
  ],
});

/** migrations/008_content.sql: a row per save of a content document. */
export const contentHistoryTable = defineTable<ContentHistoryStep>({
  kind: "content-history",
  table: "content_history",
  keyColumn: "key",
  schema: contentHistoryStepSchema,
  columns: [
    { name: "kind", value: (r) => r.kind },
    { name: "doc_id", value: (r) => r.id },
    { name: "version", value: (r) => r.version },
  ],
});
