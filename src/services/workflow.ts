import type { Role } from "../core/feature.js";
import type { MessageRef } from "../core/i18n.js";
import type { StatusId } from "../domain/statuses.js";
import type { StatusChange, Submission } from "../domain/submission.js";
import { checkTransition } from "../domain/workflow.js";
import { type Audit } from "./audit.js";
import { AUDIT_ACTIONS, type AuditEntry } from "../domain/records/audit-entry.js";
import type { Submissions } from "./submissions.js";

/** An official acting, with the role the server found for them at that moment. */
export interface OfficialActor {
  userKey: string;
  role: Role;
  /** Acting through the officials' web desk (recorded in the audit trail); absent: the bot's chat. */
  via?: "web";
}

/** What the audit trail adds about where an official acted. */
export const viaDetail = (actor: { via?: "web" }): string | null => (actor.via === "web" ? "via web" : null);

export type MoveResult =
  | { ok: true; submission: Submission; change: StatusChange }
  | { ok: false; reason: "not-found" }
  /** Someone moved it meanwhile: the status the official saw is not the status now. */
  | { ok: false; reason: "stale"; submission: Submission }
  | { ok: false; reason: "same" | "not-allowed"; submission: Submission; allowed: StatusId[] };

export interface Workflow {
  /**
   * Moves a submission along the workflow (src/domain/workflow.ts) and records who did it; the
   * audit entry and the change share the turn's commit. `expected` is the status the official
   * saw when choosing: if it changed meanwhile, nothing happens.
   */
  move(code: string, to: StatusId, actor: OfficialActor, now: Date, note: string | null, expected?: StatusId): Promise<MoveResult>;
  /** An internal note on a submission (not sent to the enterprise). */
  addNote(code: string, note: string, actor: OfficialActor, now: Date): Promise<{ ok: true; entry: AuditEntry } | { ok: false; error: MessageRef }>;
  /** Accepts or dismisses the contact change someone other than the owner proposed. */
  resolveContact(code: string, accept: boolean, actor: OfficialActor, now: Date): Promise<{ ok: true; submission: Submission } | { ok: false; error: MessageRef }>;
}

export const MAX_NOTE_LENGTH = 1000;

export function createWorkflow(submissions: Submissions, audit: Audit): Workflow {
  return {
    async move(code, to, actor, now, note, expected) {
      // The checks run again under the submission's lock: another official may be moving it too.
      let refusal: MoveResult | null = null;
      const result = await submissions.changeStatus(code, to, { kind: "official", userKey: actor.userKey, ...(actor.via ? { via: actor.via } : {}) }, now, note, (s) => {
        if (expected !== undefined && s.status !== expected) refusal = { ok: false, reason: "stale", submission: s };
        else {
          const check = checkTransition(s.programme, s.status, to);
          if (!check.ok) refusal = { ok: false, reason: check.reason, submission: s, allowed: check.allowed };
        }
        return refusal ? { key: "desk-move-refused" } : null;
      });
      if (refusal) return refusal;
      if (!result.ok) {
        if (result.error.key === "sub-not-found") return { ok: false, reason: "not-found" };
        // changeStatus only refuses an unknown code or a status of the other programme, both ruled out above.
        throw new Error(`workflow: ${code} → ${to} refused: ${result.error.key}`);
      }
      const change = result.submission.statusHistory[result.submission.statusHistory.length - 1]!;
      return { ok: true, submission: result.submission, change };
    },
    async addNote(code, note, actor, now): Promise<{ ok: true; entry: AuditEntry } | { ok: false; error: MessageRef }> {
      if (!(await submissions.get(code))) return { ok: false, error: { key: "sub-code-unknown", args: { code } } };
      const text = note.trim();
      if (!text) return { ok: false, error: { key: "desk-note-empty" } };
      if (text.length > MAX_NOTE_LENGTH) return { ok: false, error: { key: "desk-note-too-long", args: { max: MAX_NOTE_LENGTH } } };
      const entry = await audit.record({ at: now.toISOString(), action: AUDIT_ACTIONS.note, actor: { userKey: actor.userKey, role: actor.role }, subject: code, note: text, detail: viaDetail(actor) });
      return { ok: true, entry };
    },
    async resolveContact(code, accept, actor, now) {
      const result = await submissions.resolvePendingContact(code, accept, actor.userKey, now);
      return result.ok ? { ok: true, submission: result.submission } : { ok: false, error: result.error };
    },
  };
}
