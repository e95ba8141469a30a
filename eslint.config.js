// Type-aware linting for the TypeScript sources; formatting is left to Prettier.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const prettier = require("eslint-config-prettier");

module.exports = tseslint.config(
  {
    ignores: [
      "dist/**",
      "explorer/dist/**",
      "node_modules/**",
      "**/generated/**",
      "coverage/**",
      "artifacts/**",
      "reports/**",
      ".stryker-tmp/**",
      "examples/*/src/gql/**",
      "examples/*/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    // Jest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any` by design.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: "commonjs",
      globals: {
        module: "writable",
        require: "readonly",
        __dirname: "readonly",
        process: "readonly",
      },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The router's configuration (deploy/router/) belongs to no TypeScript project the linter could
    // read types from; `npm run typecheck` checks it through scripts/tsconfig.json.
    files: ["deploy/**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Mutation testing's config, its runner plugin and its scripts: plain ES modules for Node.
    files: ["stryker.config.mjs", "test/mutation/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: "module",
      globals: { process: "readonly", console: "readonly" },
    },
  },
  prettier,
);
