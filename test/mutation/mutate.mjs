// `npm run mutate [-- options]`: Stryker on the critical modules, area by area, then their score by
// area and file.
//
//   npm run mutate                      every area, one after the other (incremental, see below)
//   npm run mutate -- --area transport  one area of test/mutation/areas.mjs
//   npm run mutate -- --area transport --files src/transport/sender.ts,src/transport/call.ts
//                                       some files of an area, kept with the area's other results
//   npm run mutate -- --since main      the critical files changed since a git ref (committed or not)
//   npm run mutate -- --mutate 'src/transport/sender.ts'   any Stryker option is passed on
//   npm run mutate -- --scores          only print the scores of the areas' last reports
//   npm run mutate -- --record          also keep the areas' results as the committed baseline
//
// Incremental: an area's run tests again only the mutants whose code or covering tests changed
// since its last run, or that a stopped run (Ctrl-C) had not reached. A fresh clone starts from
// the baseline in test/mutation/baseline/ (the results of the last recorded run, gzipped), so that
// it does not spend hours on what is known.
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { AREAS, areaOf } from "./areas.mjs";
import { equivalenceIn } from "./equivalence.mjs";

const root = join(import.meta.dirname, "..", "..");
const args = process.argv.slice(2);

/** Removes `--name value` from args and returns the value. */
function take(name) {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

/** Removes the flag `--name` from args and says whether it was there. */
function flag(name) {
  const at = args.indexOf(name);
  if (at !== -1) args.splice(at, 1);
  return at !== -1;
}

const scoresOnly = flag("--scores");
const record = flag("--record");
const area = take("--area");
const since = take("--since");
const areaFiles = take("--files")?.split(",").filter(Boolean);
if (area && !AREAS[area]) {
  console.error(`--area must be one of ${Object.keys(AREAS).join(", ")}, got "${area}"`);
  process.exit(2);
}
if (areaFiles && (!area || areaFiles.some((file) => areaOf(file) !== area))) {
  console.error(`--files needs --area, and files of that area: ${areaFiles.join(", ")}`);
  process.exit(2);
}

/** Where an area's reports and incremental results are; `files` for a run of chosen files. */
const reportsOf = (name) => join(root, "reports", "mutation", name);
/** Where Stryker keeps an area's results between runs. */
const incrementalOf = (name) => join(reportsOf(name), "incremental.json");
const baselineOf = (name) => join(root, "test", "mutation", "baseline", `${name}.json.gz`);

/** The runs to make: one per area, or one of the files changed since a ref or given. */
const runs = [];
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
  runs.push({ name: "files", env: { MUTATE_FILES: [...new Set(changed)].join(",") } });
} else if (args.includes("--mutate") || args.includes("-m")) {
  runs.push({ name: "files", env: { MUTATE_FILES: "" } });
} else {
  for (const name of area ? [area] : Object.keys(AREAS)) {
    const env = { MUTATE_AREA: name, ...(areaFiles && { MUTATE_FILES: areaFiles.join(",") }) };
    runs.push({ name, env, partial: Boolean(areaFiles) });
  }
}

// A signal stops Stryker, which saves what it has measured; this process goes on to keep that.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => undefined);

let status = 0;
const minutes = new Map();
if (!scoresOnly) {
  const stryker = join(root, "node_modules", ".bin", "stryker");
  for (const run of runs) {
    if (run.name !== "files") startFromBaseline(run.name);
    const earlier = run.partial ? readReport(incrementalOf(run.name)) : undefined;
    if (run.name !== "files") forgetStaticSurvivors(run.name, areaFiles);
    console.log(`\n=== mutating ${run.name}${run.partial ? `: ${areaFiles.join(", ")}` : ""}`);
    const started = Date.now();
    const result = spawnSync(stryker, ["run", ...args], {
      cwd: root,
      env: { ...process.env, ...run.env },
      stdio: "inherit",
    });
    minutes.set(run.name, (Date.now() - started) / 60000);
    // Stopped (Ctrl-C, a signal), Stryker saves what it has measured as its incremental results.
    const incremental = incrementalOf(run.name);
    const stopped = result.status !== 0 && existsSync(incremental) && mtime(incremental) >= started;
    if (result.status !== 0 && !stopped) {
      status = result.status ?? 1;
      break;
    }
    if (earlier) keepEarlierResults(run.name, earlier);
    if (record && run.name !== "files") keepAsBaseline(run.name);
    if (stopped) {
      console.log(
        `\n${run.name}: stopped; what was measured is kept, and the next run goes on from it`,
      );
      status = result.status ?? 1;
      break;
    }
  }
}
printScores(runs.map((run) => run.name));
process.exit(status);

/** The column a mutant counts in: its status, unless it is listed as equivalent. */
function countedAs(mutant, equivalence) {
  if (!equivalence.isEquivalent(mutant)) return mutant.status;
  return mutant.status === "Timeout" ? "ListedTimeout" : "Equivalent";
}

/** Puts the committed baseline where Stryker looks for its incremental results, if it has none. */
function startFromBaseline(name) {
  const incremental = incrementalOf(name);
  if (existsSync(incremental) || !existsSync(baselineOf(name))) return;
  mkdirSync(reportsOf(name), { recursive: true });
  writeFileSync(incremental, gunzipSync(readFileSync(baselineOf(name))));
  console.log(`${name}: starting from the recorded results in ${baselineOf(name)}`);
}

/**
 * Stryker reuses a mutant's earlier result unless a test that covered it changed. A static mutant
 * (code run while a module loads) is covered by no test in particular, so a survivor would be reused
 * even after a test that kills it was added: its result is dropped here, for the files about to be
 * run, so that it is tested again. Survivors are few; the killed keep their results.
 */
function forgetStaticSurvivors(name, files) {
  const incremental = incrementalOf(name);
  const report = readReport(incremental);
  if (!report) return;
  let forgotten = 0;
  for (const [file, result] of Object.entries(report.files)) {
    if (files && !files.includes(file)) continue;
    const kept = result.mutants.filter(
      (mutant) => !(mutant.static && ["Survived", "NoCoverage"].includes(mutant.status)),
    );
    forgotten += result.mutants.length - kept.length;
    result.mutants = kept;
  }
  if (forgotten === 0) return;
  writeFileSync(incremental, JSON.stringify(report));
  console.log(`${name}: ${forgotten} static mutant(s) that survived are tested again`);
}

function mtime(file) {
  return statSync(file).mtimeMs;
}

/** A mutation report (Stryker's JSON, as in an incremental file), or undefined if there is none. */
function readReport(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

/** An area's recorded results, or undefined if there are none. */
function readBaseline(name) {
  const file = baselineOf(name);
  return existsSync(file) ? JSON.parse(gunzipSync(readFileSync(file))) : undefined;
}

/**
 * After a run of some files of an area: Stryker's incremental file holds only the files it ran. The
 * area's other files keep their earlier results (which Stryker checks again against their code and
 * tests when it next runs them), so that an area can be measured a few files at a time.
 */
function keepEarlierResults(name, earlier) {
  const incremental = incrementalOf(name);
  const report = readReport(incremental);
  for (const [file, result] of Object.entries(earlier.files)) {
    if (!report.files[file] && areaOf(file) === name) report.files[file] = result;
  }
  for (const [file, tests] of Object.entries(earlier.testFiles ?? {})) {
    report.testFiles ??= {};
    report.testFiles[file] ??= tests;
  }
  writeFileSync(incremental, JSON.stringify(report));
}

function keepAsBaseline(name) {
  const incremental = incrementalOf(name);
  mkdirSync(join(root, "test", "mutation", "baseline"), { recursive: true });
  writeFileSync(baselineOf(name), gzipSync(readFileSync(incremental), { level: 9 }));
  console.log(`${name}: results recorded in ${baselineOf(name)}`);
}

/**
 * Mutation score per area and per file, as Stryker counts it: detected / (detected + undetected);
 * then the same without the survivors listed as equivalent (equivalent-mutants.mjs), which no test
 * can kill.
 */
function printScores(names) {
  const rows = new Map();
  // The column each status is counted in; a compile error counts nowhere.
  const columns = {
    Killed: "killed",
    Timeout: "timeout",
    Survived: "survived",
    NoCoverage: "noCoverage",
    Ignored: "ignored",
    Equivalent: "equivalent",
    // Listed as equivalent, and timed out: a timeout for Stryker's score, equivalent for the other.
    ListedTimeout: "listedTimeout",
  };
  const add = (key, mutantStatus) => {
    const row = rows.get(key) ?? Object.fromEntries(Object.values(columns).map((c) => [c, 0]));
    if (columns[mutantStatus]) row[columns[mutantStatus]] += 1;
    rows.set(key, row);
  };
  const notes = [];
  for (const name of names) {
    // An area's incremental file holds all its measured files, also those of earlier partial runs;
    // without one (a fresh clone), the recorded baseline.
    const report =
      name === "files"
        ? readReport(join(reportsOf(name), "mutation.json"))
        : (readReport(incrementalOf(name)) ?? readBaseline(name));
    if (!report) continue;
    const equivalence = equivalenceIn(report);
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const path = file.replace(/\\/g, "/");
      for (const mutant of mutants) {
        const counted = countedAs(mutant, equivalence);
        add(`${areaOf(path) ?? "other"}`, counted);
        add(`  ${path}`, counted);
      }
    }
    for (const [file, line, mutator] of equivalence.unmatched)
      notes.push(`listed as equivalent, but no such mutant now: ${file} "${line}" ${mutator}`);
    for (const [file, line, mutator] of equivalence.detected)
      notes.push(`listed as equivalent, but detected: ${file} "${line}" ${mutator}`);
    for (const [file, line, mutator] of equivalence.timedOut)
      notes.push(
        `timed out, though listed as equivalent (run it again alone): ${file} "${line}" ${mutator}`,
      );
  }
  if (rows.size === 0) return;
  const order = [...rows.keys()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  console.log(
    "\narea / file                                 score  killed  timeout  survived  no cov  equivalent  without equivalent  ignored  minutes",
  );
  const percent = (part, whole) => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`);
  for (const key of order) {
    const row = rows.get(key);
    const detected = row.killed + row.timeout;
    const undetected = row.survived + row.noCoverage;
    const timeouts = row.timeout + row.listedTimeout;
    const equivalent = row.equivalent + row.listedTimeout;
    const took = minutes.get(key);
    console.log(
      `${key.padEnd(42)} ${percent(row.killed + timeouts, row.killed + timeouts + undetected + row.equivalent).padStart(6)}` +
        ` ${String(row.killed).padStart(7)} ${String(timeouts).padStart(8)}` +
        ` ${String(row.survived).padStart(9)} ${String(row.noCoverage).padStart(7)}` +
        ` ${String(equivalent).padStart(11)} ${percent(detected, detected + undetected).padStart(19)}` +
        ` ${String(row.ignored).padStart(8)}` +
        (took === undefined ? "" : `  ${took.toFixed(1).padStart(7)}`),
    );
  }
  for (const note of notes) console.log(note);
}

/** Areas in the order of AREAS, each followed by its files. */
function sortKey(key) {
  const file = key.trim();
  const name = key.startsWith("  ") ? (areaOf(file) ?? "other") : key;
  const index = Object.keys(AREAS).indexOf(name);
  return `${String(index === -1 ? 99 : index).padStart(2, "0")} ${key.startsWith("  ") ? file : ""}`;
}
