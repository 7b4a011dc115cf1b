import { appendFile, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseScheduleTime } from "../../src/domain/schedule-time.js";
import { foldDeliveries, type DeliveryEntry } from "../../src/domain/records/delivery.js";
import { deliveriesLog } from "../../src/store/json/collections.js";
import { Store } from "../../src/store/json/store.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const job = "TB-0001";
const to = (i: number): DeliveryEntry => ({ k: "to", job, i, ch: "telegram", id: String(100 + i), loc: "vi" });
const at = "2026-11-22T03:00:00.000Z";

describe("a job's delivery record", () => {
  it("ignores a list cut short by a crash and reads the one written after it", () => {
    const state = foldDeliveries([to(0), to(1), { k: "reset", job }, to(0), to(1), to(2), { k: "listed", job, n: 3 }]);
    expect(state.recipients?.map((r) => r.id)).toEqual(["100", "101", "102"]);
    expect(foldDeliveries([to(0), to(1)]).recipients).toBeNull();
    // A `listed` that does not match what came before it seals nothing.
    expect(foldDeliveries([to(0), { k: "listed", job, n: 2 }]).recipients).toBeNull();
  });

  it("settles each recipient by its last line: a try with nothing after it was in flight", () => {
    const state = foldDeliveries([
      to(0),
      to(1),
      to(2),
      { ...to(3), skip: "unsubscribed" } as DeliveryEntry,
      { k: "listed", job, n: 4 },
      { k: "try", job, i: 0, n: 1 },
      { k: "end", job, i: 0, r: "sent", at },
      { k: "try", job, i: 1, n: 1 },
      { k: "again", job, i: 1, n: 1, why: "error", d: "500" },
      { k: "try", job, i: 1, n: 2 },
      { k: "again", job, i: 1, n: 2, why: "rate-limited" },
      { k: "try", job, i: 2, n: 1 },
      // A result for a settled recipient changes nothing.
      { k: "end", job, i: 0, r: "failed", at },
    ]);
    expect(state.final).toEqual(["sent", null, null, "unsubscribed"]);
    expect(state.inFlight).toEqual([2]);
    expect(state.tries).toEqual([1, 2, 1, 0]);
    expect(state.errors).toEqual([0, 1, 0, 0]);
    expect(state.counts).toMatchObject({ sent: 1, unsubscribed: 1, failed: 0 });
  });

  it("is one append-only file per job, read on demand and not kept in memory; a torn last line is set aside", async () => {
    const dir = await tempDir();
    let store = await Store.open({ dir, collections: [], logs: [deliveriesLog] });
    const log = store.log(deliveriesLog);
    const unit = store.beginUnit();
    log.append(to(0), unit);
    log.append({ k: "listed", job, n: 1 }, unit);
    log.append({ ...to(0), job: "TB-0002" }, unit);
    // Lines of a unit not yet committed are in no file: a read never sees them.
    expect(await log.read(job)).toEqual([]);
    expect(await log.files()).toEqual([]);
    await store.commitUnit(unit);
    expect(() => log.entries()).toThrow();
    expect((await log.read(job)).map((e) => e.k)).toEqual(["to", "listed"]);
    expect(await log.files()).toEqual(["TB-0001", "TB-0002"]);
    expect(await log.read("TB-0404")).toEqual([]);
    await store.close();

    const file = path.join(dir, "deliveries", `${job}.jsonl`);
    await appendFile(file, '{"v":1,"k":"try","job":"TB-0001","i":0,"n":1}\n{"v":1,"k":"end","jo');
    const warnings: string[] = [];
    store = await Store.open({ dir, collections: [], logs: [deliveriesLog], onWarning: (w) => warnings.push(w.message) });
    const entries = await store.log(deliveriesLog).read(job);
    expect(foldDeliveries(entries).inFlight).toEqual([0]);
    expect(warnings[0]).toMatch(/incomplete/);
    expect(await readFile(`${file}.torn`, "utf8")).toBe('{"v":1,"k":"end","jo');
    await store.close();
  });
});

describe("the time an official schedules", () => {
  const now = new Date("2026-11-22T03:00:00Z");
  it.each([
    ["25/11/2026 08:30", "2026-11-25T01:30:00.000Z"],
    ["25-11-2026 8:30", "2026-11-25T01:30:00.000Z"],
    ["25.11.2026 8h30", "2026-11-25T01:30:00.000Z"],
    ["1/1/2027 0h", "2026-12-31T17:00:00.000Z"],
    ["22/11/2026 10:01", "2026-11-22T03:01:00.000Z"],
  ])("reads %s in Vietnam's time", (typed, iso) => {
    expect(parseScheduleTime(typed, now)).toEqual({ ok: true, value: iso });
  });
  it.each([
    ["31/02/2026 08:00", "bc-when-invalid"],
    ["25/13/2026 08:00", "bc-when-invalid"],
    ["25/11/2026 24:00", "bc-when-invalid"],
    ["22/11/2026 10:00", "bc-when-past"],
    ["25/11/2028 08:00", "bc-when-too-far"],
    ["ngày mai 8 giờ", "bc-when-format"],
    ["25/11/2026", "bc-when-format"],
  ])("refuses %s", (typed, key) => {
    const result = parseScheduleTime(typed, now);
    expect(result.ok ? null : result.error.key).toBe(key);
  });
});
