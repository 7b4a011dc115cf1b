import type { MessageRef } from "../core/i18n.js";
import { INITIAL_STATUS, WITHDRAWN, isOpen, isStatusOf, type StatusId } from "../domain/statuses.js";
import type { Programme } from "../domain/programmes.js";
import {
  holds,
  submissionSchema,
  type Actor,
  type Contact,
  type StatusChange,
  type Submission,
} from "../domain/submission.js";
import { formatTrackingCode, parseTrackingCode } from "../domain/tracking-code.js";
import type { ChannelName as Channel, FileRef } from "../core/types.js";
import type { Collection } from "../store/collection.js";
import { defineCollection } from "../store/collection.js";
import type { Counters } from "./counters.js";

/**
 * Submissions, keyed by tracking code and spread over 64 shard files (5,000 submissions ≈ 200 KB
 * per file), so a change rewrites one small file.
 */
export const submissionsCollection = defineCollection({ name: "submissions", version: 1, record: submissionSchema, shards: 64 });

/** What the form collects; the service adds the code, the status and the timestamps. */
export type SubmissionDraft = Omit<Submission, "code" | "status" | "statusHistory" | "createdAt" | "updatedAt" | "contactRemovedAt" | "pendingContact" | "linked">;

export type CreateResult = { ok: true; submission: Submission } | { ok: false; reason: "duplicate"; existing: Submission };
export type Outcome = { ok: true; submission: Submission } | { ok: false; error: MessageRef };

/** Told synchronously after every change, inside the same turn (so an audit entry shares its commit). */
export type SubmissionEvent =
  | { kind: "created"; submission: Submission }
  | { kind: "status"; submission: Submission; change: StatusChange }
  | { kind: "contact-updated" | "contact-proposed" | "contact-dismissed" | "contact-removed" | "document-added"; submission: Submission; by: string }
  | { kind: "linked"; submission: Submission; by: string; linkedUserKey: string };

export interface Submissions {
  /** Refuses a second live submission for the same tax code, programme and award year. */
  create(draft: SubmissionDraft, now: Date): CreateResult;
  /** The live (not withdrawn) submission for this tax code, programme and year, if any. */
  duplicateOf(taxCode: string, programme: Programme, awardYear: number): Submission | undefined;
  /** By exact tracking code. */
  get(code: string): Submission | undefined;
  /** By a code as typed ("gt-2026-42"). */
  find(typed: string): Submission | undefined;
  /** A user's submissions (on that channel), newest first. */
  byOwner(userKey: string): Submission[];
  byTaxCode(taxCode: string): Submission[];
  all(): IterableIterator<Submission>;
  readonly count: number;
  /**
   * Records a status change with who made it. No workflow rules here: the officials' desk checks
   * its transitions first; the enterprise may only withdraw (below).
   */
  changeStatus(code: string, to: StatusId, by: Actor, now: Date, note?: string | null): Outcome;
  /** The owner withdraws an open submission; it is kept with status `withdrawn`. */
  withdraw(code: string, ownerKey: string, now: Date): Outcome;
  /** The owner's new contact replaces the old; anyone else's waits for an official (`pendingContact`). */
  updateContact(code: string, contact: Contact, byUserKey: string, now: Date): Outcome & { applied?: boolean };
  /** An official accepts (it replaces the contact) or dismisses the contact someone else proposed. */
  resolvePendingContact(code: string, accept: boolean, officialKey: string, now: Date): Outcome;
  /** The owner removes the contact of a withdrawn submission (kept for the record without it). */
  removeContact(code: string, ownerKey: string, now: Date): Outcome;
  /** A file the owner sent, kept by reference. */
  attach(code: string, ownerKey: string, file: FileRef, now: Date): Outcome;
  /** The owner confirmed that `identity` (the enterprise on another channel) may follow this submission too. */
  link(code: string, ownerKey: string, identity: { userKey: string; channel: Channel; userId: string }, now: Date): Outcome;
  subscribe(listener: (event: SubmissionEvent) => void): () => void;
}

const MAX_DOCUMENTS = 100;

export function createSubmissions(collection: Collection<Submission>, counters: Counters): Submissions {
  const byOwner = new Map<string, Set<string>>();
  const byTax = new Map<string, Set<string>>();
  const listeners = new Set<(event: SubmissionEvent) => void>();
  const add = (map: Map<string, Set<string>>, key: string, code: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(code);
    map.set(key, set);
  };
  /** Highest sequence in use per counter key, so a counter behind its records (an old backup) never repeats a code. */
  const highest = new Map<string, number>();
  const counterKey = (programme: Programme, year: number) => `submission:${programme}:${year}`;
  const index = (s: Submission) => {
    add(byOwner, s.owner.userKey, s.code);
    for (const l of s.linked) add(byOwner, l.userKey, s.code);
    add(byTax, s.organisation.taxCode, s.code);
    const sequence = parseTrackingCode(s.code)?.sequence ?? 0;
    const key = counterKey(s.programme, s.awardYear);
    if (sequence > (highest.get(key) ?? 0)) highest.set(key, sequence);
  };
  for (const s of collection.values()) index(s);

  const emit = (event: SubmissionEvent) => {
    for (const listener of listeners) listener(event);
  };
  const save = (s: Submission): Submission => collection.set(s.code, s);
  const list = (codes: Set<string> | undefined) =>
    [...(codes ?? [])]
      .map((c) => collection.get(c))
      .filter((s): s is Submission => s !== undefined)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.code < b.code ? 1 : -1));
  const notFound: Outcome = { ok: false, error: { key: "sub-not-found" } };
  const owned = (code: string, ownerKey: string): Submission | undefined => {
    const s = collection.get(code);
    return s && holds(s, ownerKey) ? s : undefined;
  };

  const duplicateOf = (taxCode: string, programme: Programme, awardYear: number) =>
    list(byTax.get(taxCode)).find((s) => s.programme === programme && s.awardYear === awardYear && s.status !== WITHDRAWN);

  const recordStatus = (s: Submission, to: StatusId, by: Actor, now: Date, note: string | null): Outcome => {
    const at = now.toISOString();
    const change: StatusChange = { at, from: s.status, to, by, note };
    const saved = save({ ...s, status: to, statusHistory: [...s.statusHistory, change], updatedAt: at });
    emit({ kind: "status", submission: saved, change });
    return { ok: true, submission: saved };
  };

  return {
    create(draft, now) {
      const existing = duplicateOf(draft.organisation.taxCode, draft.programme, draft.awardYear);
      if (existing) return { ok: false, reason: "duplicate", existing };
      // Synchronous from here to the write: two turns cannot take the same number.
      const key = counterKey(draft.programme, draft.awardYear);
      const sequence = counters.next(key, highest.get(key) ?? 0);
      const at = now.toISOString();
      const code = formatTrackingCode(draft.programme, draft.awardYear, sequence);
      const submission = save({
        ...draft,
        code,
        status: INITIAL_STATUS,
        statusHistory: [{ at, from: null, to: INITIAL_STATUS, by: { kind: "enterprise", userKey: draft.owner.userKey }, note: null }],
        createdAt: at,
        updatedAt: at,
        contactRemovedAt: null,
        pendingContact: null,
        linked: [],
      });
      index(submission);
      emit({ kind: "created", submission });
      return { ok: true, submission };
    },
    duplicateOf,
    get: (code) => collection.get(code),
    find(typed) {
      const parsed = parseTrackingCode(typed);
      return parsed ? collection.get(parsed.code) : undefined;
    },
    byOwner: (userKey) => list(byOwner.get(userKey)),
    byTaxCode: (taxCode) => list(byTax.get(taxCode)),
    all: () => collection.values(),
    get count() {
      return collection.size;
    },
    changeStatus(code, to, by, now, note = null) {
      const s = collection.get(code);
      if (!s) return notFound;
      if (!isStatusOf(s.programme, to)) return { ok: false, error: { key: "sub-status-not-of-programme", args: { code } } };
      return recordStatus(s, to, by, now, note);
    },
    withdraw(code, ownerKey, now) {
      const s = owned(code, ownerKey);
      if (!s) return notFound;
      if (!isOpen(s.programme, s.status)) return { ok: false, error: { key: "sub-withdraw-final", args: { code } } };
      return recordStatus(s, WITHDRAWN, { kind: "enterprise", userKey: ownerKey }, now, null);
    },
    updateContact(code, contact, byUserKey, now) {
      const s = collection.get(code);
      if (!s) return notFound;
      const at = now.toISOString();
      if (holds(s, byUserKey)) {
        const saved = save({ ...s, contact, contactRemovedAt: null, updatedAt: at });
        emit({ kind: "contact-updated", submission: saved, by: byUserKey });
        return { ok: true, submission: saved, applied: true };
      }
      const saved = save({ ...s, pendingContact: { contact, at, by: byUserKey }, updatedAt: at });
      emit({ kind: "contact-proposed", submission: saved, by: byUserKey });
      return { ok: true, submission: saved, applied: false };
    },
    resolvePendingContact(code, accept, officialKey, now) {
      const s = collection.get(code);
      if (!s) return notFound;
      if (!s.pendingContact) return { ok: false, error: { key: "sub-no-pending-contact", args: { code } } };
      const at = now.toISOString();
      const saved = save({ ...s, ...(accept ? { contact: s.pendingContact.contact, contactRemovedAt: null } : {}), pendingContact: null, updatedAt: at });
      emit({ kind: accept ? "contact-updated" : "contact-dismissed", submission: saved, by: officialKey });
      return { ok: true, submission: saved };
    },
    removeContact(code, ownerKey, now) {
      const s = owned(code, ownerKey);
      if (!s) return notFound;
      if (s.status !== WITHDRAWN) return { ok: false, error: { key: "sub-remove-contact-open", args: { code } } };
      const at = now.toISOString();
      const saved = save({ ...s, contact: null, pendingContact: null, contactRemovedAt: at, updatedAt: at });
      emit({ kind: "contact-removed", submission: saved, by: ownerKey });
      return { ok: true, submission: saved };
    },
    attach(code, ownerKey, file, now) {
      const s = owned(code, ownerKey);
      if (!s) return notFound;
      if (!isOpen(s.programme, s.status)) return { ok: false, error: { key: "sub-attach-final", args: { code } } };
      if (s.documents.some((d) => d.file.ref === file.ref)) return { ok: true, submission: s };
      if (s.documents.length >= MAX_DOCUMENTS) return { ok: false, error: { key: "sub-attach-too-many", args: { max: MAX_DOCUMENTS } } };
      const at = now.toISOString();
      const saved = save({ ...s, documents: [...s.documents, { file, addedAt: at }], updatedAt: at });
      emit({ kind: "document-added", submission: saved, by: ownerKey });
      return { ok: true, submission: saved };
    },
    link(code, ownerKey, identity, now) {
      const s = collection.get(code);
      // Only the owner who registered confirms a link; a linked identity cannot add more.
      if (!s || s.owner.userKey !== ownerKey) return notFound;
      if (holds(s, identity.userKey)) return { ok: true, submission: s };
      if (s.linked.length >= 10) return { ok: false, error: { key: "link-too-many", args: { code } } };
      const at = now.toISOString();
      const saved = save({ ...s, linked: [...s.linked, { ...identity, at }], updatedAt: at });
      index(saved);
      emit({ kind: "linked", submission: saved, by: ownerKey, linkedUserKey: identity.userKey });
      return { ok: true, submission: saved };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
