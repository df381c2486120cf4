import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export const alias = [
  { find: /^~db\//, replacement: `${path.join(root, "db")}/` },
  { find: /^~emails\//, replacement: `${path.join(root, "emails")}/` },
  { find: /^~templates\//, replacement: `${path.join(root, "templates")}/` },
  { find: /^~\//, replacement: `${path.join(root, "app")}/` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
