import { contentBodySchema, type ContentBody, type ContentDocument, type ContentHistoryStep, type ContentKind } from "../domain/records/content.js";
import { todayInVietnam } from "../domain/vietnam-time.js";
import type { KbEntry, SourceInfo, Topic } from "../knowledge/kb.js";
import type { Province } from "../knowledge/province.js";
import type { Transactions } from "../store/port.js";
import type { ContentRepository } from "../store/repositories.js";
import type { Audit } from "./audit.js";
import { editEntry, type EntryEdit } from "./content-kb.js";
import { problem, type SaveResult } from "./content-problems.js";
import { editProfile, type ProfilePatch } from "./content-profile.js";
import type { LiveKnowledge } from "./kb-live.js";
import type { Roles } from "./roles.js";

export interface SaveOptions {
  /** The version the official's form was filled from (0 = data/'s): a save over a newer one is refused (`content-error-stale`). Absent: the last save wins. */
  baseVersion?: number;
  now?: Date;
  via?: ContentHistoryStep["via"];
}

/**
 * The department's own content, edited by its officials (web desk, command line): the province
 * profile and the knowledge-base entries. A page calls one line — `saveProfile(actor, patch)`,
 * `saveEntry(actor, edit)` — and gets `{ ok: true, version }` or `{ ok: false, problems }` with the
 * field and message key of each problem; nothing is half-saved. A save is served at once by this
 * instance and within LEARNED_REFRESH_MS by the others, and kept with its history.
 */
export interface Content {
  /** The profile served now and its version (0: data/'s, never edited). */
  profile(): Promise<{ profile: Province; version: number }>;
  saveProfile(actor: string, patch: ProfilePatch, options?: SaveOptions): Promise<SaveResult>;
  /** An entry as served now (without learned phrasings), its version, and whether officials added it. */
  entry(id: string): Promise<{ entry: KbEntry; version: number; added: boolean } | undefined>;
  /** Every entry as served now (without learned phrasings), for the desk's list. */
  entries(): Promise<readonly KbEntry[]>;
  saveEntry(actor: string, edit: EntryEdit, options?: SaveOptions): Promise<SaveResult>;
  /** Every save of a document, oldest first: who, when, the document before and after. */
  history(kind: ContentKind, id: string): Promise<ContentHistoryStep[]>;
  /** Every edited document (the export writes them back in the data/ format). */
  documents(): Promise<ContentDocument[]>;
  topics(): readonly Topic[];
  sources(): ReadonlyMap<string, SourceInfo>;
}

export interface ContentDeps {
  repo: ContentRepository;
  units: Transactions;
  roles: Roles;
  audit: Audit;
  live: LiveKnowledge;
}

/** A save refused inside its unit (a stale version): thrown so the unit keeps nothing, answered as a value. */
class Refused extends Error {
  constructor(readonly result: SaveResult) {
    super("content save refused");
  }
}

/** Runs a save as one unit: all of it is kept, or nothing (a refusal found midway undoes what was written). */
async function oneUnit(units: Transactions, work: () => Promise<SaveResult>): Promise<SaveResult> {
  try {
    // Its own unit even inside a turn: a refusal then undoes exactly this save.
    return await units.unit(work, { own: true });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** A document as stored: plain JSON of the data/ format. */
const body = (value: unknown): ContentBody => contentBodySchema.parse(JSON.parse(JSON.stringify(value)));

export function createContent(deps: ContentDeps): Content {
  const { repo, units, roles, audit, live } = deps;

  const official = async (actor: string) => {
    const role = await roles.roleOfKey(actor);
    return role === "official" || role === "admin" ? role : null;
  };

  /** Stores a document in the caller's unit, audits it, and serves it once committed. */
  const keep = async (
    kind: ContentKind,
    id: string,
    value: unknown,
    previous: unknown,
    added: boolean,
    who: { actor: string; role: "official" | "admin" },
    options: SaveOptions,
    now: Date,
    changed: readonly string[],
  ): Promise<SaveResult> => {
    const saved = await repo.save({
      kind,
      id,
      document: body(value),
      previous: previous === null ? null : body(previous),
      added,
      at: now.toISOString(),
      by: who.actor,
      role: who.role,
      via: options.via ?? "web",
      ...(options.baseVersion !== undefined ? { expectedVersion: options.baseVersion } : {}),
    });
    if (!saved.ok) throw new Refused({ ok: false, problems: [problem(kind === "source" ? "newSource.key" : null, kind === "source" ? "content-error-source-exists" : "content-error-stale", kind === "source" ? { source: id } : { version: saved.current })] });
    await audit.record({ at: now.toISOString(), action: "content-saved", actor: { userKey: who.actor, role: who.role }, subject: `${kind}:${id}`, to: `v${saved.document.version}`, detail: changed.join(", ").slice(0, 500) || null, note: null });
    units.afterCommit(() => live.applyEdited(saved.document));
    return { ok: true, version: saved.document.version };
  };

  return {
    async profile() {
      await live.sync();
      const stored = await repo.get("profile", live.data.province.id);
      return { profile: live.province(), version: stored?.version ?? 0 };
    },

    async saveProfile(actor, patch, options = {}) {
      const role = await official(actor);
      if (!role) return { ok: false, problems: [problem(null, "content-error-not-allowed")] };
      const now = options.now ?? new Date();
      return oneUnit(units, async () => {
        // Read what other instances saved first: the patch changes only the fields it names.
        await live.sync();
        const current = live.province();
        const edit = editProfile(current, patch, todayInVietnam(now));
        if (!edit.ok) return edit;
        const previous = (await repo.get("profile", current.id)) ? current : live.data.province;
        return keep("profile", current.id, edit.profile, previous, false, { actor, role }, options, now, edit.changed);
      });
    },

    async entry(id) {
      await live.sync();
      const entry = live.shipped.entries.find((e) => e.id === id);
      if (!entry) return undefined;
      const stored = await repo.get("entry", id);
      return { entry, version: stored?.version ?? 0, added: stored?.added ?? false };
    },

    async entries() {
      await live.sync();
      return live.shipped.entries;
    },

    async saveEntry(actor, edit, options = {}) {
      const role = await official(actor);
      if (!role) return { ok: false, problems: [problem(null, "content-error-not-allowed")] };
      const now = options.now ?? new Date();
      return oneUnit(units, async () => {
        await live.sync();
        const base = live.shipped;
        const result = editEntry(base, edit, { lexicon: live.lexicon, translator: live.translator, province: live.province(), today: todayInVietnam(now) });
        if (!result.ok) return result;
        const who = { actor, role };
        if (result.source) {
          await keep("source", result.source.key, result.source, null, true, who, { ...options, baseVersion: 0 }, now, ["added"]);
        }
        const stored = await repo.get("entry", edit.id);
        const before = base.entries.find((e) => e.id === edit.id) ?? null;
        const added = stored?.added ?? before === null;
        return keep("entry", edit.id, result.entry, before, added, who, options, now, result.changed);
      });
    },

    history: (kind, id) => repo.history(kind, id),
    documents: () => repo.list(),
    topics: () => live.shipped.topics,
    sources: () => live.shipped.sources,
  };
}
