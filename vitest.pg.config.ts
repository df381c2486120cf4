import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config.ts";

/** The data-layer and integration suites again, on PostgreSQL (each test file in a database of its own). */
export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    environment: "node",
    include: ["tests/integration/**/*.test.{ts,tsx}"],
    env: { TEST_ENGINE: "postgres" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
