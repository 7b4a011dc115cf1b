import type { Programme } from "./programmes.js";
import { STATUSES, WITHDRAWN, isOpen, type StatusId } from "./statuses.js";

/**
 * The moves an official may make, per programme — the one place that says so (seed plans 000,
 * 001, 003, 004; domain.md §1.6–1.7, §3.5). Withdrawal (`rút hồ sơ` / `rút`) is allowed from
 * every open status and is added below, not listed. Nothing here depends on dates: an award year
 * may run longer than twelve months (the PM's decision often comes the year after).
 *
 * GTCLQG: đã đăng ký → đã nhận hồ sơ | cần bổ sung; đã nhận hồ sơ → (cần bổ sung ⇄ đã nhận hồ sơ) → đánh giá hồ sơ → đánh giá
 * tại chỗ → Hội đồng sơ tuyển đề xuất | không đề xuất → đã chuyển Hội đồng quốc gia → đạt Giải
 * Vàng | đạt Giải thưởng | không đạt.
 * NSCL: đã đăng ký → đủ điều kiện | không đủ điều kiện → đưa vào kế hoạch → đang triển khai →
 * nghiệm thu → hoàn thành.
 */
export const TRANSITIONS: Record<Programme, Partial<Record<StatusId, readonly StatusId[]>>> = {
  gtclqg: {
    // The unit may ask for documents before the dossier counts as received (the checklist's "cần bổ sung").
    registered: ["dossier-received", "needs-supplement"],
    "dossier-received": ["needs-supplement", "desk-review"],
    "needs-supplement": ["dossier-received"],
    "desk-review": ["onsite-review"],
    "onsite-review": ["shortlisted", "not-shortlisted"],
    shortlisted: ["national-council"],
    "national-council": ["gold-award", "award", "not-awarded"],
  },
  nscl: {
    registered: ["eligible", "ineligible"],
    eligible: ["in-plan"],
    "in-plan": ["in-progress"],
    "in-progress": ["acceptance"],
    acceptance: ["completed"],
  },
};

/** Where a submission may go from `from`, in workflow order; withdrawal last. Empty for a final status. */
export function allowedNext(programme: Programme, from: StatusId): StatusId[] {
  if (!isOpen(programme, from)) return [];
  const listed = TRANSITIONS[programme][from] ?? [];
  const order = STATUSES[programme].map((s) => s.id);
  return [...[...listed].sort((a, b) => order.indexOf(a) - order.indexOf(b)), WITHDRAWN];
}

export type TransitionCheck = { ok: true } | { ok: false; reason: "same" | "not-allowed"; allowed: StatusId[] };

/** Whether an official may move a submission from `from` to `to`; when not, where it may go. */
export function checkTransition(programme: Programme, from: StatusId, to: StatusId): TransitionCheck {
  const allowed = allowedNext(programme, from);
  if (from === to) return { ok: false, reason: "same", allowed };
  return allowed.includes(to) ? { ok: true } : { ok: false, reason: "not-allowed", allowed };
}
