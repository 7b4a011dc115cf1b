import { raw, type MessageArgs, type Translator } from "../../core/i18n.js";
import { joinMarkup, type Markup } from "../../core/markup.js";
import type { Locale, OutboundMessage } from "../../core/types.js";
import type { AnnouncementFrame, Segment } from "../../domain/broadcast.js";
import { unitDisplayName } from "../../knowledge/province.js";
import { daysBetween, formatDate } from "../../domain/dates.js";
import { formatDateTime, todayInVietnam } from "../../domain/vietnam-time.js";
import { PROGRAMME_INFO } from "../../domain/programmes.js";
import { statusInfo } from "../../domain/statuses.js";
import { checklistOf, outstanding, type DossierItems } from "../../domain/dossier-checklist.js";
import type { Province } from "../../knowledge/province.js";
import type { Recipient } from "../../domain/records/delivery.js";
import type { Counts, Job } from "../../domain/records/broadcast-job.js";
import type { Submissions } from "../submissions.js";
import { unitContactText } from "../unit-contact.js";
import { pendingDeadline } from "./reminders.js";

/** Texts of one locale, the way a turn's `ctx.t` gives them (for notices pushed outside a turn). */
export type T = (key: string, args?: MessageArgs) => Markup;
export const textsIn = (translator: Translator, locale: Locale): T => (key, args) => translator.t(locale, key, args);

/** "📢 Thông báo của <unit>" above an announcement, "/tatthongbao để ngừng nhận" below it. */
export function announcementFrame(t: T, province: Province): AnnouncementFrame {
  return { sender: t("broadcast-sender", { unit: raw(unitDisplayName(province, t, "full")) }), stop: t("broadcast-stop") };
}

/** "Enterprises registered for the award whose status is Đã đăng ký", in the official's language. */
export function describeSegment(t: T, segment: Segment): Markup {
  switch (segment.kind) {
    case "all":
      return t("bc-seg-desc-all");
    case "programme":
      return t("bc-seg-desc-programme", { programme: raw(t(PROGRAMME_INFO[segment.programme].nameKey)) });
    case "status":
      return t("bc-seg-desc-status", {
        programme: raw(t(PROGRAMME_INFO[segment.programme].nameKey)),
        status: raw(t(statusInfo(segment.programme, segment.status)?.labelKey ?? "status-unknown")),
      });
    case "sector":
      return t("bc-seg-desc-sector", { sector: raw(t(`reg-sector-${segment.sectorGroup}`)) });
    case "commune":
      return t("bc-seg-desc-commune", { commune: segment.label });
    case "language":
      return t("bc-seg-desc-language", { language: raw(t(`bc-language-${segment.locale}`)) });
  }
}

/** "Đã gửi 1.200/5.000 …": the line the creator sees while a job runs. */
export function progressText(t: T, job: Job, counts: Counts, planned: number, waitSeconds: number): Markup {
  const line = t("bc-progress", { id: job.id, sent: counts.sent, total: planned, failed: counts.failed, blocked: counts.blocked });
  return waitSeconds > 0 ? joinMarkup([line, t("bc-progress-waiting", { seconds: Math.ceil(waitSeconds) })]) : line;
}

/** The report when a job ends (done or cancelled): every recipient in exactly one line. */
export function finalReport(t: T, job: Job, counts: Counts, total: number, now: Date, locale: Locale): Markup {
  const settled = Object.values(counts).reduce((a, b) => a + b, 0);
  const lines: Markup[] = [
    t(job.state === "cancelled" ? "bc-report-cancelled" : "bc-report-done", { id: job.id, when: formatDateTime(now.toISOString(), locale), total }),
    t("bc-report-sent", { count: counts.sent }),
  ];
  const rows: [keyof Counts, string][] = [
    ["failed", "bc-report-failed"],
    ["blocked", "bc-report-blocked"],
    ["unsubscribed", "bc-report-unsubscribed"],
    ["unreachable", "bc-report-unreachable"],
    ["uncertain", "bc-report-uncertain"],
    ["obsolete", "bc-report-obsolete"],
  ];
  for (const [result, key] of rows) if (counts[result] > 0) lines.push(t(key, { count: counts[result] }));
  if (total > settled) lines.push(t("bc-report-not-sent", { count: total - settled }));
  return joinMarkup(lines);
}

/**
 * A dossier-deadline reminder in the recipient's language, about the submissions it names that
 * still await their dossier; null when none does any more (received meanwhile, or past the deadline).
 */
export async function reminderMessage(t: T, locale: Locale, recipient: Recipient, submissions: Submissions, province: Province, now: Date, dossierItems: DossierItems): Promise<OutboundMessage | null> {
  const today = todayInVietnam(now);
  const items: Markup[] = [];
  for (const code of recipient.codes ?? []) {
    const s = await submissions.get(code);
    const deadline = s ? pendingDeadline(s, province.timeline, now) : null;
    if (!s || deadline === null) continue;
    const days = daysBetween(today, deadline);
    items.push(
      t("reminder-item", {
        code: s.code,
        org: s.organisation.name,
        programme: raw(t(PROGRAMME_INFO[s.programme].nameKey)),
        year: String(s.awardYear),
        deadline: formatDate(deadline, locale),
        days,
        status: raw(t(statusInfo(s.programme, s.status)?.labelKey ?? "status-unknown")),
      }),
    );
    // An award dossier: the items still missing (or to supplement), named.
    const missing = s.programme === "gtclqg" ? outstanding(checklistOf(dossierItems, s)) : [];
    if (missing.length) items.push(t("reminder-missing-items", { items: missing.map((r) => `• ${r.item.name[locale]}${r.note ? ` (${r.note})` : ""}`).join("\n") }));
  }
  if (items.length === 0) return null;
  const text = joinMarkup(
    [t("reminder-intro"), joinMarkup(items, "\n\n"), t("reminder-footer", { contact: raw(unitContactText(t, province)) }), t("reminder-opt-out")],
    "\n\n",
  );
  return { text };
}
