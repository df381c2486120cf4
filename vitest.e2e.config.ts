import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config.ts";

/**
 * Browser journeys: playwright-core driving Debian's Chromium against a real server started once for
 * the run (tests/e2e/global-setup.ts), with axe on every page. One file at a time: the machine has 2 cores.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
