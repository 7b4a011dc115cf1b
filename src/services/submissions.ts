import type { MessageRef } from "../core/i18n.js";
import { INITIAL_STATUS, WITHDRAWN, isOpen, isStatusOf, type StatusId } from "../domain/statuses.js";
import type { Programme } from "../domain/programmes.js";
import type { CheckMark } from "../domain/dossier-checklist.js";
import {
  holds,
  type Actor,
  type Contact,
  type StatusChange,
  type Submission,
} from "../domain/submission.js";
import { formatTrackingCode, parseTrackingCode } from "../domain/tracking-code.js";
import type { ChannelName as Channel, FileRef } from "../core/types.js";
import type { Transactions } from "../store/port.js";
import type { CountersRepository, SubmissionsRepository } from "../store/repositories.js";

/** What the form collects; the service adds the code, the status and the timestamps. */
export type SubmissionDraft = Omit<Submission, "code" | "status" | "statusHistory" | "createdAt" | "updatedAt" | "contactRemovedAt" | "pendingContact" | "linked" | "checklist">;

export type CreateResult = { ok: true; submission: Submission } | { ok: false; reason: "duplicate"; existing: Submission };
export type Outcome = { ok: true; submission: Submission } | { ok: false; error: MessageRef };

/** Told after every change, inside the same unit of work (so an audit entry shares its commit). */
export type SubmissionEvent =
  | { kind: "created"; submission: Submission }
  | { kind: "status"; submission: Submission; change: StatusChange }
  | { kind: "contact-updated" | "contact-proposed" | "contact-dismissed" | "contact-removed" | "document-added"; submission: Submission; by: string }
  | { kind: "linked" | "unlinked"; submission: Submission; by: string; linkedUserKey: string }
  /** Files given a dossier item by the enterprise. */
  | { kind: "document-item"; submission: Submission; by: string; item: string; names: string[] }
  /** An official marked a dossier item (null: back to unmarked). */
  | { kind: "checklist-marked"; submission: Submission; by: string; item: string; mark: CheckMark | null; note: string | null };

export interface Submissions {
  /** Refuses a second live submission for the same tax code, programme and award year. */
  create(draft: SubmissionDraft, now: Date): Promise<CreateResult>;
  /** The live (not withdrawn) submission for this tax code, programme and year, if any. */
  duplicateOf(taxCode: string, programme: Programme, awardYear: number): Promise<Submission | undefined>;
  /** By exact tracking code. */
  get(code: string): Promise<Submission | undefined>;
  /** By a code as typed ("gt-2026-42"). */
  find(typed: string): Promise<Submission | undefined>;
  /** A user's submissions (registered, or linked to with the owner's consent), newest first. */
  byOwner(userKey: string): Promise<Submission[]>;
  byTaxCode(taxCode: string): Promise<Submission[]>;
  count(): Promise<number>;
  /**
   * Records a status change with who made it. No workflow rules here: the officials' desk passes
   * its transition check as `allowed`, which sees the submission as it is under the lock (so two
   * officials moving it at once cannot both succeed from the same status); the enterprise may
   * only withdraw (below).
   */
  changeStatus(code: string, to: StatusId, by: Actor, now: Date, note?: string | null, allowed?: (current: Submission) => MessageRef | null): Promise<Outcome>;
  /**
   * The account that registered withdraws an open submission; it is kept with status `withdrawn`.
   * A linked account cannot: a final step needs the registering account (see my-data.ts).
   */
  withdraw(code: string, ownerKey: string, now: Date): Promise<Outcome>;
  /** The owner's new contact replaces the old; anyone else's waits for an official (`pendingContact`). */
  updateContact(code: string, contact: Contact, byUserKey: string, now: Date): Promise<Outcome & { applied?: boolean }>;
  /** An official accepts (it replaces the contact) or dismisses the contact someone else proposed. */
  resolvePendingContact(code: string, accept: boolean, officialKey: string, now: Date): Promise<Outcome>;
  /** The account that registered removes the contact of a withdrawn submission (kept for the record without it); not a linked one. */
  removeContact(code: string, ownerKey: string, now: Date): Promise<Outcome>;
  /** A file the owner sent, kept by reference, for a dossier item or none yet (the caller checked it with checkDossierFile). */
  attach(code: string, ownerKey: string, file: FileRef, now: Date, item?: string | null): Promise<Outcome>;
  /** The holder says which dossier item files already attached belong to (by their channel references). */
  assignItem(code: string, holderKey: string, refs: readonly string[], item: string, now: Date): Promise<Outcome>;
  /**
   * An official marks a dossier item "đạt" or "cần bổ sung" (with what is missing), or clears the
   * mark (null). The caller re-checks the role (`actingAs`) just before; the item must be one of
   * `itemIds` (the submission's list).
   */
  markItem(code: string, item: string, mark: { state: CheckMark; note: string | null } | null, officialKey: string, itemIds: readonly string[], now: Date): Promise<Outcome>;
  /** The owner confirmed that `identity` (the enterprise on another channel) may follow this submission too. */
  link(code: string, ownerKey: string, identity: { userKey: string; channel: Channel; userId: string }, now: Date): Promise<Outcome>;
  /** The owner who registered ends the link of another account; only that owner may. */
  unlink(code: string, ownerKey: string, linkedUserKey: string, now: Date): Promise<Outcome>;
  subscribe(listener: (event: SubmissionEvent) => Promise<void>): () => void;
}

const MAX_DOCUMENTS = 100;

/** One change of a submission: the new record and what to tell, an error, or nothing to do. */
type StepResult = { next: Submission; event: (saved: Submission) => SubmissionEvent | null } | { error: MessageRef } | { same: Submission };
type Step = (s: Submission, at: string) => StepResult;

export function createSubmissions(repo: SubmissionsRepository, counters: CountersRepository, tx: Pick<Transactions, "lock">): Submissions {
  const listeners = new Set<(event: SubmissionEvent) => Promise<void>>();
  const counterKey = (programme: Programme, year: number) => `submission:${programme}:${year}`;
  const emit = async (event: SubmissionEvent) => {
    for (const listener of listeners) await listener(event);
  };
  const notFound: Outcome = { ok: false, error: { key: "sub-not-found" } };

  /**
   * Changes one submission under its lock: `change` sees it as it is now and returns the new
   * record, or an error. The event is told within the same unit of work.
   */
  const change = async (code: string, step: Step, now: Date): Promise<Outcome> => {
    const at = now.toISOString();
    let result: Outcome = notFound;
    let event: ((saved: Submission) => SubmissionEvent | null) | null = null;
    const saved = await repo.update(code, (current) => {
      if (!current) return undefined;
      const r = step(current, at);
      if ("error" in r) {
        result = { ok: false, error: r.error };
        return undefined;
      }
      if ("same" in r) {
        result = { ok: true, submission: r.same };
        return undefined;
      }
      event = r.event;
      return r.next;
    });
    if (!event || !saved) return result;
    const told = (event as (s: Submission) => SubmissionEvent | null)(saved);
    if (told) await emit(told);
    return { ok: true, submission: saved };
  };

  const duplicateOf = (taxCode: string, programme: Programme, awardYear: number) => repo.duplicate(taxCode, programme, awardYear, [WITHDRAWN]);

  const statusStep =
    (to: StatusId, by: Actor, note: string | null, allowed?: (s: Submission) => MessageRef | null) =>
    (s: Submission, at: string): StepResult => {
      const refused = allowed?.(s) ?? null;
      if (refused) return { error: refused };
      const change: StatusChange = { at, from: s.status, to, by, note };
      return { next: { ...s, status: to, statusHistory: [...s.statusHistory, change], updatedAt: at }, event: (saved: Submission): SubmissionEvent => ({ kind: "status", submission: saved, change }) };
    };

  return {
    async create(draft, now) {
      // One registration per tax code, programme and year at a time, on every instance.
      await tx.lock(`submission:${draft.organisation.taxCode}:${draft.programme}:${draft.awardYear}`);
      const existing = await duplicateOf(draft.organisation.taxCode, draft.programme, draft.awardYear);
      if (existing) return { ok: false, reason: "duplicate", existing };
      // Never a number at or below the highest in use: a counter restored from an older backup than the records must not repeat a code.
      const highest = await repo.highestSequence(draft.programme, draft.awardYear);
      const sequence = await counters.next(counterKey(draft.programme, draft.awardYear), highest);
      const at = now.toISOString();
      const code = formatTrackingCode(draft.programme, draft.awardYear, sequence);
      // The repository checks the record against submissionSchema as it stores it.
      const submission = await repo.insert({
        ...draft,
        code,
        status: INITIAL_STATUS,
        statusHistory: [{ at, from: null, to: INITIAL_STATUS, by: { kind: "enterprise", userKey: draft.owner.userKey }, note: null }],
        createdAt: at,
        updatedAt: at,
        contactRemovedAt: null,
        pendingContact: null,
        linked: [],
        checklist: {},
      });
      await emit({ kind: "created", submission });
      return { ok: true, submission };
    },
    duplicateOf,
    get: (code) => repo.get(code),
    async find(typed) {
      const parsed = parseTrackingCode(typed);
      return parsed ? repo.get(parsed.code) : undefined;
    },
    byOwner: (userKey) => repo.byHolder(userKey),
    byTaxCode: (taxCode) => repo.byTaxCode(taxCode, false),
    count: () => repo.count(),
    changeStatus(code, to, by, now, note = null, allowed) {
      return change(
        code,
        (s, at): StepResult => {
          if (!isStatusOf(s.programme, to)) return { error: { key: "sub-status-not-of-programme", args: { code } } };
          return statusStep(to, by, note, allowed)(s, at);
        },
        now,
      );
    },
    withdraw(code, ownerKey, now) {
      return change(
        code,
        (s, at): StepResult => {
          if (s.owner.userKey !== ownerKey) return { error: { key: "sub-not-found" } };
          if (!isOpen(s.programme, s.status)) return { error: { key: "sub-withdraw-final", args: { code } } };
          return statusStep(WITHDRAWN, { kind: "enterprise", userKey: ownerKey }, null)(s, at);
        },
        now,
      );
    },
    async updateContact(code, contact, byUserKey, now) {
      let applied = false;
      const result = await change(
        code,
        (s, at): StepResult => {
          applied = holds(s, byUserKey);
          if (applied) return { next: { ...s, contact, contactRemovedAt: null, updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "contact-updated", submission: saved, by: byUserKey }) };
          return { next: { ...s, pendingContact: { contact, at, by: byUserKey }, updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "contact-proposed", submission: saved, by: byUserKey }) };
        },
        now,
      );
      return result.ok ? { ...result, applied } : result;
    },
    resolvePendingContact(code, accept, officialKey, now) {
      return change(
        code,
        (s, at): StepResult => {
          if (!s.pendingContact) return { error: { key: "sub-no-pending-contact", args: { code } } };
          const next = { ...s, ...(accept ? { contact: s.pendingContact.contact, contactRemovedAt: null } : {}), pendingContact: null, updatedAt: at };
          return { next, event: (saved): SubmissionEvent => ({ kind: accept ? "contact-updated" : "contact-dismissed", submission: saved, by: officialKey }) };
        },
        now,
      );
    },
    removeContact(code, ownerKey, now) {
      return change(
        code,
        (s, at): StepResult => {
          if (s.owner.userKey !== ownerKey) return { error: { key: "sub-not-found" } };
          if (s.status !== WITHDRAWN) return { error: { key: "sub-remove-contact-open", args: { code } } };
          return { next: { ...s, contact: null, pendingContact: null, contactRemovedAt: at, updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "contact-removed", submission: saved, by: ownerKey }) };
        },
        now,
      );
    },
    attach(code, ownerKey, file, now, item = null) {
      return change(
        code,
        (s, at): StepResult => {
          if (!holds(s, ownerKey)) return { error: { key: "sub-not-found" } };
          if (!isOpen(s.programme, s.status)) return { error: { key: "sub-attach-final", args: { code } } };
          if (s.documents.some((d) => d.file.ref === file.ref)) return { same: s };
          if (s.documents.length >= MAX_DOCUMENTS) return { error: { key: "sub-attach-too-many", args: { max: MAX_DOCUMENTS } } };
          return { next: { ...s, documents: [...s.documents, { file, addedAt: at, item }], updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "document-added", submission: saved, by: ownerKey }) };
        },
        now,
      );
    },
    assignItem(code, holderKey, refs, item, now) {
      return change(
        code,
        (s, at): StepResult => {
          if (!holds(s, holderKey)) return { error: { key: "sub-not-found" } };
          if (!isOpen(s.programme, s.status)) return { error: { key: "sub-attach-final", args: { code } } };
          const chosen = s.documents.filter((d) => refs.includes(d.file.ref));
          if (chosen.length === 0 || chosen.every((d) => d.item === item)) return { same: s };
          const documents = s.documents.map((d) => (refs.includes(d.file.ref) ? { ...d, item } : d));
          const names = chosen.map((d) => d.file.name);
          return { next: { ...s, documents, updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "document-item", submission: saved, by: holderKey, item, names }) };
        },
        now,
      );
    },
    markItem(code, item, mark, officialKey, itemIds, now) {
      return change(
        code,
        (s, at): StepResult => {
          if (s.programme !== "gtclqg" || !itemIds.includes(item)) return { error: { key: "checklist-item-unknown", args: { code } } };
          const { [item]: previous, ...others } = s.checklist;
          if (!mark && !previous) return { same: s };
          if (mark && previous?.state === mark.state && previous.note === mark.note) return { same: s };
          const checklist = mark ? { ...others, [item]: { state: mark.state, note: mark.note, at, by: officialKey } } : others;
          return {
            next: { ...s, checklist, updatedAt: at },
            event: (saved): SubmissionEvent => ({ kind: "checklist-marked", submission: saved, by: officialKey, item, mark: mark?.state ?? null, note: mark?.note ?? null }),
          };
        },
        now,
      );
    },
    link(code, ownerKey, identity, now) {
      return change(
        code,
        (s, at): StepResult => {
          // Only the owner who registered confirms a link; a linked identity cannot add more.
          if (s.owner.userKey !== ownerKey) return { error: { key: "sub-not-found" } };
          if (holds(s, identity.userKey)) return { same: s };
          if (s.linked.length >= 10) return { error: { key: "link-too-many", args: { code } } };
          return { next: { ...s, linked: [...s.linked, { ...identity, at }], updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "linked", submission: saved, by: ownerKey, linkedUserKey: identity.userKey }) };
        },
        now,
      );
    },
    unlink(code, ownerKey, linkedUserKey, now) {
      return change(
        code,
        (s, at): StepResult => {
          if (s.owner.userKey !== ownerKey) return { error: { key: "sub-not-found" } };
          if (!s.linked.some((l) => l.userKey === linkedUserKey)) return { error: { key: "link-not-linked", args: { code } } };
          const linked = s.linked.filter((l) => l.userKey !== linkedUserKey);
          return { next: { ...s, linked, updatedAt: at }, event: (saved): SubmissionEvent => ({ kind: "unlinked", submission: saved, by: ownerKey, linkedUserKey }) };
        },
        now,
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
