import type { Transactions } from "../../store/port.js";
import type { KeyedRecords } from "../../store/repositories.js";
import type { ZaloHandoff } from "./records.js";

/**
 * Conversations where a person at the OA (oa.zalo.me) is answering: the bot keeps quiet there
 * until `minutes` after that person's last message. Kept in the store, so every instance (and a
 * restarted one) knows.
 */
export interface Handoff {
  personWrote(userId: string, now: Date): Promise<void>;
  active(userId: string, now: Date): Promise<boolean>;
  end(userId: string): Promise<void>;
}

export function createHandoff(minutes: number, repo: KeyedRecords<ZaloHandoff>, tx: Pick<Transactions, "unit">): Handoff {
  const ms = minutes * 60_000;
  return {
    async personWrote(userId, now) {
      if (ms <= 0) return;
      await tx.unit(() => repo.put(userId, { until: new Date(now.getTime() + ms).toISOString() }));
    },
    async active(userId, now) {
      const found = await repo.get(userId);
      if (!found) return false;
      if (Date.parse(found.until) > now.getTime()) return true;
      // Over: forget it (and its row).
      await tx.unit(() => repo.delete(userId));
      return false;
    },
    async end(userId) {
      await tx.unit(() => repo.delete(userId));
    },
  };
}
