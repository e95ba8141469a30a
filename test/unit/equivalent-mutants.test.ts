import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

// The list of equivalent mutants (test/mutation/equivalent-mutants.mjs) names mutants of the recorded
// mutation results; a name that matches none, or a mutant a test kills, means the list went stale.
describe("the list of equivalent mutants", () => {
  it("names only mutants that the recorded results hold and that no test detects", () => {
    const scores = execFileSync(process.execPath, ["test/mutation/mutate.mjs", "--scores"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(scores).toMatch(/without equivalent/);
    expect(scores.split("\n").filter((line) => line.startsWith("listed as equivalent"))).toEqual(
      [],
    );
  });
});
