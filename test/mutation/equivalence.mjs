// Tells the survivors of a mutation report that equivalent-mutants.mjs lists apart from the others.
import { EQUIVALENT_MUTANTS } from "./equivalent-mutants.mjs";

const UNDETECTED = ["Survived", "NoCoverage"];

/**
 * For a report (Stryker's JSON): which of its mutants are listed as equivalent, and which entries of
 * the list name a mutant of a file in the report that is not there any more (the code changed), that
 * a test now kills (it was not equivalent after all), or that timed out. A timeout is how a run on a
 * busy machine reports a slow test as well as a hang: a listed mutant that timed out stays listed
 * (left out of the score without the equivalent ones, as if it had survived) and is noted, to be run
 * again alone.
 */
export function equivalenceIn(report) {
  const listed = new Set();
  const unmatched = [];
  const detected = [];
  const timedOut = [];
  for (const { mutants } of EQUIVALENT_MUTANTS) {
    for (const name of mutants) {
      const [file, line, mutator, replacement, { nth, original, column } = {}] = name;
      const result = report.files[file];
      if (!result) continue;
      const lines = result.source.split("\n");
      const matches = result.mutants.filter((mutant) => {
        const { start } = mutant.location;
        if (mutant.mutatorName !== mutator || mutant.replacement !== replacement) return false;
        if (lines[start.line - 1]?.trim() !== line) return false;
        if (nth !== undefined && occurrence(lines, start.line) !== nth) return false;
        if (column !== undefined && start.column - indentOf(lines[start.line - 1]) !== column)
          return false;
        return original === undefined || originalOf(lines, mutant) === original;
      });
      if (matches.length === 0) unmatched.push(name);
      for (const mutant of matches) {
        if (UNDETECTED.includes(mutant.status)) listed.add(mutant);
        else if (mutant.status === "Timeout") {
          listed.add(mutant);
          timedOut.push(name);
        } else if (mutant.status !== "CompileError") detected.push(name);
      }
    }
  }
  return { isEquivalent: (mutant) => listed.has(mutant), unmatched, detected, timedOut };
}

/** How many characters a line is indented by. */
function indentOf(line) {
  return line.length - line.trimStart().length;
}

/** Which of the identical lines of the file this one is, from 1. */
function occurrence(lines, lineNumber) {
  const text = lines[lineNumber - 1].trim();
  return lines.slice(0, lineNumber).filter((each) => each.trim() === text).length;
}

/** The first line of the code a mutant replaces. */
function originalOf(lines, { location: { start, end } }) {
  const line = lines[start.line - 1];
  return line.slice(start.column - 1, start.line === end.line ? end.column - 1 : undefined);
}
