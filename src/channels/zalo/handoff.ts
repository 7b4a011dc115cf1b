/**
 * Conversations where a person at the OA (oa.zalo.me) is answering: the bot keeps quiet there
 * until `minutes` after that person's last message. In memory only — after a restart the bot
 * answers again, which is the safe side. Bounded by dropping expired entries.
 */
export interface Handoff {
  personWrote(userId: string, now: Date): void;
  active(userId: string, now: Date): boolean;
  end(userId: string): void;
}

export function createHandoff(minutes: number): Handoff {
  const until = new Map<string, number>();
  const ms = minutes * 60_000;
  return {
    personWrote(userId, now) {
      if (ms <= 0) return;
      if (until.size > 10_000) for (const [k, t] of until) if (t <= now.getTime()) until.delete(k);
      until.set(userId, now.getTime() + ms);
    },
    active(userId, now) {
      const t = until.get(userId);
      if (t === undefined) return false;
      if (t > now.getTime()) return true;
      until.delete(userId);
      return false;
    },
    end(userId) {
      until.delete(userId);
    },
  };
}
