// The test environment of `npm run mutate`'s dry run: jest's node environment, with what a test
// file's beforeAll and afterAll hooks run counted for that file.
//
// Stryker's per-test coverage counts code run outside a test (a gateway started and queried in a
// beforeAll) as "static", covered by no test in particular. Here such code is counted under a
// test id of its own, `beforeAll <file>`, which test/mutation/jest-by-file-runner.mjs turns back
// into static coverage, remembering the file: a static mutant then runs that file's tests too.
import { TestEnvironment } from "jest-environment-node";

/** The test id that a file's beforeAll and afterAll hooks are counted under. */
export const HOOKS_OF = "beforeAll ";

export default class HookCoverageEnvironment extends TestEnvironment {
  #testPath;

  constructor(config, context) {
    super(config, context);
    this.#testPath = context.testPath;
  }

  async handleTestEvent(event) {
    // Stryker's environment (which wraps this one) sets the running test's id on test_start and
    // clears it on test_done; hooks run outside those.
    const stryker = this.global.__stryker__;
    if (!stryker || (event.hook?.type !== "beforeAll" && event.hook?.type !== "afterAll")) return;
    if (event.name === "hook_start") stryker.currentTestId = `${HOOKS_OF}${this.#testPath}`;
    else if (event.name === "hook_success" || event.name === "hook_failure") {
      stryker.currentTestId = undefined;
    }
  }
}
