import { z } from "zod";
import type { JsonValue } from "../../core/feature.js";
import { submissionSchema } from "../../domain/submission.js";
import { auditEntrySchema } from "../../domain/records/audit-entry.js";
import { counterRecordSchema } from "../../domain/records/counter.js";
import { dialogStateSchema } from "../../domain/records/dialog.js";
import { linkRequestSchema } from "../../domain/records/link-request.js";
import { roleGrantSchema } from "../../domain/records/role-grant.js";
import { subscriptionRecordSchema } from "../../domain/records/subscription.js";
import { userRecordSchema } from "../../domain/records/user.js";
import { deliveryEntrySchema } from "../../domain/records/delivery.js";
import { jobSchema } from "../../domain/records/broadcast-job.js";
import { reminderRecordSchema } from "../../domain/records/reminder.js";
import { choicesRecordSchema, handoffRecordSchema, seenRecordSchema } from "../../domain/records/channel-state.js";
import { zaloAuthSchema } from "../../domain/records/zalo-auth.js";
import { selfCheckRecordSchema } from "../../domain/records/self-check.js";
import { inboxItemSchema } from "../../domain/records/inbox-item.js";
import { conversationTailSchema } from "../../domain/records/conversation-tail.js";
import { kbLearnedSchema } from "../../domain/records/kb-learned.js";
import { contentDocumentSchema, contentHistoryStepSchema } from "../../domain/records/content.js";
import { defineLog, monthOf } from "./append-log.js";
import { defineCollection } from "./collection.js";

/**
 * The files of the JSON backend under DATA_DIR: one collection (a folder of shard files, or one
 * file) per kind of record, and two append-only logs. Shard counts are fixed once data exists.
 */
export const usersCollection = defineCollection({ name: "users", version: 1, record: userRecordSchema, shards: 32 });
/** Only users in the middle of something have a record. */
export const dialogsCollection = defineCollection({ name: "dialogs", version: 1, record: dialogStateSchema, shards: 64 });
/** Keyed by tracking code; 5,000 submissions ≈ 110 KB per file. */
export const submissionsCollection = defineCollection({ name: "submissions", version: 1, record: submissionSchema, shards: 64 });
/** A handful of keys per year ("submission:gtclqg:2026"). */
export const countersCollection = defineCollection({ name: "counters", version: 1, record: counterRecordSchema, shards: 1 });
export const linkRequestsCollection = defineCollection({ name: "link-requests", version: 1, record: linkRequestSchema, shards: 1 });
export const rolesCollection = defineCollection({ name: "roles", version: 1, record: roleGrantSchema, shards: 1 });
export const subscriptionsCollection = defineCollection({ name: "subscriptions", version: 1, record: subscriptionRecordSchema, shards: 16 });
/** A record per broadcast job (a few hundred a year at most). */
export const jobsCollection = defineCollection({ name: "broadcasts", version: 1, record: jobSchema, shards: 8 });
/** Keyed `GT-2026-0042@2026-06-15`: one small record per submission and deadline. */
export const remindersCollection = defineCollection({ name: "reminders", version: 1, record: reminderRecordSchema, shards: 16 });
/** The OA's tokens, one record per app id, in `zalo-auth.json` (secrets: DATA_DIR stays private). */
export const zaloAuthCollection = defineCollection({ name: "zalo-auth", version: 1, record: zaloAuthSchema, shards: 1 });
/**
 * The shared channel state (src/channels/shared): platform events already taken in (the newest few
 * thousand, so they survive a restart), the last numbered list per user, hand-offs. The files keep
 * the names they had when only Zalo used them, so nothing on disk moved.
 */
export const channelSeenCollection = defineCollection({ name: "zalo-seen", version: 1, record: seenRecordSchema, shards: 16 });
export const channelChoicesCollection = defineCollection({ name: "zalo-choices", version: 1, record: choicesRecordSchema, shards: 8 });
export const channelHandoffCollection = defineCollection({ name: "zalo-handoff", version: 1, record: handoffRecordSchema, shards: 4 });

/** Notices waiting for a web chat page (each message is checked by the web channel when it is taken). */
export const mailboxSchema = z.object({ messages: z.array(z.custom<JsonValue>((v) => v !== undefined)).max(500) });
export type Mailbox = z.infer<typeof mailboxSchema>;
export const mailboxesCollection = defineCollection({ name: "mailboxes", version: 1, record: mailboxSchema, shards: 16 });

/** Readiness self-checks, a record per user (the newest 5 results, well under 3 KB). */
export const selfChecksCollection = defineCollection({ name: "self-checks", version: 1, record: selfCheckRecordSchema, shards: 16 });

/** Questions passed to people (`/hopthu`), a record per item. */
export const inboxCollection = defineCollection({ name: "inbox", version: 1, record: inboxItemSchema, shards: 8 });
/** The last few FAQ exchanges per user (6 short turns, under 2 KB). */
export const tailsCollection = defineCollection({ name: "conversation-tails", version: 1, record: conversationTailSchema, shards: 16 });
/** What officials taught the FAQ: learned phrasings and drafted entries with their history (`kb-learned.json`). */
export const kbLearnedCollection = defineCollection({ name: "kb-learned", version: 1, record: kbLearnedSchema, shards: 1 });
/** The department's content as officials edit it (`content.json`) and a step per save (`content-history.json`). */
export const contentCollection = defineCollection({ name: "content", version: 1, record: contentDocumentSchema, shards: 1 });
export const contentHistoryCollection = defineCollection({ name: "content-history", version: 1, record: contentHistoryStepSchema, shards: 4 });

/** `audit/2026-11.jsonl`: append-only, one file per month, never rewritten by any command. */
export const auditLog = defineLog({ name: "audit", version: 1, entry: auditEntrySchema, fileOf: (e) => monthOf(e.at) });
/** `deliveries/TB-0007.jsonl`: one file per broadcast job, read only when the job (re)starts. */
export const deliveriesLog = defineLog({ name: "deliveries", version: 1, entry: deliveryEntrySchema, fileOf: (e) => e.job, lazy: true });

export const collections = [
  usersCollection,
  dialogsCollection,
  submissionsCollection,
  countersCollection,
  linkRequestsCollection,
  rolesCollection,
  subscriptionsCollection,
  jobsCollection,
  remindersCollection,
  zaloAuthCollection,
  channelSeenCollection,
  channelChoicesCollection,
  channelHandoffCollection,
  mailboxesCollection,
  selfChecksCollection,
  inboxCollection,
  tailsCollection,
  kbLearnedCollection,
  contentCollection,
  contentHistoryCollection,
] as const;
export const logs = [auditLog, deliveriesLog] as const;
