import type {} from "vitest";
import { createTestDatabase, type TestClusterInfo, type TestDatabaseOptions } from "../../bench/lib/postgres-cluster.js";

export { clusterUrl, createTestDatabase, startTestCluster, type TestCluster, type TestClusterInfo, type TestDatabaseOptions } from "../../bench/lib/postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    nsclPostgres: TestClusterInfo;
  }
}

/** The cluster this test run started (test/store/postgres-setup.ts); in a test file only. */
export async function testCluster(): Promise<TestClusterInfo> {
  // Imported here: the globalSetup imports this file in vitest's main process, where inject has no meaning.
  const { inject } = await import("vitest");
  const info = inject("nsclPostgres");
  if (!info) throw new Error("no PostgreSQL test cluster: add test/store/postgres-setup.ts to vitest's globalSetup");
  return info;
}

/** A fresh, migrated database in this run's cluster (a fresh empty one with `empty: true`). */
export async function testDatabaseUrl(options: TestDatabaseOptions = {}): Promise<string> {
  return createTestDatabase(await testCluster(), options);
}
