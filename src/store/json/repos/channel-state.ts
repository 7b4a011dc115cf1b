import type { ChoicesRecord, HandoffRecord, SeenRecord } from "../../../domain/records/channel-state.js";
import type { ChannelStateRepository } from "../../repositories.js";
import type { Collection } from "../collection.js";
import { keyedRecords, lockFor, type JsonContext } from "./context.js";

export function jsonChannelState(
  ctx: JsonContext,
  collections: { seen: Collection<SeenRecord>; choices: Collection<ChoicesRecord>; handoff: Collection<HandoffRecord> },
): ChannelStateRepository {
  const { seen } = collections;
  // Oldest first, rebuilt from the stored times (once every shard is read); the oldest are forgotten beyond the capacity.
  let order: string[] | null = null;
  let head = 0;
  const ordered = async (): Promise<string[]> => {
    if (order) return order;
    await seen.readyAll();
    order ??= [...seen.entries()].sort((a, b) => a[1].at.localeCompare(b[1].at)).map(([key]) => key);
    return order;
  };
  return {
    choices: keyedRecords(ctx, collections.choices),
    handoff: keyedRecords(ctx, collections.handoff),
    async firstTime(key, now, capacity) {
      const order = await ordered();
      const unit = await lockFor(ctx, seen, key);
      if (seen.has(key)) return false;
      seen.set(key, { at: now.toISOString() }, unit);
      order.push(key);
      while (order.length - head > capacity) {
        const old = order[head++]!;
        await lockFor(ctx, seen, old);
        seen.delete(old, unit);
      }
      // Drop the forgotten prefix now and then instead of shifting on every event.
      if (head > 1024) {
        order.splice(0, head);
        head = 0;
      }
      return true;
    },
    seen: async () => (await seen.readyAll(), [...seen.entries()]).map(([key, r]) => ({ key, at: r.at })).sort((a, b) => a.at.localeCompare(b.at) || (a.key < b.key ? -1 : 1)),
  };
}
