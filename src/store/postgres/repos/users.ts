import type { UserRecord } from "../../../domain/records/user.js";
import type { UsersRepository } from "../../repositories.js";
import { keyedRecords, type Table } from "../table.js";

export function pgUsers(table: Table<UserRecord>): UsersRepository {
  return {
    ...keyedRecords(table),
    page: async (after, limit) => (await table.slice(after, limit)).map((r) => r.record),
  };
}
