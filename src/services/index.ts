import type { Faq } from "../knowledge/faq-port.js";
import type { Province } from "../knowledge/province.js";
import type { SupportKind } from "../knowledge/support-kinds.js";
import type { VnProvince } from "../knowledge/vn-provinces.js";
import type { Audience } from "./broadcasts/audience.js";
import type { Broadcasts } from "./broadcasts/jobs.js";
import type { Roles } from "./roles.js";
import type { Submissions } from "./submissions.js";
import type { Subscriptions } from "./subscriptions.js";
import type { Users } from "./users.js";

/** The rules and data the flows may use. Each feature adds what it needs here. */
export interface Services {
  province: Province;
  /** NSCL support kinds (data/nscl-support-kinds.json). */
  supportKinds: readonly SupportKind[];
  users: Users;
  /** The knowledge-base search; optional until the FAQ feature is wired in. */
  faq?: Faq;
  roles: Roles;
  /** Registrations and support requests with their status history (src/services/submissions.ts). */
  submissions: Submissions;
  /** The 34 provinces since 1/7/2025 (data/vn-provinces.json), for addresses. */
  vnProvinces: readonly VnProvince[];
  /** Who wants announcements (asked once at /start). */
  subscriptions: Subscriptions;
  /** Broadcast jobs (announcements, deadline reminders); sent by the runner in the bot process. */
  broadcasts: Broadcasts;
  /** Who a segment reaches, and who is skipped and why. */
  audience: Audience;
}
