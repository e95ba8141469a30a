// Mutation testing of the critical modules (docs/testing.md): `npm run mutate`. Every mutant is
// type-checked first, then run against the tests that covered its code in the dry run, and only
// those. test/mutation/mutate.mjs narrows the run (MUTATE_AREA, MUTATE_FILES) and prints the scores.
import { join } from "node:path";
import { AREAS } from "./test/mutation/areas.mjs";

const area = process.env.MUTATE_AREA;
const files = process.env.MUTATE_FILES?.split(",").filter(Boolean);
if (area && !AREAS[area]) {
  throw new Error(`MUTATE_AREA must be one of ${Object.keys(AREAS).join(", ")}, got "${area}"`);
}
// A narrowed run keeps its reports and incremental results apart, so that it never overwrites the
// results of the whole run (an incremental file holds only the files of its own run).
const reports = `reports/mutation${area ? `/${area}` : files ? "/files" : ""}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  mutate: files ?? (area ? AREAS[area] : Object.values(AREAS).flat()),
  appendPlugins: ["./test/mutation/jest-by-file-runner.mjs"],
  testRunner: "jest-by-file",
  jest: {
    projectType: "custom",
    configFile: "jest.config.js",
    config: {
      // The process check's teardown waits up to 20 s for stray processes, after every mutant's run;
      // the suite run still checks that. What needs a browser or starts the gateway as a process
      // cannot report coverage to Stryker (and would only be slow). Application mode's tests start
      // PostgreSQL and Redis servers of their own for each test, and time out in one busy process;
      // the critical modules they pass through are covered by the integration tests.
      // Counts what a file's beforeAll runs for that file (see the environment).
      // An absolute path: Stryker's environment wrapper requires it as given, without <rootDir>.
      testEnvironment: join(
        import.meta.dirname,
        "test",
        "mutation",
        "hook-coverage-environment.mjs",
      ),
      globalSetup: undefined,
      globalTeardown: undefined,
      // src/ too, so that jest's module graph (findRelatedTests) sees that a test importing the server
      // depends on every module the server imports; with test/ alone it stops at the first src file.
      roots: ["<rootDir>/test", "<rootDir>/src"],
      testPathIgnorePatterns: [
        "/node_modules/",
        "/test/examples/",
        "/test/frontend/explorer\\.test\\.ts$",
        "/test/hardening/process\\.test\\.ts$",
        "/test/application/",
        "/test/app/",
      ],
    },
    // The dry run loads only the test files that import a mutated file (most do).
    enableFindRelatedTests: true,
  },
  coverageAnalysis: "perTest",
  // A static mutant (a table, a constant: code that runs while a module loads) runs the tests that
  // read its module at run time, not all of them (see the runner).
  ignoreStatic: false,
  warnings: { slow: false },
  // Jest compiles through SWC, which never type-checks: no need for Stryker's `// @ts-nocheck` (which
  // would also change the generated files a test compares with codegen's output).
  disableTypeChecks: false,
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Two cores, shared: one test runner and the checker. `npm run mutate -- --concurrency 2` for more.
  concurrency: 1,
  // A busy machine runs a test slower than the dry run measured: allow for it before calling it a
  // timeout (which counts as killed).
  timeoutMS: 20000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 30,
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  ignorePatterns: [
    "dist",
    "coverage",
    "artifacts",
    "reports",
    "explorer/dist",
    "examples/*/dist",
    "examples/*/node_modules",
  ],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
