import type { Province } from "../knowledge/province.js";
import type { Roles } from "./roles.js";
import type { Users } from "./users.js";

/** The rules and data the flows may use. Each feature adds what it needs here. */
export interface Services {
  province: Province;
  users: Users;
  roles: Roles;
}
