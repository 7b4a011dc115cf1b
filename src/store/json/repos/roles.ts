import type { RoleGrant } from "../../../domain/records/role-grant.js";
import type { RolesRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, type JsonContext } from "./context.js";

export function jsonRoles(ctx: JsonContext, collection: Collection<RoleGrant>): RolesRepository {
  return {
    ...keyedRecords(ctx, collection),
    async all() {
      await collection.readyAll();
      return [...collection.entries()].map(([userKey, grant]) => ({ userKey, grant }));
    },
  };
}
