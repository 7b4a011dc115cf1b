import { LockTimeoutError } from "../errors.js";

/**
 * Exclusive locks on records (and named locks) held by a unit of work until it ends — what row
 * locks are to PostgreSQL. Two units writing the same record run one after the other, so the
 * journal holds each record's changes in the order they were made, and a unit's changes can be
 * undone exactly when its commit fails. Re-entrant for the unit that holds the lock.
 */
interface Held {
  owner: object;
  waiting: { owner: object; grant: () => void }[];
}

export class KeyLocks {
  readonly #held = new Map<string, Held>();

  constructor(private readonly timeoutMs = 10_000) {}

  /** Resolves once `owner` holds `key`. Throws LockTimeoutError after the timeout (a deadlock, or a unit that hangs). */
  acquire(key: string, owner: object): Promise<void> | void {
    const held = this.#held.get(key);
    if (!held) {
      this.#held.set(key, { owner, waiting: [] });
      return;
    }
    if (held.owner === owner) return;
    return new Promise<void>((resolve, reject) => {
      const entry = {
        owner,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = held.waiting.indexOf(entry);
        if (i >= 0) held.waiting.splice(i, 1);
        reject(new LockTimeoutError(key));
      }, this.timeoutMs);
      held.waiting.push(entry);
    });
  }

  release(key: string, owner: object): void {
    const held = this.#held.get(key);
    if (!held || held.owner !== owner) return;
    const next = held.waiting.shift();
    if (!next) {
      this.#held.delete(key);
      return;
    }
    held.owner = next.owner;
    next.grant();
  }

  get size(): number {
    return this.#held.size;
  }
}
