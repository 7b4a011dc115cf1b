import { createHash } from "node:crypto";
import { inject } from "vitest";
import { clusterUrl, createTestDatabase } from "./postgres.js";

/**
 * Which backend the suite runs on: the vitest project sets NSCL_TEST_STORE (vitest.config.ts).
 * The feature tests run twice, once per backend, with the same assertions. On PostgreSQL every
 * test folder (useTempDirs) gets its own database, named after the folder, so a test that
 * "restarts on the same DATA_DIR" reopens the same database.
 */
export function storeUnderTest(): "json" | "postgres" {
  return process.env.NSCL_TEST_STORE === "postgres" ? "postgres" : "json";
}

const databaseName = (dir: string) => `d_${createHash("sha256").update(dir).digest("hex").slice(0, 20)}`;

/** Settings that put a test's data where the suite runs: nothing for JSON (DATA_DIR is enough), the folder's database for PostgreSQL. */
export function storeEnv(dir: string): Record<string, string> {
  if (storeUnderTest() !== "postgres") return {};
  return { STORE: "postgres", DATABASE_URL: clusterUrl(inject("nsclPostgres"), databaseName(dir)) };
}

const prepared = new Set<string>();

/** Creates the folder's database once (PostgreSQL runs); nothing to do for JSON. */
export async function prepareStore(dir: string): Promise<void> {
  if (storeUnderTest() !== "postgres" || prepared.has(dir)) return;
  try {
    await createTestDatabase(inject("nsclPostgres"), { name: databaseName(dir) });
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  }
  prepared.add(dir);
}
