import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The unit of work a piece of code runs in, found without passing it down every call: a turn's
 * handlers call services, services call repositories, and the repositories of the backend that
 * opened the unit find it here. Node's AsyncLocalStorage follows the unit through every await.
 */
export class UnitContext<U> {
  readonly #als = new AsyncLocalStorage<U>();

  current(): U | undefined {
    return this.#als.getStore();
  }

  run<T>(unit: U, work: () => Promise<T>): Promise<T> {
    return this.#als.run(unit, work);
  }

  /** Runs `work` outside any unit (work the unit starts but must not own, e.g. a background job it wakes). */
  outside<T>(work: () => T): T {
    return this.#als.exit(work);
  }
}
