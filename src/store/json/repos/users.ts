import type { UserRecord } from "../../../domain/records/user.js";
import type { UsersRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, sortedKeys, startAfter, type JsonContext } from "./context.js";

export function jsonUsers(ctx: JsonContext, collection: Collection<UserRecord>): UsersRepository {
  const keys = sortedKeys(collection);
  return {
    ...keyedRecords(ctx, collection),
    async page(after, limit) {
      await collection.readyAll();
      const all = keys();
      const from = startAfter(all, after);
      return all.slice(from, from + limit).map((key) => collection.get(key)!);
    },
  };
}
