import type { Faq } from "../knowledge/faq-port.js";
import type { Province } from "../knowledge/province.js";
import type { SupportKind } from "../knowledge/support-kinds.js";
import type { KnowledgeBase } from "./kb-answers.js";
import type { Roles } from "./roles.js";
import type { Users } from "./users.js";

/** The rules and data the flows may use. Each feature adds what it needs here. */
export interface Services {
  province: Province;
  /** NSCL support kinds (data/nscl-support-kinds.json). */
  supportKinds: readonly SupportKind[];
  users: Users;
  /** The knowledge-base search (answers with their source line, or the closest questions). */
  faq: Faq;
  /** The knowledge base itself: browsing, answers by entry id, the unit's contact. */
  kb: KnowledgeBase;
  roles: Roles;
}
