import type { InboxItem } from "../../../domain/records/inbox-item.js";
import type { InboxRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, type JsonContext } from "./context.js";

const byCreation = (a: InboxItem, b: InboxItem) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1);

/** A record per item; the open list and the figures walk the collection (a unit's questions: hundreds a year). */
export function jsonInbox(ctx: JsonContext, collection: Collection<InboxItem>): InboxRepository {
  const all = async () => {
    await collection.readyAll();
    return [...collection.entries()].map(([, item]) => item);
  };
  return {
    ...keyedRecords(ctx, collection),
    async open(offset, limit) {
      const open = (await all()).filter((i) => i.status === "open").sort(byCreation);
      return { items: open.slice(offset, offset + limit), total: open.length };
    },
    async openOf(userKey) {
      return (await all()).filter((i) => i.status === "open" && i.userKey === userKey).sort(byCreation)[0];
    },
    async ofUser(userKey) {
      return (await all()).filter((i) => i.userKey === userKey).sort(byCreation);
    },
    async createdSince(since) {
      return (await all()).filter((i) => i.createdAt >= since).sort(byCreation);
    },
  };
}
