import { raw, type MessageArgs } from "../../core/i18n.js";
import { joinMarkup, toPlainText, type Markup } from "../../core/markup.js";
import type { Locale } from "../../core/types.js";
import { formatDate } from "../../domain/dates.js";
import { PROGRAMME_INFO } from "../../domain/programmes.js";
import { SIZE_CLASSES } from "../../domain/size-class.js";
import { statusInfo } from "../../domain/statuses.js";
import type { Stats, UpcomingPhase } from "../../services/stats.js";
import type { BarChart } from "../../services/chart.js";
import type { SelfCheckAverages, SelfCheckProfile } from "../../services/self-check.js";
import type { InboxFigures } from "../../services/inbox-figures.js";

/** Communes listed by name; the rest are summed up. */
const COMMUNES_SHOWN = 10;
const STALLED_SHOWN = 10;

export type Tr = (key: string, args?: MessageArgs) => Markup;

/** "còn 9 ngày", "hôm nay", "chưa có ngày". */
function countdown(t: Tr, daysLeft: number | null): Markup {
  if (daysLeft === null) return t("stats-no-date");
  if (daysLeft === 0) return t("stats-today");
  return t("stats-days-left", { days: daysLeft });
}

function phaseLine(t: Tr, locale: Locale, p: UpcomingPhase): Markup {
  const name = raw(t(`stats-phase-${p.phase}`));
  if (p.counts === null && p.start === null) return t("stats-phase-unknown", { phase: name });
  if (p.counts === null) return t("stats-phase-running", { phase: name, start: formatDate(p.start!, locale) });
  const date = formatDate(p.counts === "start" ? p.start! : p.end!, locale);
  return t(p.counts === "start" ? "stats-phase-starts" : "stats-phase-ends", { phase: name, date, left: raw(countdown(t, p.daysLeft)) });
}

/** The /thongke text (and `npm run cli -- stats`): readable on a phone, every figure with what it counts. */
export function statsText(t: Tr, locale: Locale, stats: Stats, province: string): Markup {
  const status = (id: string) => t(statusInfo(stats.programme, id as never)?.labelKey ?? "status-unknown");
  const parts: Markup[] = [
    t("stats-head", { programme: raw(t(PROGRAMME_INFO[stats.programme].nameKey)), year: String(stats.year), province, date: formatDate(stats.today, locale) }),
    t("stats-totals", { total: stats.total, open: stats.open, fresh: stats.newThisWeek }),
  ];
  // Award dossiers complete by the checklist (every required item sent or đạt, none cần bổ sung).
  if (stats.completeDossiers !== null) parts.push(t("stats-complete-dossiers", { count: stats.completeDossiers, total: stats.total - (stats.byStatus.find((b) => b.status === "withdrawn")?.count ?? 0) }));
  parts.push(joinMarkup([t("stats-by-status"), ...stats.byStatus.map((b) => t("stats-item", { label: raw(status(b.status)), count: b.count }))]));
  const sectors = (["production", "services", "unknown"] as const).map((k) => t("stats-pair", { label: raw(t(k === "unknown" ? "stats-unknown" : `reg-sector-${k}`)), count: stats.bySector[k] }));
  parts.push(t("stats-by-sector", { items: raw(joinMarkup(sectors, " · ")) }));
  const sizes = ([...SIZE_CLASSES, "unknown"] as const).map((k) => t("stats-pair", { label: raw(t(k === "unknown" ? "stats-unknown" : `stats-size-${k}`)), count: stats.bySize[k] }));
  parts.push(t("stats-by-size", { items: raw(joinMarkup(sizes, " · ")) }));
  if (stats.byCommune.length) {
    const shown = stats.byCommune.slice(0, COMMUNES_SHOWN);
    const rest = stats.byCommune.slice(COMMUNES_SHOWN);
    const lines = shown.map((c) => t("stats-item", { label: c.name ?? raw(t("stats-commune-unknown")), count: c.count }));
    if (rest.length) lines.push(t("stats-commune-rest", { communes: rest.length, count: rest.reduce((n, c) => n + c.count, 0) }));
    parts.push(joinMarkup([t("stats-by-commune", { communes: stats.byCommune.length }), ...lines]));
  }

  const deadline = stats.dossierDeadline;
  const deadlineText = deadline.date ? t("stats-deadline-known", { date: formatDate(deadline.date, locale), left: raw(countdown(t, deadline.daysLeft)) }) : t("stats-deadline-unknown");
  if (stats.stalled.length) {
    const lines = stats.stalled.slice(0, STALLED_SHOWN).map((s) => t("stats-stalled-line", { code: s.code, org: s.organisation, status: raw(status(s.status)), days: s.days }));
    if (stats.stalled.length > STALLED_SHOWN) lines.push(t("stats-stalled-more", { count: stats.stalled.length - STALLED_SHOWN }));
    parts.push(joinMarkup([t("stats-stalled-head", { count: stats.stalled.length, days: stats.stalledAfterDays, deadline: raw(deadlineText) }), ...lines]));
  } else {
    parts.push(t("stats-stalled-none", { days: stats.stalledAfterDays, deadline: raw(deadlineText) }));
  }

  if (!stats.hasCycle) parts.push(t("stats-no-cycle", { year: String(stats.year), province }));
  else if (stats.upcoming.length) parts.push(joinMarkup([t("stats-upcoming-head", { province }), ...stats.upcoming.map((p) => phaseLine(t, locale, p))]));
  else parts.push(t("stats-upcoming-none", { year: String(stats.year) }));

  for (const other of stats.otherYearsOpen) parts.push(t("stats-other-year", { year: String(other.year), count: other.count, programme: stats.programme }));
  return joinMarkup(parts, "\n\n");
}

/** The chart of /thongke: submissions by status, in workflow order. */
export function statsChart(t: Tr, locale: Locale, stats: Stats, province: string): BarChart {
  return {
    title: toPlainText(t("stats-chart-title", { programme: raw(t(PROGRAMME_INFO[stats.programme].nameKey)), year: String(stats.year) })),
    subtitle: toPlainText(t("stats-chart-subtitle", { province, date: formatDate(stats.today, locale), total: stats.total })),
    labels: stats.byStatus.map((b) => toPlainText(t(statusInfo(stats.programme, b.status)?.labelKey ?? "status-unknown"))),
    values: stats.byStatus.map((b) => b.count),
  };
}

/**
 * The self-check figures of /thongke: how many enterprises took it, and the average profile per
 * criterion overall, by sector and by size — aggregates only, never one enterprise's result.
 */
export function selfCheckStatsText(t: Tr, averages: SelfCheckAverages, criteria: readonly { id: string; name: string }[]): Markup {
  if (averages.all.takers === 0) return t("stats-selfcheck-none");
  const profile = (p: SelfCheckProfile) =>
    joinMarkup(
      criteria.filter((c) => p.average[c.id] !== undefined).map((c) => t("stats-selfcheck-item", { name: c.name, score: p.average[c.id]! })),
      " · ",
    );
  const group = (label: Markup, p: SelfCheckProfile) => t("stats-selfcheck-group", { label: raw(label), takers: p.takers, profile: raw(profile(p)) });
  // VSIC 2018 sections have their labels (registration.ftl); a VSIC 2025 section is named by its letter.
  const sector = (key: string) =>
    key === "unknown" ? t("stats-unknown") : key.startsWith("vsic2018:") ? t(key.replace(":", "-").toLowerCase()) : t("stats-selfcheck-vsic2025", { section: key.slice(-1) });
  const size = (key: string) => t(key === "unknown" ? "stats-unknown" : `stats-size-${key}`);
  return joinMarkup([
    t("stats-selfcheck-head", { takers: averages.all.takers, profile: raw(profile(averages.all)) }),
    t("stats-selfcheck-by-sector"),
    ...averages.bySector.map((g) => group(sector(g.key), g.profile)),
    t("stats-selfcheck-by-size"),
    ...averages.bySize.map((g) => group(size(g.key), g.profile)),
  ]);
}

/** The hand-off loop per week (`/thongke`): questions, the bot's answers, people's answers and time, 👍/👎, unanswered themes. */
export function inboxStatsText(t: Tr, figures: InboxFigures): Markup {
  const pct = (n: number, of: number) => (of === 0 ? "—" : `${Math.round((100 * n) / of)}%`);
  const lines: Markup[] = [t("stats-inbox-head")];
  for (const w of figures.weeks) {
    lines.push(
      t("stats-inbox-week", {
        week: w.week,
        asked: w.asked,
        bot: w.answeredByBot,
        passed: w.passed,
        people: w.answeredByPeople,
        median: w.medianMinutes === null ? "—" : String(w.medianMinutes),
        up: pct(w.up, w.up + w.down),
        down: pct(w.down, w.up + w.down),
        votes: w.up + w.down,
      }),
    );
  }
  lines.push(figures.themes.length ? t("stats-inbox-themes", { themes: figures.themes.map((x) => `“${x.words}” (${x.count})`).join(", ") }) : t("stats-inbox-no-themes"));
  return joinMarkup(lines);
}
