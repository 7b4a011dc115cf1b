import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { storeCommand } from "../../src/cli/store.js";
import { memoryLogger } from "../../src/core/log.js";
import { inventory } from "../../src/store/copy.js";
import { openStorage } from "../../src/store/open.js";
import { testApp, testConfig } from "../helpers/app.js";
import { testDatabaseUrl } from "../helpers/postgres.js";
import { draft } from "../helpers/submission-draft.js";
import { person } from "../helpers/talk.js";
import { useTempDirs } from "../helpers/temp-dir.js";

/**
 * `npm run cli -- store copy`: both directions, whatever the suite's backend (the two sides are
 * named explicitly: a DATA_DIR and a database of this run's cluster).
 */
const tempDir = useTempDirs();
const NOW = new Date("2026-11-22T03:00:00Z");
const JSON_STORE = { STORE: "json" };

function io(dataDir: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return { out: (t) => (out += t), err: (t) => (err += t), config: testConfig(dataDir, JSON_STORE), stdout: () => out, stderr: () => err };
}

/** A JSON store with some of every kind: users and a dialog from a conversation, submissions with their audit, a role. */
async function filledJsonStore(taxCodes: string[]): Promise<string> {
  const dir = await tempDir();
  const app = await testApp(dir, { env: { ...JSON_STORE, OFFICIAL_TELEGRAM_IDS: "777" } });
  const lan = person(app, "telegram", "4242");
  await lan.says("/start");
  await lan.says("/dangky gtclqg");
  for (const [i, taxCode] of taxCodes.entries()) {
    await app.storage.unit(() => app.services.submissions.create(draft({ taxCode, name: `Công ty Sao chép ${i}`, userKey: `telegram:${5000 + i}` }), NOW));
  }
  await app.close();
  return dir;
}

/** Counts and checksums of every kind of record, read from a store opened on its own. */
async function inventoryOf(env: Record<string, string>, dir: string) {
  const storage = await openStorage(testConfig(dir, env), memoryLogger());
  try {
    return await inventory(storage);
  } finally {
    await storage.close();
  }
}

describe("store copy", () => {
  it("copies JSON into PostgreSQL and back with every record intact, then refuses to write over either", async () => {
    const source = await filledJsonStore(["0314409058", "0100109106", "3600252847"]);
    const url = await testDatabaseUrl();
    const there = io(source);
    expect(await storeCommand(["copy", "--from", "json", "--to", "postgres", "--data-dir", source, "--database-url", url], there)).toBe(0);
    expect(there.stdout()).toMatch(/counts and checksums match/);
    expect(there.stdout()).toMatch(/submissions 3/);

    const back = path.join(await tempDir(), "back");
    const again = io(source);
    expect(await storeCommand(["copy", "--from", "postgres", "--to", "json", "--data-dir", back, "--database-url", url], again)).toBe(0);
    const original = await inventoryOf(JSON_STORE, source);
    expect(original.submissions?.count).toBe(3);
    expect(original.audit?.count).toBeGreaterThanOrEqual(3);
    expect(original.dialogs?.count).toBe(1);
    expect(await inventoryOf(JSON_STORE, back)).toEqual(original);
    expect(await inventoryOf({ STORE: "postgres", DATABASE_URL: url }, source)).toEqual(original);

    // The bot reads the copy as its own: a submission found by its code, the person's form still open.
    const app = await testApp(back, { env: JSON_STORE });
    const [first] = await app.storage.repos.submissions.byTaxCode("0314409058", false);
    expect(first?.organisation.name).toBe("Công ty Sao chép 0");
    expect(await app.storage.repos.dialogs.get("telegram:4242")).toBeDefined();
    await app.close();

    // Into a store that holds records: refused, and nothing written.
    const refused = io(source);
    expect(await storeCommand(["copy", "--from", "json", "--to", "postgres", "--data-dir", source, "--database-url", url], refused)).toBe(1);
    expect(refused.stderr()).toMatch(/already holds records.*--replace/);
    expect(await inventoryOf({ STORE: "postgres", DATABASE_URL: url }, source)).toEqual(original);
    const refusedJson = io(source);
    expect(await storeCommand(["copy", "--from", "postgres", "--to", "json", "--data-dir", back, "--database-url", url], refusedJson)).toBe(1);
    expect(await inventoryOf(JSON_STORE, back)).toEqual(original);
  });

  it("--replace sets a used JSON folder aside whole and fills a new one", async () => {
    const url = await testDatabaseUrl();
    const source = await filledJsonStore(["0314409058"]);
    expect(await storeCommand(["copy", "--from", "json", "--to", "postgres", "--data-dir", source, "--database-url", url], io(source))).toBe(0);
    const used = await filledJsonStore(["0100109106", "3600252847"]);
    const before = await inventoryOf(JSON_STORE, used);

    const replacing = io(used);
    expect(await storeCommand(["copy", "--from", "postgres", "--to", "json", "--data-dir", used, "--database-url", url, "--replace"], replacing)).toBe(0);
    const kept = /kept in (\S+)\.\n/.exec(replacing.stdout())?.[1];
    expect(kept).toBeDefined();
    expect(path.dirname(kept!)).toBe(path.dirname(used));
    // The old records are all in the folder set aside; the folder itself now holds the copy.
    expect(await inventoryOf(JSON_STORE, kept!)).toEqual(before);
    expect(await inventoryOf(JSON_STORE, used)).toEqual(await inventoryOf(JSON_STORE, source));
  });

  it("--replace empties a database only when no bot instance runs on it", async () => {
    const url = await testDatabaseUrl();
    const first = await filledJsonStore(["0314409058", "0100109106"]);
    expect(await storeCommand(["copy", "--from", "json", "--to", "postgres", "--data-dir", first, "--database-url", url], io(first))).toBe(0);
    const second = await filledJsonStore(["3600252847"]);

    const running = await testApp(await tempDir(), { env: { STORE: "postgres", DATABASE_URL: url } });
    const whileRunning = io(second);
    expect(await storeCommand(["copy", "--from", "json", "--to", "postgres", "--data-dir", second, "--database-url", url, "--replace"], whileRunning)).toBe(1);
    expect(whileRunning.stderr()).toMatch(/1 bot instance\(s\) are running/);
    expect(await inventoryOf({ STORE: "postgres", DATABASE_URL: url }, first)).toEqual(await inventoryOf(JSON_STORE, first));
    await running.close();

    const replacing = io(second);
    expect(await storeCommand(["copy", "--from", "json", "--to", "postgres", "--data-dir", second, "--database-url", url, "--replace"], replacing)).toBe(0);
    expect(replacing.stdout()).toMatch(/Emptied the postgres store/);
    expect(await inventoryOf({ STORE: "postgres", DATABASE_URL: url }, second)).toEqual(await inventoryOf(JSON_STORE, second));
    // A database is emptied, never set aside: the JSON source is left as it was.
    expect(existsSync(second)).toBe(true);
  });
});
