import { dossierComplete } from "../../../domain/dossier-checklist.js";
import { WITHDRAWN } from "../../../domain/statuses.js";
import Fuse from "fuse.js";
import { sizeClassOf, type Submission } from "../../../domain/submission.js";
import { fold } from "../../../domain/text.js";
import { parseTrackingCode } from "../../../domain/tracking-code.js";
import type { SubmissionFigures, SubmissionFilter, SubmissionOwner, SubmissionsRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { lockFor, type JsonContext } from "./context.js";

export function matchesFilter(s: Submission, f: SubmissionFilter): boolean {
  if (f.programme !== undefined && s.programme !== f.programme) return false;
  if (f.year !== undefined && s.awardYear !== f.year) return false;
  if (f.statuses !== undefined && !f.statuses.includes(s.status)) return false;
  if (f.notStatuses !== undefined && f.notStatuses.includes(s.status)) return false;
  if (f.sectorGroup !== undefined && s.organisation.sectorGroup !== f.sectorGroup) return false;
  if (f.communeKey !== undefined && s.organisation.address.communeKey !== f.communeKey) return false;
  if (f.codePrefix !== undefined && !s.code.startsWith(f.codePrefix)) return false;
  return true;
}

/** Newest first: by creation time, then by code. */
export const newestFirst = (a: Submission, b: Submission) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.code < b.code ? 1 : -1);
const oldestFirst = (a: Submission, b: Submission) => -newestFirst(a, b);
const holdersOf = (s: Submission) => [s.owner.userKey, ...s.linked.map((l) => l.userKey)];
const lastChange = (s: Submission) => s.statusHistory[s.statusHistory.length - 1]!.at;
const SECTORS = new Set(["production", "services"]);

/**
 * Submissions in memory, with the indexes the services' questions need (holder, tax code, highest
 * code per programme and year, folded names), kept up to date with every change — undone ones too.
 * What has no index (figures, lists) is answered by one pass: a province's few thousand
 * submissions take a few milliseconds.
 */
export function jsonSubmissions(ctx: JsonContext, collection: Collection<Submission>): SubmissionsRepository {
  const byHolder = new Map<string, Set<string>>();
  const byTax = new Map<string, Set<string>>();
  const highest = new Map<string, number>();
  const names = new Map<string, string>();
  const pending = new Set<string>();
  const add = (map: Map<string, Set<string>>, key: string, code: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(code);
    map.set(key, set);
  };
  const remove = (map: Map<string, Set<string>>, key: string, code: string) => {
    const set = map.get(key);
    if (!set) return;
    set.delete(code);
    if (set.size === 0) map.delete(key);
  };
  const index = (s: Submission) => {
    for (const k of holdersOf(s)) add(byHolder, k, s.code);
    add(byTax, s.organisation.taxCode, s.code);
    names.set(s.code, fold(s.organisation.name));
    if (s.pendingContact) pending.add(s.code);
    const sequence = parseTrackingCode(s.code)?.sequence ?? 0;
    const key = `${s.programme}:${s.awardYear}`;
    if (sequence > (highest.get(key) ?? 0)) highest.set(key, sequence);
  };
  const unindex = (s: Submission) => {
    for (const k of holdersOf(s)) remove(byHolder, k, s.code);
    remove(byTax, s.organisation.taxCode, s.code);
    names.delete(s.code);
    pending.delete(s.code);
  };
  // Indexes follow every record read (shards may be read after this, in the background) and changed.
  for (const s of collection.loadedValues()) index(s);
  collection.watch((_code, before, after) => {
    if (before) unindex(before);
    if (after) index(after);
  });

  /** A question over the indexes waits until every shard is read (the first minute after a start at most). */
  const whole = () => collection.readyAll();
  const list = (codes: Iterable<string> | undefined) =>
    [...(codes ?? [])]
      .map((c) => collection.get(c))
      .filter((s): s is Submission => s !== undefined)
      .sort(newestFirst);
  const matching = (filter: SubmissionFilter) => {
    const out: Submission[] = [];
    for (const s of collection.values()) if (matchesFilter(s, filter)) out.push(s);
    return out;
  };

  return {
    async get(code) {
      await collection.ready(code);
      return collection.get(code);
    },
    async getMany(codes) {
      const out = new Map<string, Submission>();
      for (const code of codes) {
        await collection.ready(code);
        const s = collection.get(code);
        if (s) out.set(code, s);
      }
      return out;
    },
    async insert(submission) {
      const unit = await lockFor(ctx, collection, submission.code);
      if (collection.has(submission.code)) throw new Error(`submission ${submission.code} exists already`);
      return collection.set(submission.code, submission, unit);
    },
    async update(code, change) {
      const unit = await lockFor(ctx, collection, code);
      const next = change(collection.get(code));
      return next === undefined ? collection.get(code) : collection.set(code, next, unit);
    },
    async count(filter) {
      await whole();
      return filter ? matching(filter).length : collection.size;
    },
    async byHolder(userKey) {
      await whole();
      return list(byHolder.get(userKey));
    },
    async byTaxCode(taxCode, withBranches) {
      await whole();
      const codes = new Set(byTax.get(taxCode) ?? []);
      if (withBranches && !taxCode.includes("-")) {
        for (const [tax, set] of byTax) if (tax.startsWith(`${taxCode}-`)) for (const c of set) codes.add(c);
      }
      return list(codes);
    },
    async duplicate(taxCode, programme, awardYear, notStatuses) {
      await whole();
      return list(byTax.get(taxCode)).find((s) => s.programme === programme && s.awardYear === awardYear && !notStatuses.includes(s.status));
    },
    async highestSequence(programme, awardYear) {
      await whole();
      return highest.get(`${programme}:${awardYear}`) ?? 0;
    },
    async nameContains(folded, limit) {
      await whole();
      const found: Submission[] = [];
      for (const [code, name] of names) if (name.includes(folded)) found.push(collection.get(code)!);
      found.sort(newestFirst);
      return { found: found.slice(0, limit), total: found.length };
    },
    async nameSimilar(folded, limit) {
      await whole();
      const items = [...names].map(([code, name]) => ({ code, name }));
      const fuse = new Fuse(items, { keys: ["name"], threshold: 0.3, ignoreLocation: true });
      return fuse
        .search(folded, { limit })
        .map((r) => collection.get(r.item.code))
        .filter((s): s is Submission => s !== undefined);
    },
    pendingContacts: async (limit) =>
      (await whole(), [...pending])
        .map((c) => collection.get(c)!)
        .sort((a, b) => (a.pendingContact!.at < b.pendingContact!.at ? -1 : a.pendingContact!.at > b.pendingContact!.at ? 1 : a.code < b.code ? -1 : 1))
        .slice(0, limit),
    async figures(q) {
      await whole();
      const f: SubmissionFigures = { total: 0, open: 0, byStatus: {}, bySector: {}, bySize: {}, byCommune: [], newSince: 0, stalled: [], otherYearsOpen: [], completeDossiers: q.dossier && q.programme === "gtclqg" ? 0 : null };
      const communes = new Map<string, { key: string | null; name: string | null; count: number; first: Submission }>();
      const other = new Map<number, number>();
      // Compared as instants: stored times may be written with or without milliseconds.
      const newSince = Date.parse(q.newSince);
      const stalledBefore = Date.parse(q.stalledBefore);
      const bump = (r: Record<string, number>, k: string) => (r[k] = (r[k] ?? 0) + 1);
      for (const s of collection.values()) {
        if (s.programme !== q.programme) continue;
        const open = q.openStatuses.includes(s.status);
        if (s.awardYear !== q.year) {
          if (open) other.set(s.awardYear, (other.get(s.awardYear) ?? 0) + 1);
          continue;
        }
        f.total++;
        f.byStatus[s.status] = (f.byStatus[s.status] ?? 0) + 1;
        if (open) f.open++;
        const o = s.organisation;
        bump(f.bySector, o.sectorGroup && SECTORS.has(o.sectorGroup) ? o.sectorGroup : "unknown");
        bump(f.bySize, sizeClassOf(o) ?? "unknown");
        const key = o.address.communeKey;
        const c = communes.get(key ?? "\u0000");
        if (!c) communes.set(key ?? "\u0000", { key, name: o.address.commune, count: 1, first: s });
        else {
          c.count++;
          if (oldestFirst(s, c.first) < 0) {
            c.first = s;
            c.name = o.address.commune;
          }
        }
        if (Date.parse(s.createdAt) >= newSince) f.newSince++;
        if (f.completeDossiers !== null && q.dossier && s.status !== WITHDRAWN && dossierComplete(q.dossier[s.rules], s)) f.completeDossiers++;
        const since = lastChange(s);
        if (q.waitingStatuses.includes(s.status) && Date.parse(since) <= stalledBefore) f.stalled.push({ code: s.code, organisation: o.name, status: s.status, since });
      }
      f.byCommune = [...communes.values()].map(({ key, name, count }) => ({ key, name, count }));
      f.otherYearsOpen = [...other].map(([year, count]) => ({ year, count }));
      return f;
    },
    async years(programme) {
      await whole();
      const years = new Set<number>();
      for (const s of collection.values()) if (s.programme === programme) years.add(s.awardYear);
      return [...years].sort((a, b) => b - a);
    },
    async statusCounts(filter) {
      await whole();
      const out = new Map<Submission["status"], number>();
      for (const s of matching(filter)) out.set(s.status, (out.get(s.status) ?? 0) + 1);
      return out;
    },
    async newest(filter, offset, limit) {
      await whole();
      const found = matching(filter).sort(newestFirst);
      return { found: found.slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit)), total: found.length };
    },
    async page(filter, after, limit) {
      await whole();
      return matching(filter)
        .filter((s) => after === null || s.code > after)
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .slice(0, limit);
    },
    async owners(filter, after, limit) {
      await whole();
      const newest = new Map<string, Submission>();
      for (const s of matching(filter)) {
        const k = s.owner.userKey;
        if (after !== null && k <= after) continue;
        const seen = newest.get(k);
        if (!seen || newestFirst(s, seen) < 0) newest.set(k, s);
      }
      return [...newest.keys()]
        .sort()
        .slice(0, limit)
        .map((k): SubmissionOwner => {
          const o = newest.get(k)!.owner;
          return { userKey: o.userKey, channel: o.channel, userId: o.userId, locale: o.locale };
        });
    },
    async communes(notStatuses) {
      await whole();
      const found = new Map<string, { label: string; first: Submission; owners: Set<string> }>();
      for (const s of collection.values()) {
        const { communeKey, commune } = s.organisation.address;
        if (notStatuses.includes(s.status) || !communeKey || !commune) continue;
        const entry = found.get(communeKey);
        if (!entry) found.set(communeKey, { label: commune, first: s, owners: new Set([s.owner.userKey]) });
        else {
          entry.owners.add(s.owner.userKey);
          if (oldestFirst(s, entry.first) < 0) {
            entry.first = s;
            entry.label = commune;
          }
        }
      }
      return [...found].map(([key, e]) => ({ key, label: e.label, owners: e.owners.size }));
    },
    async ownerLocales(userKeys) {
      await whole();
      const out = new Map<string, Submission["owner"]["locale"]>();
      for (const k of userKeys) {
        const newest = list(byHolder.get(k))[0];
        if (newest) out.set(k, newest.owner.locale);
      }
      return out;
    },
  };
}
