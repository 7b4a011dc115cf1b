import type { RoleGrant } from "../../../domain/records/role-grant.js";
import type { RolesRepository } from "../../repositories.js";
import { keyedRecords, type Table } from "../table.js";

/** A handful of grants: `all` reads them in key order. */
export function pgRoles(table: Table<RoleGrant>): RolesRepository {
  return {
    ...keyedRecords(table),
    all: async () => (await table.entries()).map(({ key, record }) => ({ userKey: key, grant: record })),
  };
}
