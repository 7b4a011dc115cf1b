import type { AppendLog } from "./append-log.js";

/**
 * One unit of work in the JSON backend. Changes are made in memory at once (so the unit, and its
 * queries, see them), each on a record the unit has locked; the unit remembers how to undo them.
 * Its commit appends one journal line holding every change and every audit entry of the unit: a
 * crash or a failed write keeps all of it or none of it.
 */
export class JsonUnit {
  /** Record changes as journal items (`{"c":…,"v":…,"k":…,"r"|"d":…}`), in order. */
  readonly items: string[] = [];
  /** Log entries of the unit, in order. */
  readonly entries: { log: AppendLog<object>; entry: object }[] = [];
  /** Record keys the unit holds locked (`collection\0key`, or `lock\0name`). */
  readonly locks: string[] = [];
  readonly #settle: ((committed: boolean) => void)[] = [];
  readonly #effects: (() => void)[] = [];
  #ended = false;

  get ended(): boolean {
    return this.#ended;
  }

  get empty(): boolean {
    return this.items.length === 0 && this.entries.length === 0;
  }

  /** Called once when the unit ends: `true` after a durable commit, `false` to undo. Undone in reverse order. */
  onSettle(fn: (committed: boolean) => void): void {
    this.#settle.push(fn);
  }

  afterCommit(effect: () => void): void {
    this.#effects.push(effect);
  }

  /** Ends the unit: keeps (committed) or undoes its changes in memory. Idempotent. */
  end(committed: boolean): void {
    if (this.#ended) return;
    this.#ended = true;
    if (committed) for (const fn of this.#settle) fn(true);
    else {
      for (let i = this.#settle.length - 1; i >= 0; i--) this.#settle[i]!(false);
      this.#effects.length = 0;
    }
  }

  /** The after-commit effects, once (empty unless the unit committed). */
  takeEffects(): (() => void)[] {
    return this.#effects.splice(0);
  }
}
