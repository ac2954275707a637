import js from "@eslint/js";
import { importX } from "eslint-plugin-import-x";
import globals from "globals";
import { config as defineConfig, configs as tsConfigs } from "typescript-eslint";

export default defineConfig(
  {
    ignores: ["**/node_modules/**", "**/.next/**", ".sovra/**", ".ci/out/**", "**/next-env.d.ts"],
  },
  js.configs.recommended,
  ...tsConfigs.recommended,
  importX.flatConfigs.recommended,
  importX.flatConfigs.typescript,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    settings: {
      "import-x/resolver-next": [
        (await import("eslint-import-resolver-typescript")).createTypeScriptImportResolver({
          project: ["tsconfig.json", "packages/*/tsconfig.json", "apps/*/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      eqeqeq: ["error", "always"],
      curly: ["error", "all"],
      "no-console": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "import-x/no-cycle": "error",
      "import-x/no-nodejs-modules": "off",
      "import-x/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "@sovra/**", group: "internal" }],
          pathGroupsExcludedImportTypes: ["builtin"],
          "newlines-between": "always",
          alphabetize: { order: "asc" },
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through @sovra/config.",
        },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "pg",
              message: "Use @sovra/db: tenant data goes through withTenantScope.",
            },
          ],
          patterns: [
            {
              group: ["@electric-sql/*"],
              message: "Only packages/db talks to PGlite.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["packages/db/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["packages/config/**"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["scripts/**", "bench/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
);
