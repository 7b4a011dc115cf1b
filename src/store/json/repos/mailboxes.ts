import type { MailboxesRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import type { Mailbox } from "../collections.js";
import { lockFor, type JsonContext } from "./context.js";

export function jsonMailboxes(ctx: JsonContext, collection: Collection<Mailbox>): MailboxesRepository {
  return {
    async push(session, messages, limit) {
      const unit = await lockFor(ctx, collection, session);
      const waiting = collection.get(session)?.messages ?? [];
      collection.set(session, { messages: [...waiting, ...messages].slice(-limit) }, unit);
    },
    async take(session) {
      await collection.ready(session);
      const box = collection.get(session);
      if (!box) return [];
      const unit = await lockFor(ctx, collection, session);
      const messages = collection.get(session)?.messages ?? [];
      collection.delete(session, unit);
      return messages;
    },
    async all() {
      await collection.readyAll();
      return new Map([...collection.entries()].map(([session, box]) => [session, box.messages]));
    },
  };
}
