import { z } from "zod";
import type { Programme } from "./programmes.js";

/**
 * Every status a submission can have, per programme, in workflow order — the one place that
 * lists them. Labels live in locales/*\/submissions.ftl under `labelKey`. `final` statuses end the
 * case (no notice of further steps; a withdrawn one may be registered again). The allowed moves
 * between them are declared in workflow.ts (the officials' desk).
 *
 * GTCLQG: đã đăng ký → đã nhận hồ sơ → (cần bổ sung ⇄ đã nhận hồ sơ) → đánh giá hồ sơ → đánh giá
 * tại chỗ → Hội đồng sơ tuyển đề xuất | không đề xuất → đã chuyển Hội đồng quốc gia → đạt Giải
 * Vàng | đạt Giải thưởng | không đạt; rút hồ sơ from any open state.
 * NSCL: đã đăng ký → đủ điều kiện | không đủ điều kiện → đưa vào kế hoạch → đang triển khai →
 * nghiệm thu → hoàn thành; rút from any open state.
 */
export const STATUS_IDS = [
  "registered",
  "dossier-received",
  "needs-supplement",
  "desk-review",
  "onsite-review",
  "shortlisted",
  "not-shortlisted",
  "national-council",
  "gold-award",
  "award",
  "not-awarded",
  "eligible",
  "ineligible",
  "in-plan",
  "in-progress",
  "acceptance",
  "completed",
  "withdrawn",
] as const;
export type StatusId = (typeof STATUS_IDS)[number];
export const statusIdSchema = z.enum(STATUS_IDS);

export interface StatusInfo {
  id: StatusId;
  labelKey: string;
  final: boolean;
  /** The full dossier is still expected from the enterprise (reminders go to these). */
  awaitsDossier: boolean;
}

const s = (id: StatusId, labelKey: string, final: boolean, awaitsDossier = false): StatusInfo => ({ id, labelKey, final, awaitsDossier });

export const STATUSES: Record<Programme, readonly StatusInfo[]> = {
  gtclqg: [
    s("registered", "status-gtclqg-registered", false, true),
    s("dossier-received", "status-gtclqg-dossier-received", false),
    s("needs-supplement", "status-gtclqg-needs-supplement", false, true),
    s("desk-review", "status-gtclqg-desk-review", false),
    s("onsite-review", "status-gtclqg-onsite-review", false),
    s("shortlisted", "status-gtclqg-shortlisted", false),
    s("not-shortlisted", "status-gtclqg-not-shortlisted", true),
    s("national-council", "status-gtclqg-national-council", false),
    s("gold-award", "status-gtclqg-gold-award", true),
    s("award", "status-gtclqg-award", true),
    s("not-awarded", "status-gtclqg-not-awarded", true),
    s("withdrawn", "status-gtclqg-withdrawn", true),
  ],
  nscl: [
    s("registered", "status-nscl-registered", false),
    s("eligible", "status-nscl-eligible", false),
    s("ineligible", "status-nscl-ineligible", true),
    s("in-plan", "status-nscl-in-plan", false),
    s("in-progress", "status-nscl-in-progress", false),
    s("acceptance", "status-nscl-acceptance", false),
    s("completed", "status-nscl-completed", true),
    s("withdrawn", "status-nscl-withdrawn", true),
  ],
};

/** Every submission starts here. */
export const INITIAL_STATUS: StatusId = "registered";
/** Set by the enterprise itself (/rut); the record is kept. */
export const WITHDRAWN: StatusId = "withdrawn";

export function statusInfo(programme: Programme, id: StatusId): StatusInfo | undefined {
  return STATUSES[programme].find((x) => x.id === id);
}

export function isStatusOf(programme: Programme, id: StatusId): boolean {
  return statusInfo(programme, id) !== undefined;
}

/** Open = the case is still moving; a status not of this programme counts as final (never acted on). */
export function isOpen(programme: Programme, id: StatusId): boolean {
  return statusInfo(programme, id)?.final === false;
}
