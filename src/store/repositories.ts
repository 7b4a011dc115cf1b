/**
 * What the services may ask of storage: one repository per aggregate, every method async. A
 * service asks a question (`byHolder`, `figures`, `owners`), it never walks a whole collection; the
 * JSON backend answers from memory and its indexes, PostgreSQL with SQL and its indexes. Both
 * backends pass the same contract tests (test/store/contract.test.ts).
 *
 * Writes happen inside a unit of work (`Storage.unit`, see port.ts): a write outside one is a
 * programming error and throws. Reads may happen anywhere.
 */
import type { DossierRules } from "../domain/dossier-checklist.js";
import type { DialogState, JsonValue } from "../core/feature.js";
import type { Locale } from "../core/types.js";
import type { Programme } from "../domain/programmes.js";
import type { StatusId } from "../domain/statuses.js";
import type { SectorGroup, Submission } from "../domain/submission.js";
import type { AuditEntry } from "../domain/records/audit-entry.js";
import type { CounterRecord } from "../domain/records/counter.js";
import type { LinkRequest } from "../domain/records/link-request.js";
import type { RoleGrant } from "../domain/records/role-grant.js";
import type { SubscriptionRecord } from "../domain/records/subscription.js";
import type { UserRecord } from "../domain/records/user.js";
import type { FinalResult, Job, JobState } from "../domain/records/broadcast-job.js";
import type { Recipient, SkipReason } from "../domain/records/delivery.js";
import type { ReminderRecord } from "../domain/records/reminder.js";
import type { ChoicesRecord, HandoffRecord } from "../domain/records/channel-state.js";
import type { ZaloAuth } from "../domain/records/zalo-auth.js";
import type { StoredUpload, UploadMeta } from "../domain/records/upload.js";
import type { SelfCheckRecord } from "../domain/records/self-check.js";
import type { InboxItem } from "../domain/records/inbox-item.js";
import type { ConversationTail } from "../domain/records/conversation-tail.js";
import type { KbLearned } from "../domain/records/kb-learned.js";
import type { ContentBody, ContentDocument, ContentHistoryStep, ContentKind } from "../domain/records/content.js";

/** Records kept by a key. Every record is checked against its schema when it is stored and when it is read back. */
export interface KeyedRecords<T> {
  get(key: string): Promise<T | undefined>;
  /** The ones that exist, by key. */
  getMany(keys: readonly string[]): Promise<Map<string, T>>;
  /** Stores (inserts or replaces) a record; resolves to what was stored. */
  put(key: string, value: T): Promise<T>;
  /**
   * Read-modify-write in one step: `change` sees the record as it is now — no other unit can change
   * it until this unit ends (a row lock on PostgreSQL; one synchronous step in the JSON backend) —
   * and returns the new record, `null` to delete it, or `undefined` to leave it. Resolves to the
   * record stored afterwards. `change` must be synchronous and must not have other effects.
   */
  update(key: string, change: (current: T | undefined) => T | null | undefined): Promise<T | undefined>;
  delete(key: string): Promise<boolean>;
  count(): Promise<number>;
}

export interface UsersRepository extends KeyedRecords<UserRecord> {
  /** Users in key order after `after` (exclusive), at most `limit`: announcements to everyone, read in slices. */
  page(after: string | null, limit: number): Promise<UserRecord[]>;
}

export interface DialogsRepository extends KeyedRecords<DialogState> {
  /**
   * Removes and returns dialogs of these flows untouched since before `updatedBefore` (ISO), at
   * most `limit`, oldest first. Each one is returned to exactly one caller, whichever instance asks.
   */
  takeExpired(flows: readonly string[], updatedBefore: string, limit: number): Promise<{ userKey: string; dialog: DialogState }[]>;
  /** The latest `updatedAt` of dialogs of these flows (ISO), only among those before `before` if given; null when there is none. */
  newestUpdate(flows: readonly string[], before?: string): Promise<string | null>;
}

/** Which submissions a question is about; every condition given must hold. */
export interface SubmissionFilter {
  programme?: Programme;
  year?: number;
  /** Any of these statuses. */
  statuses?: readonly StatusId[];
  /** None of these statuses. */
  notStatuses?: readonly StatusId[];
  sectorGroup?: SectorGroup;
  /** `organisation.address.communeKey`. */
  communeKey?: string;
  /** Tracking codes starting with this ("GT-2026", as `parseCodePrefix` writes it). */
  codePrefix?: string;
}

/** The owner of a submission, as recorded on it (for announcements and notices). */
export interface SubmissionOwner {
  userKey: string;
  channel: Submission["owner"]["channel"];
  userId: string;
  locale: Locale;
}

export interface FiguresQuery {
  programme: Programme;
  year: number;
  /** Statuses still moving (the others are final). */
  openStatuses: readonly StatusId[];
  /** Statuses where a submission waits for the enterprise or a first decision (the stalled list). */
  waitingStatuses: readonly StatusId[];
  /** "New": created at or after this moment (ISO). */
  newSince: string;
  /** "Stalled": waiting, with its last status change at or before this moment (ISO). */
  stalledBefore: string;
  /** The dossier items per regime, to count complete award dossiers (absent: not counted). */
  dossier?: DossierRules;
}

/** Counts of one programme and award year; the service adds what follows from the calendar. */
export interface SubmissionFigures {
  total: number;
  open: number;
  byStatus: Partial<Record<StatusId, number>>;
  /** `unknown` for no sector group. */
  bySector: Record<string, number>;
  /** `unknown` for no size class. */
  bySize: Record<string, number>;
  /**
   * By `communeKey` (null = unknown); `name` is how the earliest registered submission of the
   * group wrote it. Unordered.
   */
  byCommune: { key: string | null; name: string | null; count: number }[];
  newSince: number;
  /** Unordered. */
  stalled: { code: string; organisation: string; status: StatusId; since: string }[];
  /** Open submissions of the programme in other award years. Unordered. */
  otherYearsOpen: { year: number; count: number }[];
  /** Award dossiers (not withdrawn) complete by the checklist; null when not asked (no `dossier`) or for NSCL. */
  completeDossiers: number | null;
}

export interface SubmissionsRepository {
  get(code: string): Promise<Submission | undefined>;
  getMany(codes: readonly string[]): Promise<Map<string, Submission>>;
  /** Stores a new submission; throws if the code is taken (the counter never hands a code out twice). */
  insert(submission: Submission): Promise<Submission>;
  /** As `KeyedRecords.update`; a submission is never deleted, so `change` returns a submission or undefined. */
  update(code: string, change: (current: Submission | undefined) => Submission | undefined): Promise<Submission | undefined>;
  count(filter?: SubmissionFilter): Promise<number>;
  /** Submissions this user registered or was linked to, newest first. */
  byHolder(userKey: string): Promise<Submission[]>;
  /** By tax code, newest first; `withBranches`: a company's code also finds its branches (`…-001`). */
  byTaxCode(taxCode: string, withBranches: boolean): Promise<Submission[]>;
  /** The newest submission of this tax code, programme and year whose status is not one of `notStatuses`. */
  duplicate(taxCode: string, programme: Programme, awardYear: number, notStatuses: readonly StatusId[]): Promise<Submission | undefined>;
  /** The highest tracking-code sequence in use for the programme and year (0 if none). */
  highestSequence(programme: Programme, awardYear: number): Promise<number>;
  /** Organisation names (folded: lower case, no diacritics) containing `folded`, newest first, at most `limit`, and how many in all. */
  nameContains(folded: string, limit: number): Promise<{ found: Submission[]; total: number }>;
  /** Names spelled nearly like `folded` (a typo, a missing word), closest first, at most `limit`. */
  nameSimilar(folded: string, limit: number): Promise<Submission[]>;
  /** Submissions with a contact change proposed by someone other than the owner, oldest proposal first. */
  pendingContacts(limit: number): Promise<Submission[]>;
  figures(query: FiguresQuery): Promise<SubmissionFigures>;
  /** Award years that have submissions of the programme, newest first. */
  years(programme: Programme): Promise<number[]>;
  /** How many submissions matching `filter` have each status (statuses with none left out). */
  statusCounts(filter: SubmissionFilter): Promise<Map<StatusId, number>>;
  /** Submissions matching `filter`, newest first (creation time, then code), `offset` skipped, at most `limit`; and how many match in all. */
  newest(filter: SubmissionFilter, offset: number, limit: number): Promise<{ found: Submission[]; total: number }>;
  /** Submissions matching `filter` in code order after `after` (exclusive), at most `limit`. */
  page(filter: SubmissionFilter, after: string | null, limit: number): Promise<Submission[]>;
  /** The distinct owners of the submissions matching `filter`, in user-key order after `after`, at most `limit`. */
  owners(filter: SubmissionFilter, after: string | null, limit: number): Promise<SubmissionOwner[]>;
  /** xã/phường of submissions whose status is not one of `notStatuses`: distinct owners per commune key; `label` as the earliest registered one wrote it. */
  communes(notStatuses: readonly StatusId[]): Promise<{ key: string; label: string; owners: number }[]>;
  /** For users who never chose a language: the language of their newest submission, by user key. */
  ownerLocales(userKeys: readonly string[]): Promise<Map<string, Locale>>;
}

export interface CountersRepository {
  /** The next number for `key` and never one at or below `atLeastAfter`; taken atomically (UPDATE … RETURNING). */
  next(key: string, atLeastAfter: number): Promise<number>;
  last(key: string): Promise<number>;
  all(): Promise<Map<string, CounterRecord>>;
}

export interface AuditRepository {
  /** Appends an entry; it is written by the same commit as the change it records. */
  append(entry: AuditEntry): Promise<AuditEntry>;
  /** Entries about one subject, oldest first. */
  about(subject: string): Promise<AuditEntry[]>;
  aboutMany(subjects: readonly string[]): Promise<Map<string, AuditEntry[]>>;
  count(): Promise<number>;
  /** Every entry in the order written, after position `after` (exclusive; null = from the start), at most `limit`. */
  page(after: number | null, limit: number): Promise<{ position: number; entry: AuditEntry }[]>;
}

export interface RolesRepository extends KeyedRecords<RoleGrant> {
  all(): Promise<{ userKey: string; grant: RoleGrant }[]>;
}

export type SubscriptionsRepository = KeyedRecords<SubscriptionRecord>;

export interface LinkRequestsRepository extends KeyedRecords<LinkRequest> {
  /** Drops requests made before `before` (ISO); returns how many. */
  prune(before: string): Promise<number>;
  /** Requests made at or after `since` (ISO) by this requester, or for this code: how many, and the earliest time. */
  countSince(since: string, filter: LinkRequestFilter): Promise<{ count: number; earliest: string | null }>;
}

export type LinkRequestFilter = { requesterKey: string } | { code: string };

export interface BroadcastJobsRepository extends KeyedRecords<Job> {
  /** Newest first, at most `limit`. */
  list(limit: number): Promise<Job[]>;
  /** Jobs in these states, oldest first (by start, else creation). */
  inStates(states: readonly JobState[]): Promise<Job[]>;
  /** Scheduled jobs whose time is at or before `now` (ISO). */
  dueScheduled(now: string): Promise<Job[]>;
}

/** A recipient as listed, with the reason it is settled at once if it is. */
export type ListedRecipient = Recipient & { skip?: SkipReason };

export interface DeliverySummary {
  total: number;
  /** Settled when listed (not subscribed, blocked, unreachable). */
  skippedAtListing: number;
  counts: Record<FinalResult, number>;
  /** Neither settled nor in flight. */
  waiting: number;
  inFlight: number;
}

export type Claim =
  /** Send to this recipient now; attempt `attempt` is on record (commit before sending). */
  | { kind: "send"; index: number; recipient: Recipient; attempt: number; errors: number }
  /** Nothing due now; the earliest retry is due in `ms`. */
  | { kind: "wait"; ms: number }
  /** Every recipient is settled or in flight. */
  | { kind: "none" };

/** One recipient's record, backend-neutral (copying between backends). */
export interface RecipientDump extends Recipient {
  index: number;
  skip: SkipReason | null;
  final: FinalResult | null;
  tries: number;
  errors: number;
}

export interface DeliveriesRepository {
  /** null: the job's recipients were never (completely) listed. */
  summary(job: string): Promise<DeliverySummary | null>;
  /** Writes the job's recipient list, replacing a list cut short by a crash. */
  list(job: string, recipients: readonly ListedRecipient[]): Promise<DeliverySummary>;
  /**
   * The next recipient due now, by index, put in flight by `instance` (each recipient to one
   * sender, whichever instance asks; a retry only once its time has come).
   */
  claim(job: string, now: Date, instance: string): Promise<Claim>;
  /** The recipient's final result (after a send, or without one). */
  settle(job: string, index: number, result: FinalResult, at: Date, detail?: string): Promise<void>;
  /** The attempt did not deliver: the recipient is sent again from `retryAt`. */
  again(job: string, index: number, attempt: number, why: "rate-limited" | "error" | "stopped", retryAt: Date, detail?: string): Promise<void>;
  /** Recipients in flight from an instance not in `live` (it stopped or died mid-send): settled `uncertain`, never re-sent. */
  abandonInFlight(job: string, live: readonly string[], at: Date): Promise<number>;
  /** Every recipient of the job (copying between backends). */
  dump(job: string): Promise<RecipientDump[]>;
  /** Writes a dumped job into an empty store. */
  restore(job: string, recipients: readonly RecipientDump[]): Promise<void>;
  /** Jobs that have a recipient list. */
  jobs(): Promise<string[]>;
}

export interface RemindersRepository {
  /** Records the keys (`GT-2026-0042@2026-06-15`) for a job; returns the ones that were not recorded before — each goes to one job only. */
  claim(keys: readonly string[], record: ReminderRecord): Promise<string[]>;
  /** The keys recorded for a job. */
  ofJob(job: string): Promise<string[]>;
  /** Which of these keys are recorded. */
  recorded(keys: readonly string[]): Promise<Set<string>>;
  all(): Promise<Map<string, ReminderRecord>>;
}

/**
 * What channels keep between two events, through the shared channel utilities (src/channels/shared):
 * keys are the channel's user key (`messenger:123`) or event key; Zalo's, stored before the
 * utilities were shared, are bare (a Zalo user id, `m:<msg_id>`) and stay so — no channel name
 * is a number or `m`/`e`, so they cannot meet another channel's.
 */
export interface ChannelStateRepository {
  /** The last numbered list shown, per user. */
  choices: KeyedRecords<ChoicesRecord>;
  /** Conversations where a person at the platform answers, per user. */
  handoff: KeyedRecords<HandoffRecord>;
  /** True the first time an event key is seen (it is then remembered); false for a repeat. About the newest `capacity` keys are kept, every channel's together. */
  firstTime(key: string, now: Date, capacity: number): Promise<boolean>;
  /** Event keys remembered now, oldest first (copying between backends). */
  seen(): Promise<{ key: string; at: string }[]>;
}

/** What only the Zalo channel keeps. */
export interface ZaloRepository {
  /** The OA's tokens, per app id. */
  auth: KeyedRecords<ZaloAuth>;
}

/** Notices waiting for a web chat page to fetch them. */
export interface MailboxesRepository {
  /** Adds messages; only the newest `limit` per session are kept. */
  push(session: string, messages: readonly JsonValue[], limit: number): Promise<void>;
  /** Removes and returns what waits for the session, oldest first. */
  take(session: string): Promise<JsonValue[]>;
  all(): Promise<Map<string, JsonValue[]>>;
}

/**
 * Files users sent whose bytes we hold (web uploads), by the SHA-256 of their bytes. Unlike the
 * other repositories these are not written in a unit of work: a file is written at once, before
 * the turn that speaks of it, and the same bytes are one file whatever happens to that turn.
 */
export interface UploadsRepository {
  /** Keeps the bytes (once per content; a second put of the same bytes keeps the first name) and returns their id. */
  put(bytes: Uint8Array, meta: UploadMeta): Promise<string>;
  /** The bytes and what was kept with them; undefined for an unknown or malformed id. */
  get(id: string): Promise<StoredUpload | undefined>;
  delete(id: string): Promise<boolean>;
}

/** Scores of the newest self-check of each user in a group: how many took it, and per criterion the sum and count of scores. */
export interface SelfCheckGroup {
  takers: number;
  criteria: Record<string, { sum: number; n: number }>;
}

/** What officials may see of the self-checks: aggregates only, never one enterprise's result. */
export interface SelfCheckFigures {
  all: SelfCheckGroup;
  /** By the VSIC section stored with the result (`vsic2018:C`), `unknown` for none. */
  bySector: Record<string, SelfCheckGroup>;
  /** By size class, `unknown` for none. */
  bySize: Record<string, SelfCheckGroup>;
}

/** Readiness self-check results, by user key (the newest few per user). */
/** Questions passed to people (`/hopthu`), keyed by item id. */
export interface InboxRepository extends KeyedRecords<InboxItem> {
  /** Open items, oldest first: `limit` of them after the first `offset`, and how many are open. */
  open(offset: number, limit: number): Promise<{ items: InboxItem[]; total: number }>;
  /** The user's open item, if any (at most one per user). */
  openOf(userKey: string): Promise<InboxItem | undefined>;
  /** Every item of one user, oldest first (their data under /dulieu). */
  ofUser(userKey: string): Promise<InboxItem[]>;
  /** Items created at or after `since` (ISO), oldest first: the weekly figures. */
  createdSince(since: string): Promise<InboxItem[]>;
}

export interface SelfChecksRepository {
  get(userKey: string): Promise<SelfCheckRecord | undefined>;
  put(userKey: string, record: SelfCheckRecord): Promise<SelfCheckRecord>;
  delete(userKey: string): Promise<boolean>;
  /** Counts and sums over the newest result of every user. */
  figures(): Promise<SelfCheckFigures>;
}

/**
 * What officials taught the FAQ (src/services/kb-learning.ts): phrasings and drafted entries with
 * their history. A few hundred records at most — each is typed by an official.
 */
export interface KbLearnedRepository extends KeyedRecords<KbLearned> {
  /** The changes of one kind (and status), oldest first (by their first step, then id). */
  list(filter?: { kind?: KbLearned["kind"]; status?: KbLearned["status"] }): Promise<{ id: string; record: KbLearned }[]>;
  /**
   * Grows with every change (the number of history steps kept): an instance compares it with the
   * one its FAQ index was built from to notice another instance's change.
   */
  stamp(): Promise<number>;
}

/** A save of one content document (src/services/content-*.ts). */
export interface ContentSave {
  kind: ContentKind;
  id: string;
  document: ContentBody;
  /** The document served before this one when none is stored yet (data/'s, or null for an added one); otherwise the stored one is the previous. */
  previous: ContentBody | null;
  added: boolean;
  at: string;
  by: string;
  role: ContentHistoryStep["role"];
  via: ContentHistoryStep["via"];
  /** The version the editor started from: the save is refused when the stored one differs. Absent: the last save wins. */
  expectedVersion?: number;
}

/**
 * The department's content as officials edit it: the documents served now (a province profile,
 * knowledge-base entries, new sources) and a history step per save. A few hundred documents.
 */
export interface ContentRepository {
  get(kind: ContentKind, id: string): Promise<ContentDocument | undefined>;
  /** Every document, by kind then id. */
  list(): Promise<ContentDocument[]>;
  /**
   * Stores the document's next version and its history step, in the caller's unit (both or
   * neither), the document locked until the unit ends. Refused (nothing written) when
   * `expectedVersion` is given and the stored version (0 = none) differs.
   */
  save(input: ContentSave): Promise<{ ok: true; document: ContentDocument } | { ok: false; current: number }>;
  /** The saves of one document, oldest first. */
  history(kind: ContentKind, id: string): Promise<ContentHistoryStep[]>;
  /** Grows with every save (the sum of the versions): an instance notices another's save. */
  stamp(): Promise<number>;
}

export interface Repositories {
  users: UsersRepository;
  dialogs: DialogsRepository;
  submissions: SubmissionsRepository;
  counters: CountersRepository;
  audit: AuditRepository;
  roles: RolesRepository;
  subscriptions: SubscriptionsRepository;
  linkRequests: LinkRequestsRepository;
  broadcasts: BroadcastJobsRepository;
  deliveries: DeliveriesRepository;
  reminders: RemindersRepository;
  channels: ChannelStateRepository;
  zalo: ZaloRepository;
  mailboxes: MailboxesRepository;
  uploads: UploadsRepository;
  selfChecks: SelfChecksRepository;
  inbox: InboxRepository;
  /** The last few FAQ exchanges per user, for inbox items (src/domain/records/conversation-tail.ts). */
  tails: KeyedRecords<ConversationTail>;
  kbLearned: KbLearnedRepository;
  content: ContentRepository;
}
