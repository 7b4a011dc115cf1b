import type { Reach } from "../../core/outbox.js";
import { userKeyOf, type ChannelName, type Locale } from "../../core/types.js";
import type { Segment } from "../../domain/broadcast.js";
import { WITHDRAWN } from "../../domain/statuses.js";
import type { Submission } from "../../domain/submission.js";
import { fold } from "../../domain/text.js";
import type { Submissions } from "../submissions.js";
import type { Subscriptions } from "../subscriptions.js";
import type { Users } from "../users.js";
import type { SkipReason } from "./deliveries.js";

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
  byChannel: Partial<Record<ChannelName, number>>;
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
  /** Everyone a segment covers, subscribed or not, each user once, in a stable order. */
  members(segment: Segment): Member[];
  /** Whether a member gets a message now, or why not. */
  classify(member: Pick<Member, "userKey" | "channel" | "id">, purpose: Purpose): Classified;
  summary(segment: Segment): AudienceSummary;
  /** xã/phường of live submissions, most enterprises first. */
  communes(): Commune[];
  /** Communes matching what an official typed ("Trấn Biên", "phuong tran bien"). */
  findCommunes(typed: string): Commune[];
  localeOf(userKey: string, fallback?: Locale): Locale;
}

export interface AudienceOptions {
  users: Users;
  submissions: Submissions;
  subscriptions: Subscriptions;
  reach: (channel: ChannelName, userId: string) => Reach;
  defaultLocale: Locale;
}

/** "Phường Trấn Biên", "p. tran bien" → "tran bien": the name without its xã/phường prefix. */
function communeName(text: string): string {
  return fold(text)
    .replace(/[-–.]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:xa|phuong|dac khu|p|x)\s+/, "");
}

function matches(segment: Segment, s: Submission): boolean {
  if (segment.kind === "status") return s.programme === segment.programme && s.status === segment.status;
  if (s.status === WITHDRAWN) return false;
  switch (segment.kind) {
    case "programme":
      return s.programme === segment.programme;
    case "sector":
      return s.organisation.sectorGroup === segment.sectorGroup;
    case "commune":
      return s.organisation.address.communeKey === segment.communeKey;
    default:
      return false;
  }
}

/** Who a segment reaches, from users, subscriptions and submissions (all in memory). */
export function createAudience(options: AudienceOptions): Audience {
  const { users, submissions, subscriptions, reach, defaultLocale } = options;

  const localeOf = (userKey: string, fallback?: Locale): Locale => users.get(userKey)?.locale ?? fallback ?? submissions.byOwner(userKey)[0]?.owner.locale ?? defaultLocale;

  const members = (segment: Segment): Member[] => {
    const out: Member[] = [];
    if (segment.kind === "all" || segment.kind === "language") {
      for (const u of users.all()) {
        const userKey = userKeyOf(u);
        const locale = localeOf(userKey);
        if (segment.kind === "language" && locale !== segment.locale) continue;
        out.push({ userKey, channel: u.channel, id: u.id, locale });
      }
    } else {
      const seen = new Set<string>();
      for (const s of submissions.all()) {
        if (!matches(segment, s) || seen.has(s.owner.userKey)) continue;
        seen.add(s.owner.userKey);
        out.push({ userKey: s.owner.userKey, channel: s.owner.channel, id: s.owner.userId, locale: localeOf(s.owner.userKey, users.get(s.owner.userKey)?.locale ?? s.owner.locale) });
      }
    }
    return out.sort((a, b) => (a.userKey < b.userKey ? -1 : a.userKey > b.userKey ? 1 : 0));
  };

  const classify = (member: Pick<Member, "userKey" | "channel" | "id">, purpose: Purpose): Classified => {
    const subscribed = purpose === "announcement" ? subscriptions.wantsAnnouncements(member.userKey) : subscriptions.acceptsReminders(member.userKey);
    if (!subscribed) return { ok: false, reason: "unsubscribed" };
    if (users.get(member.userKey)?.unreachableSince) return { ok: false, reason: "blocked" };
    const r = reach(member.channel, member.id);
    if (!r.ok) return { ok: false, reason: "unreachable" };
    return { ok: true, billed: r.billed === true };
  };

  const communes = (): Commune[] => {
    const found = new Map<string, { label: string; owners: Set<string> }>();
    for (const s of submissions.all()) {
      const { communeKey, commune } = s.organisation.address;
      if (s.status === WITHDRAWN || !communeKey || !commune) continue;
      const entry = found.get(communeKey) ?? { label: commune, owners: new Set<string>() };
      entry.owners.add(s.owner.userKey);
      found.set(communeKey, entry);
    }
    return [...found]
      .map(([key, { label, owners }]) => ({ key, label, count: owners.size }))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1));
  };

  return {
    members,
    classify,
    summary(segment) {
      const summary: AudienceSummary = { recipients: 0, byChannel: {}, billed: 0, skipped: { unsubscribed: 0, blocked: 0, unreachable: 0 } };
      for (const m of members(segment)) {
        const c = classify(m, "announcement");
        if (!c.ok) {
          summary.skipped[c.reason]++;
          continue;
        }
        summary.recipients++;
        summary.byChannel[m.channel] = (summary.byChannel[m.channel] ?? 0) + 1;
        if (c.billed) summary.billed++;
      }
      return summary;
    },
    communes,
    findCommunes(typed) {
      const wanted = communeName(typed);
      if (wanted === "") return [];
      const all = communes();
      const exact = all.filter((c) => communeName(c.key) === wanted);
      if (exact.length) return exact;
      return all.filter((c) => communeName(c.key).includes(wanted));
    },
    localeOf,
  };
}
