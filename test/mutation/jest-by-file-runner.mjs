// A Stryker test runner: @stryker-mutator/jest-runner, except for which tests a mutant's run loads.
//
// 1. A mutant's run loads only the test files that hold the tests covering it. With per-test
//    coverage the jest runner gives jest the covering tests as a name pattern, and (with
//    findRelatedTests) every test file that imports the mutated file; here nearly every integration
//    test imports the whole server, so each run would load ~100 test files to skip almost all of
//    them, a second or more each.
// 2. A static mutant, whose code runs while a module loads or in a beforeAll (a table such as
//    BITRIX_ERROR_CODES, a constant, a gateway started and queried once per file), is covered by no
//    test in particular, and Stryker would run every test for it. Here it runs the tests of every
//    file whose beforeAll or afterAll ran it (hook-coverage-environment.mjs counts those), the tests
//    that cover it at run time, and those that run the code of its file; with none of these, the
//    tests that run the code of the mutated files importing it: the tests that read the table.
//    Only a module nothing else covers runs every related test.
//
// 3. A mutant's files run in growing groups (1, 1, 2, 4, … files), and the run stops at the first
//    group with a failing test. Jest cannot bail when it is run from code (the jest runner sets bail
//    off), so a mutant the first test kills would otherwise still run every file that covers it: up
//    to 47 files for a mutant of the error mapping. First come the files that killed most mutants
//    of the same source file so far (the tests written for it), then the cheapest. A survivor costs
//    a few more jest starts than one run; a killed mutant, usually one file.
//
// The dry run says which file each test is in and what each test covers; it runs in one worker
// process and the mutants in others, so that is kept in the sandbox for them.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { strykerPlugins as jestPlugins } from "@stryker-mutator/jest-runner";
import { HOOKS_OF } from "./hook-coverage-environment.mjs";

const jest = jestPlugins.find((plugin) => plugin.name === "jest");
if (!jest) throw new Error("@stryker-mutator/jest-runner declares no 'jest' test runner");

/**
 * Where the dry run leaves what the mutant runs need: the sandbox, every worker's directory (a
 * worker moves there after loading its plugins, so this is not known at load time).
 */
const dryRunFile = () => join(process.cwd(), ".stryker-dry-run.json");

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The ids of the mutants the instrumenter placed in a file. */
function mutantIdsIn(file) {
  return [...readFileSync(file, "utf8").matchAll(/stryMutAct_9fa48\("(\d+)"\)/g)].map((m) => m[1]);
}

/** Whether `file` imports `target` (both absolute, `target` with its .ts extension). */
function imports(file, target) {
  const text = readFileSync(file, "utf8");
  for (const [, specifier] of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
    if (`${resolve(dirname(file), specifier)}.ts` === target) return true;
  }
  return false;
}

function jestByFileFactory(injector) {
  const runner = jest.factory(injector);
  /** @type {{ filesByTest: Record<string, string[]>, msByTest: Record<string, number>, testsByMutant: Record<string, string[]>, hookFilesByMutant: Record<string, string[]>, testsByFile: Record<string, string[]>, mutated: string[] } | undefined} */
  let dry;
  /** The test files the next jest run is limited to; undefined: as the jest runner decides. */
  let only;

  const adapter = runner.jestTestAdapter;
  runner.jestTestAdapter = {
    run: (settings) =>
      adapter.run(
        only ? { ...settings, testFiles: only, fileNamesUnderTest: undefined } : settings,
      ),
  };

  const dryRun = runner.dryRun.bind(runner);
  runner.dryRun = async (options) => {
    const result = await dryRun(options);
    if (result.status === "complete") {
      const filesByTest = {};
      const msByTest = {};
      for (const test of result.tests) {
        if (!test.fileName) continue;
        const files = (filesByTest[test.id] ??= []);
        if (!files.includes(test.fileName)) files.push(test.fileName);
        msByTest[test.id] = (msByTest[test.id] ?? 0) + test.timeSpentMs;
      }
      const testsByMutant = {};
      /** The test files whose beforeAll or afterAll ran each mutant's code. */
      const hookFilesByMutant = {};
      const coverage = result.mutantCoverage ?? { static: {}, perTest: {} };
      for (const [test, mutants] of Object.entries(coverage.perTest)) {
        if (test.startsWith(HOOKS_OF)) {
          // No test has this id: give it back to Stryker as static coverage, and keep the file.
          delete coverage.perTest[test];
          for (const [id, hits] of Object.entries(mutants)) {
            coverage.static[id] = (coverage.static[id] ?? 0) + hits;
            (hookFilesByMutant[id] ??= []).push(test.slice(HOOKS_OF.length));
          }
          continue;
        }
        for (const id of Object.keys(mutants)) (testsByMutant[id] ??= []).push(test);
      }
      const testsByFile = {};
      for (const [test, files] of Object.entries(filesByTest)) {
        for (const file of files) (testsByFile[file] ??= []).push(test);
      }
      dry = {
        filesByTest,
        msByTest,
        testsByMutant,
        hookFilesByMutant,
        testsByFile,
        mutated: options.files ?? [],
      };
      writeFileSync(dryRunFile(), JSON.stringify(dry));
    }
    return result;
  };

  /** The tests that run the code of `file` (a mutated one) at run time. */
  const testsRunning = (file) => [
    ...new Set(mutantIdsIn(file).flatMap((id) => dry.testsByMutant[id] ?? [])),
  ];

  /** Tests for a static mutant: see 2. above; undefined for every related test. */
  function testsForStatic(id, file) {
    const atRunTime = [
      ...new Set([
        ...(dry.hookFilesByMutant[id] ?? []).flatMap((testFile) => dry.testsByFile[testFile] ?? []),
        ...(dry.testsByMutant[id] ?? []),
        ...testsRunning(file),
      ]),
    ];
    if (atRunTime.length > 0) return atRunTime;
    const importers = dry.mutated.filter((other) => other !== file && imports(other, file));
    const throughImporters = [...new Set(importers.flatMap(testsRunning))];
    return throughImporters.length > 0 ? throughImporters : undefined;
  }

  /** How many mutants of a source file each test file has killed in this run: source → test → count. */
  const killers = new Map();

  /** Counts a kill of a mutant of `source` by the files of the killing tests in `group`. */
  function recordKill(source, group, killedBy) {
    const counts = killers.get(source) ?? new Map();
    killers.set(source, counts);
    for (const entry of group) {
      if (entry.tests.some((id) => killedBy.includes(id))) {
        counts.set(entry.file, (counts.get(entry.file) ?? 0) + 1);
      }
    }
  }

  /**
   * `tests` by the file they are in: the files that killed most mutants of `source` first, then the
   * cheapest (by the dry run's time of those tests).
   */
  function filesInOrder(source, tests) {
    const kills = killers.get(source) ?? new Map();
    const byFile = new Map();
    for (const id of tests) {
      for (const file of dry.filesByTest[id] ?? []) {
        const entry = byFile.get(file) ?? { file, tests: [], ms: 0 };
        entry.tests.push(id);
        entry.ms += dry.msByTest?.[id] ?? 0;
        byFile.set(file, entry);
      }
    }
    const killed = (entry) => kills.get(entry.file) ?? 0;
    return [...byFile.values()].sort((a, b) => killed(b) - killed(a) || a.ms - b.ms);
  }

  /** Runs `tests` in `files` (undefined: as the jest runner decides) with the mutant active. */
  async function runIn(options, files, tests) {
    only = files?.map(escapeRegExp);
    try {
      return await mutantRun({ ...options, testFilter: tests });
    } finally {
      only = undefined;
    }
  }

  const mutantRun = runner.mutantRun.bind(runner);
  runner.mutantRun = async (options) => {
    dry ??= JSON.parse(readFileSync(dryRunFile(), "utf8"));
    const testFilter =
      options.testFilter ?? testsForStatic(options.activeMutant.id, options.sandboxFileName);
    const source = options.sandboxFileName;
    const files = testFilter ? filesInOrder(source, testFilter) : [];
    if (files.length === 0) return runIn(options, undefined, testFilter);
    // Every killing test is wanted (disableBail): one run of every file.
    if (options.disableBail) {
      return runIn(
        options,
        files.map((entry) => entry.file),
        testFilter,
      );
    }
    let nrOfTests = 0;
    for (let start = 0, size = 1; start < files.length; start += size, size = Math.max(1, start)) {
      const group = files.slice(start, start + size);
      const result = await runIn(
        options,
        group.map((entry) => entry.file),
        group.flatMap((entry) => entry.tests),
      );
      if (result.status === "killed") recordKill(source, group, result.killedBy);
      if (result.status !== "survived") return result;
      nrOfTests += result.nrOfTests;
    }
    return { status: "survived", nrOfTests };
  };
  return runner;
}
jestByFileFactory.inject = jest.factory.inject;

export const strykerPlugins = [
  { kind: jest.kind, name: "jest-by-file", factory: jestByFileFactory },
];
