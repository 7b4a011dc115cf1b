import type { Outbox } from "../core/outbox.js";
import type { Faq } from "../knowledge/faq-port.js";
import type { Province } from "../knowledge/province.js";
import type { SupportKind } from "../knowledge/support-kinds.js";
import type { VnProvince } from "../domain/vn-province.js";
import type { DossierItems } from "../domain/dossier-checklist.js";
import type { LinkRequests } from "./link-requests.js";
import type { Audit } from "./audit.js";
import type { KnowledgeBase } from "./kb-answers.js";
import type { Audience } from "./broadcasts/audience.js";
import type { Broadcasts } from "./broadcasts/jobs.js";
import type { Roles } from "./roles.js";
import type { Workflow } from "./workflow.js";
import type { Submissions } from "./submissions.js";
import type { Subscriptions } from "./subscriptions.js";
import type { Users } from "./users.js";
import type { SelfCheck } from "./self-check.js";
import type { Inbox } from "./inbox.js";
import type { Feedback } from "./feedback.js";
import type { KbLearning } from "./kb-learning.js";
import type { Content } from "./content.js";
import type { SubmissionsRepository } from "../store/repositories.js";

/** The rules and data the flows may use. Each feature adds what it needs here. */
export interface Services {
  /** The province profile served now (data/'s, or as officials edited it: `content`); read it at each use, it can change. */
  readonly province: Province;
  /** NSCL support kinds (data/nscl-support-kinds.json). */
  supportKinds: readonly SupportKind[];
  /** The award dossier's items per regime (data/dossier-items.json). */
  dossierItems: DossierItems;
  users: Users;
  /** The knowledge-base search (answers with their source line, or the closest questions). */
  faq: Faq;
  /** The knowledge base itself: browsing, answers by entry id, the unit's contact. */
  kb: KnowledgeBase;
  roles: Roles;
  /** Registrations and support requests with their status history (src/services/submissions.ts). */
  submissions: Submissions;
  /** The questions the officials' desk asks of the submissions (search, figures, lists), answered by the storage backend. */
  submissionRecords: SubmissionsRepository;
  /** The 34 provinces since 1/7/2025 (data/vn-provinces.json), for addresses. */
  vnProvinces: readonly VnProvince[];
  /** The append-only audit trail (src/services/audit.ts); status changes and roles are recorded by themselves. */
  audit: Audit;
  /** Officials' moves along the award and NSCL workflows (src/services/workflow.ts). */
  workflow: Workflow;
  /** Pushes to a user who did not just write (status notices); channels register with it. */
  outbox: Outbox;
  /** Settings of the officials' desk. */
  desk: { stalledAfterDays: number };
  /** Pending requests to follow a submission from another channel. */
  linkRequests: LinkRequests;
  /** Who wants announcements (asked once at /start). */
  subscriptions: Subscriptions;
  /** Broadcast jobs (announcements, deadline reminders); sent by the runner in the bot process. */
  broadcasts: Broadcasts;
  /** Who a segment reaches, and who is skipped and why. */
  audience: Audience;
  /** The readiness self-check: its statements (data/self-check.json) and the results kept per user. */
  selfCheck: SelfCheck;
  /** Questions passed to people (`/hopthu`): hand-off, answers, office hours (src/services/inbox.ts). */
  inbox: Inbox;
  /** FAQ counters per ISO week and 👍/👎 votes (src/services/feedback.ts). */
  feedback: Feedback;
  /** What officials teach the FAQ from their answers: phrasings, drafted entries and their approval (src/services/kb-learning.ts). */
  kbLearning: KbLearning;
  /** The department's own content edited by officials: profile, entries, history (src/services/content.ts). */
  content: Content;
}
