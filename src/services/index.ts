import type { Province } from "../knowledge/province.js";
import type { SupportKind } from "../knowledge/support-kinds.js";
import type { Roles } from "./roles.js";
import type { Users } from "./users.js";

/** The rules and data the flows may use. Each feature adds what it needs here. */
export interface Services {
  province: Province;
  /** NSCL support kinds (data/nscl-support-kinds.json). */
  supportKinds: readonly SupportKind[];
  users: Users;
  roles: Roles;
}
