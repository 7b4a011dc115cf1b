import type { TestProject } from "vitest/node";
import { startTestCluster } from "../helpers/postgres.js";

/**
 * vitest globalSetup: one throwaway PostgreSQL cluster per test run, shared by every test file
 * (`testDatabaseUrl()` in test/helpers/postgres.ts gives each test a fresh database); stopped and
 * removed at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startTestCluster();
  project.provide("nsclPostgres", cluster.info);
  return () => cluster.stop();
}
