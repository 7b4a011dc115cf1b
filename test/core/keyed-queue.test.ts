import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../src/core/keyed-queue.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("KeyedQueue", () => {
  it("runs one key's tasks one at a time, in the order queued", async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    const tasks = [30, 5, 20, 1, 10].map((delay, i) =>
      queue.run("user-1", async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${i}`);
        await sleep(delay);
        log.push(`end ${i}`);
        running--;
        return i;
      }),
    );
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(log).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2", "start 3", "end 3", "start 4", "end 4"]);
  });

  it("runs different keys at the same time", async () => {
    const queue = new KeyedQueue();
    let concurrent = 0;
    let peak = 0;
    await Promise.all(
      ["a", "b", "c", "d"].map((key) =>
        queue.run(key, async () => {
          concurrent++;
          peak = Math.max(peak, concurrent);
          await sleep(20);
          concurrent--;
        }),
      ),
    );
    expect(peak).toBe(4);
  });

  it("keeps going after a task fails, and reports the failure to its caller only", async () => {
    const queue = new KeyedQueue();
    const failing = queue.run("k", async () => {
      throw new Error("boom");
    });
    const next = queue.run("k", async () => "fine");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("fine");
    await queue.idle();
    expect(queue.pending).toBe(0);
  });
});
