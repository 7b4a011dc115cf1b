import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { memoryLogger } from "../../src/core/log.js";
import { openJsonStorage } from "../../src/store/json/backend.js";
import { jsonStoreLogging } from "../../src/store/open.js";
import { useTempDirs } from "../helpers/temp-dir.js";

const tempDir = useTempDirs();
const user = (id: string) => ({ channel: "web" as const, id, locale: null, firstSeen: "2026-11-22T03:00:00.000Z", lastSeen: "2026-11-22T03:00:00.000Z", unreachableSince: null });

describe("work the JSON store does with nobody awaiting it", () => {
  it("logs a checkpoint that fails, with where, and counts it; the journal keeps the change and a later checkpoint writes it", async () => {
    const dir = await tempDir();
    const log = memoryLogger();
    const storage = await openJsonStorage({ dir, checkpointEveryMs: 40, ...jsonStoreLogging(log) });
    await storage.unit(() => storage.repos.users.put("web:checkpoint-1", user("checkpoint-1")));
    // The users' folder becomes a file: no shard can be written there (root or not).
    const folder = path.join(dir, "users");
    await rm(folder, { recursive: true, force: true });
    await writeFile(folder, "not a folder");

    await vi.waitFor(() => expect(storage.stats.backgroundFailures).toBeGreaterThanOrEqual(1), { timeout: 5_000, interval: 20 });
    const line = log.lines.find((l) => l.includes("checkpoint failed"))!;
    expect(line).toMatch(/^\S+ ERROR checkpoint failed; the journal is kept/);
    expect(line).toContain(`dataDir=${JSON.stringify(dir)}`);
    expect(line).toContain('reason="timer"');
    // Where, never what: no record's contents in the log.
    expect(line).not.toContain("checkpoint-1");
    expect(storage.stats.checkpoints).toBe(0);

    // Once the folder can be written again, the next checkpoint writes the change the journal kept.
    await rm(folder);
    await mkdir(folder);
    await storage.close();
    const again = await openJsonStorage({ dir, ...jsonStoreLogging(log) });
    expect(await again.repos.users.get("web:checkpoint-1")).toMatchObject({ id: "checkpoint-1" });
    expect(again.stats.backgroundFailures).toBe(0);
    await again.close();
  });
});
