import type { Reach } from "../../core/outbox.js";
import { userKeyOf, type ChannelName, type Locale } from "../../core/types.js";
import type { Segment } from "../../domain/broadcast.js";
import { WITHDRAWN } from "../../domain/statuses.js";
import { fold } from "../../domain/text.js";
import type { SubmissionFilter, SubmissionsRepository } from "../../store/repositories.js";
import type { Subscriptions } from "../subscriptions.js";
import type { Users } from "../users.js";
import type { SkipReason } from "../../domain/records/delivery.js";

export interface Member {
  userKey: string;
  channel: ChannelName;
  id: string;
  locale: Locale;
}

export type Purpose = "announcement" | "reminder";
export type Classified = { ok: true; billed: boolean } | { ok: false; reason: SkipReason };

export interface AudienceSummary {
  /** Who would get it now, per channel. */
  recipients: number;
  byChannel: Record<ChannelName, number>;
  /** Zalo users 48 h – 7 days after their last interaction: delivered, billed per message. */
  billed: number;
  skipped: Record<SkipReason, number>;
}

export interface Commune {
  key: string;
  label: string;
  /** Enterprises (distinct owners) with a live submission there. */
  count: number;
}

export interface Audience {
  /** Everyone a segment covers, subscribed or not, each user once, in user-key order — a slice at a time. */
  members(segment: Segment, sliceSize?: number): AsyncGenerator<Member[]>;
  /** Whether a member gets a message now, or why not. */
  classify(member: Pick<Member, "userKey" | "channel" | "id">, purpose: Purpose): Promise<Classified>;
  /** The same for a slice of members at once. */
  classifyMany(members: readonly Pick<Member, "userKey" | "channel" | "id">[], purpose: Purpose): Promise<Classified[]>;
  summary(segment: Segment): Promise<AudienceSummary>;
  /** xã/phường of live submissions, most enterprises first. */
  communes(): Promise<Commune[]>;
  /** Communes matching what an official typed ("Trấn Biên", "phuong tran bien"). */
  findCommunes(typed: string): Promise<Commune[]>;
  localeOf(userKey: string, fallback?: Locale): Promise<Locale>;
}

export interface AudienceOptions {
  users: Users;
  submissions: SubmissionsRepository;
  subscriptions: Subscriptions;
  reach: (channel: ChannelName, userId: string) => Promise<Reach>;
  defaultLocale: Locale;
}

/** Members listed and classified per slice: memory stays flat however many users there are. */
export const AUDIENCE_SLICE = 1000;

/** "Phường Trấn Biên", "p. tran bien" → "tran bien": the name without its xã/phường prefix. */
function communeName(text: string): string {
  return fold(text)
    .replace(/[-–.]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:xa|phuong|dac khu|p|x)\s+/, "");
}

/** The submissions a submission-based segment covers (withdrawn ones only through their status). */
function filterOf(segment: Exclude<Segment, { kind: "all" | "language" }>): SubmissionFilter {
  switch (segment.kind) {
    case "status":
      return { programme: segment.programme, statuses: [segment.status] };
    case "programme":
      return { programme: segment.programme, notStatuses: [WITHDRAWN] };
    case "sector":
      return { sectorGroup: segment.sectorGroup, notStatuses: [WITHDRAWN] };
    case "commune":
      return { communeKey: segment.communeKey, notStatuses: [WITHDRAWN] };
  }
}

/** Who a segment reaches, from users, subscriptions and submissions — read a slice at a time. */
export function createAudience(options: AudienceOptions): Audience {
  const { users, submissions, subscriptions, reach, defaultLocale } = options;

  const localeOf = async (userKey: string, fallback?: Locale): Promise<Locale> =>
    (await users.get(userKey))?.locale ?? fallback ?? (await submissions.ownerLocales([userKey])).get(userKey) ?? defaultLocale;

  async function* members(segment: Segment, sliceSize = AUDIENCE_SLICE): AsyncGenerator<Member[]> {
    if (segment.kind === "all" || segment.kind === "language") {
      let after: string | null = null;
      for (;;) {
        const page = await users.page(after, sliceSize);
        if (page.length === 0) return;
        after = userKeyOf(page[page.length - 1]!);
        const unknown = page.filter((u) => u.locale === null).map((u) => userKeyOf(u));
        const fromSubmissions = unknown.length ? await submissions.ownerLocales(unknown) : new Map<string, Locale>();
        const slice: Member[] = [];
        for (const u of page) {
          const userKey = userKeyOf(u);
          const locale = u.locale ?? fromSubmissions.get(userKey) ?? defaultLocale;
          if (segment.kind === "language" && locale !== segment.locale) continue;
          slice.push({ userKey, channel: u.channel, id: u.id, locale });
        }
        if (slice.length) yield slice;
        if (page.length < sliceSize) return;
      }
    }
    const filter = filterOf(segment);
    let after: string | null = null;
    for (;;) {
      const owners = await submissions.owners(filter, after, sliceSize);
      if (owners.length === 0) return;
      after = owners[owners.length - 1]!.userKey;
      const records = await users.getMany(owners.map((o) => o.userKey));
      yield owners.map((o) => ({ userKey: o.userKey, channel: o.channel, id: o.userId, locale: records.get(o.userKey)?.locale ?? o.locale }));
      if (owners.length < sliceSize) return;
    }
  }

  const classifyMany = async (list: readonly Pick<Member, "userKey" | "channel" | "id">[], purpose: Purpose): Promise<Classified[]> => {
    const keys = list.map((m) => m.userKey);
    const [choices, records] = await Promise.all([subscriptions.choicesOf(keys), users.getMany(keys)]);
    const out: Classified[] = [];
    for (const m of list) {
      const choice = choices.get(m.userKey) ?? null;
      const subscribed = purpose === "announcement" ? choice === "yes" : choice !== "no";
      if (!subscribed) {
        out.push({ ok: false, reason: "unsubscribed" });
        continue;
      }
      if (records.get(m.userKey)?.unreachableSince) {
        out.push({ ok: false, reason: "blocked" });
        continue;
      }
      const r = await reach(m.channel, m.id);
      out.push(r.ok ? { ok: true, billed: r.billed === true } : { ok: false, reason: "unreachable" });
    }
    return out;
  };

  const communes = async (): Promise<Commune[]> =>
    (await submissions.communes([WITHDRAWN]))
      .map(({ key, label, owners }) => ({ key, label, count: owners }))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

  return {
    members,
    classify: async (member, purpose) => (await classifyMany([member], purpose))[0]!,
    classifyMany,
    async summary(segment) {
      const summary: AudienceSummary = { recipients: 0, byChannel: {}, billed: 0, skipped: { unsubscribed: 0, blocked: 0, unreachable: 0 } };
      for await (const slice of members(segment)) {
        const classified = await classifyMany(slice, "announcement");
        slice.forEach((m, i) => {
          const c = classified[i]!;
          if (!c.ok) {
            summary.skipped[c.reason]++;
            return;
          }
          summary.recipients++;
          summary.byChannel[m.channel] = (summary.byChannel[m.channel] ?? 0) + 1;
          if (c.billed) summary.billed++;
        });
      }
      return summary;
    },
    communes,
    async findCommunes(typed) {
      const wanted = communeName(typed);
      if (wanted === "") return [];
      const all = await communes();
      const exact = all.filter((c) => communeName(c.key) === wanted);
      if (exact.length) return exact;
      return all.filter((c) => communeName(c.key).includes(wanted));
    },
    localeOf,
  };
}
