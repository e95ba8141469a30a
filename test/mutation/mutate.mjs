// `npm run mutate [-- options]`: Stryker on the critical modules, then their score by area and file.
//
//   npm run mutate                      every area (incremental: only what changed since the last run)
//   npm run mutate -- --area transport  one area of test/mutation/areas.mjs
//   npm run mutate -- --since main      the critical files changed since a git ref (committed or not)
//   npm run mutate -- --mutate 'src/transport/sender.ts'   any Stryker option is passed on
//   npm run mutate -- --scores          only print the scores of the last run's report
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AREAS, areaOf } from "./areas.mjs";

const root = join(import.meta.dirname, "..", "..");
const args = process.argv.slice(2);
const env = { ...process.env };

/** Removes `--name value` from args and returns the value. */
function take(name) {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

const scoresOnly = args.includes("--scores");
if (scoresOnly) args.splice(args.indexOf("--scores"), 1);
const area = take("--area");
const since = take("--since");
if (area) env.MUTATE_AREA = area;
if (since) {
  const git = (...gitArgs) => execFileSync("git", gitArgs, { cwd: root, encoding: "utf8" });
  const changed = [
    ...git("diff", "--name-only", since, "--", "src").split("\n"),
    ...git("ls-files", "--others", "--exclude-standard", "--", "src").split("\n"),
  ].filter((file) => file && areaOf(file) && existsSync(join(root, file)));
  if (changed.length === 0) {
    console.log(`No critical module changed since ${since}: nothing to mutate.`);
    process.exit(0);
  }
  console.log(`Changed since ${since}: ${changed.join(", ")}`);
  env.MUTATE_FILES = [...new Set(changed)].join(",");
}
if (args.includes("--mutate") || args.includes("-m")) env.MUTATE_FILES ??= "given";

const reports = join(
  root,
  "reports",
  "mutation",
  ...(env.MUTATE_AREA ? [env.MUTATE_AREA] : env.MUTATE_FILES ? ["files"] : []),
);
if (env.MUTATE_FILES === "given") env.MUTATE_FILES = "";

let status = 0;
if (!scoresOnly) {
  const started = Date.now();
  const stryker = join(root, "node_modules", ".bin", "stryker");
  status = spawnSync(stryker, ["run", ...args], { cwd: root, env, stdio: "inherit" }).status ?? 1;
  console.log(`\nwall time: ${((Date.now() - started) / 60000).toFixed(1)} min`);
}
printScores(join(reports, "mutation.json"));
process.exit(status);

/** Mutation score per area and per file, as Stryker counts it: detected / (detected + undetected). */
function printScores(reportFile) {
  if (!existsSync(reportFile)) return;
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  const rows = new Map();
  const add = (key, status) => {
    const row = rows.get(key) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
    if (status === "Killed") row.killed += 1;
    else if (status === "Timeout") row.timeout += 1;
    else if (status === "Survived") row.survived += 1;
    else if (status === "NoCoverage") row.noCoverage += 1;
    else if (status === "Ignored") row.ignored += 1;
    rows.set(key, row);
  };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const name = file.replace(/\\/g, "/");
    for (const { status: mutantStatus } of mutants) {
      add(`${areaOf(name) ?? "other"}`, mutantStatus);
      add(`  ${name}`, mutantStatus);
    }
  }
  const order = [...rows.keys()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  console.log(
    "\narea / file                                 score  killed  timeout  survived  no cov  ignored",
  );
  for (const key of order) {
    const row = rows.get(key);
    const detected = row.killed + row.timeout;
    const valid = detected + row.survived + row.noCoverage;
    const score = valid === 0 ? "  n/a" : `${((100 * detected) / valid).toFixed(1)}%`.padStart(6);
    console.log(
      `${key.padEnd(42)} ${score} ${String(row.killed).padStart(7)} ${String(row.timeout).padStart(8)} ` +
        `${String(row.survived).padStart(9)} ${String(row.noCoverage).padStart(7)} ${String(row.ignored).padStart(8)}`,
    );
  }
}

/** Areas in the order of AREAS, each followed by its files. */
function sortKey(key) {
  const file = key.trim();
  const area = key.startsWith("  ") ? (areaOf(file) ?? "other") : key;
  const index = Object.keys(AREAS).indexOf(area);
  return `${String(index === -1 ? 99 : index).padStart(2, "0")} ${key.startsWith("  ") ? file : ""}`;
}
