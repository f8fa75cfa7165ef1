import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Test files are not React: their `use…` helpers register Vitest hooks.
  { files: ["**/*.test.ts", "test/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([".next/**", ".next-*/**", ".data/**", "node_modules/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
