import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds dist/ once: some tests start the bot as a real process, the way `npm start` does.
    // Starts one throwaway PostgreSQL cluster for the run (test/helpers/postgres.ts): the storage contract runs on both backends.
    globalSetup: ["test/global-setup.ts", "test/store/postgres-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
