/**
 * Runs tasks one at a time per key, in the order they were queued; different keys run
 * concurrently. This is what keeps two quick messages from one user from racing on the
 * same dialog state, while other users are not held up.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();
  #pending = 0;
  #idleWaiters: (() => void)[] = [];

  /** Queues `task` behind the key's earlier tasks; the task's own failure is returned to the caller only. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    this.#pending++;
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      // Forget the key once nothing else was queued behind this task.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
      this.#pending--;
      if (this.#pending === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
    });
    return result;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** Resolves when every queued task has finished (used for a clean shutdown). */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }
}
