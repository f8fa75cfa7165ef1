import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".data/**", ".next/**"],
    globalSetup: ["test/global-setup.ts"],
    // Throwaway keys in the places where development has generated ones (scripts/server-environment.ts).
    env: { LINK_SIGNING_SECRET: `test:${"k".repeat(40)}`, STRIPE_WEBHOOK_SECRET: "whsec_test_only_not_a_secret" },
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
