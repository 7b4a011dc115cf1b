import { defineConfig } from "vitest/config";

/**
 * Two projects over one suite. `json`: every test, on the default JSON store. `postgres`: the
 * conversation and feature tests again, with the same assertions, on PostgreSQL (each test folder
 * gets its own database in a throwaway cluster, test/helpers/store-under-test.ts).
 */
const onBothBackends = [
  "test/core/conversation.test.ts",
  "test/core/after-commit.test.ts",
  "test/core/turn-failures.test.ts",
  "test/core/users.test.ts",
  "test/flows/**/*.test.ts",
  "test/channels/**/*.test.ts",
  "test/services/{submissions,stats,export,audit,web-visitors,form-expiry-clock}.test.ts",
  "test/domain/workflow.test.ts",
  "test/cli/desk-cli.test.ts",
  "test/bad-input.test.ts",
  "test/crash-registrations.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "json",
          include: ["test/**/*.test.ts"],
          // Builds dist/ once (some tests start the bot as a real process, the way `npm start` does),
          // and starts a throwaway PostgreSQL cluster: the storage contract runs on both backends.
          globalSetup: ["test/global-setup.ts", "test/store/postgres-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: onBothBackends,
          env: { NSCL_TEST_STORE: "postgres" },
          globalSetup: ["test/store/postgres-setup.ts"],
        },
      },
    ],
  },
});
