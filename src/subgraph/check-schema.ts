/**
 * `npm run schema:check [-- <base>] [--allow-missing-base]`: compares the working schema (built from
 * the code, as `npm run schema` prints it) with a committed subgraph schema, using
 * @graphql-inspector/core's `diff`, and fails on a breaking change that was not announced.
 *
 * <base>  what to compare against; default `HEAD`, the schema of the last commit:
 *           - a path to an SDL file, e.g. `/tmp/booking.graphql`
 *           - a git revision, e.g. `HEAD~1`, `main`, a commit id: its `schema/booking.graphql`
 *           - `<revision>:<path>` for another file at a revision, path relative to the project
 * --allow-missing-base
 *         exit 0 with a note when the base cannot be read: no such revision (the first commit, a
 *         shallow clone, not a git checkout) or no schema file in it. CI uses this.
 * --announcements <file>
 *         the announcement list; default `schema/breaking-changes.json`.
 *
 * Announcing a breaking change: in the same change, add an entry to schema/breaking-changes.json:
 *
 *   { "announced": [ { "coordinate": "Booking.legacyField", "type": "FIELD_REMOVED",
 *                      "reason": "Deprecated since 0.3; removal announced in CHANGELOG 0.4" } ] }
 *
 * `coordinate` is the path this script prints for the change (graphql-inspector's `path`); `type`
 * (optional) narrows the entry to one kind of change at that coordinate. An entry that no longer
 * matches anything is harmless, and may be dropped once every consumer has moved on.
 *
 * Exit codes: 0 no unannounced breaking change; 1 at least one; 2 the base or the announcements
 * could not be read. Dangerous changes (e.g. a new enum value) are listed but do not fail.
 * Needs the devDependency @graphql-inspector/core, so run it from a full install (`npm ci`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { Change } from "@graphql-inspector/core";
import { projectRoot } from "../project-root";
import { buildGatewaySchema } from "./build-schema";
import { compareSchemas, parseAnnouncements, subgraphSchemaFromSdl } from "./schema-diff";

export const SCHEMA_PATH = "schema/booking.graphql";
export const ANNOUNCEMENTS_PATH = "schema/breaking-changes.json";

/** Where the committed schema to compare against comes from. */
export type SchemaBase =
  { kind: "file"; path: string } | { kind: "git"; revision: string; path: string };

/** A file when one exists at `arg` or it names a .graphql file, else `<revision>[:<path>]`. */
export function resolveBase(arg: string, root: string): SchemaBase {
  const path = isAbsolute(arg) ? arg : join(root, arg);
  const colon = arg.indexOf(":");
  if (existsSync(path) || (colon === -1 && /\.(graphql|gql)$/.test(arg))) {
    return { kind: "file", path };
  }
  return colon === -1
    ? { kind: "git", revision: arg, path: SCHEMA_PATH }
    : { kind: "git", revision: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

export function describeBase(base: SchemaBase): string {
  return base.kind === "file" ? base.path : `${base.revision}:${base.path}`;
}

/** The base's SDL; throws with git's own message when the revision or the file is missing. */
function readBase(base: SchemaBase, root: string): string {
  if (base.kind === "file") return readFileSync(base.path, "utf8");
  // `./` makes the path relative to the project, wherever the repository root is.
  return execFileSync("git", ["show", `${base.revision}:./${base.path}`], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

interface Output {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function checkSchema(
  argv: readonly string[],
  io: Output = consoleOutput,
  root: string = projectRoot(),
): Promise<number> {
  const args = [...argv];
  const allowMissing = takeFlag(args, "--allow-missing-base");
  const announcementsFile = takeOption(args, "--announcements") ?? join(root, ANNOUNCEMENTS_PATH);
  if (args.length > 1 || args[0]?.startsWith("--")) {
    io.err(`schema:check: expected at most one <base> argument, got ${JSON.stringify(argv)}`);
    return 2;
  }
  const base = resolveBase(args[0] ?? "HEAD", root);

  let baseSdl: string;
  try {
    baseSdl = readBase(base, root);
  } catch (error) {
    const reason = errorText(error);
    if (allowMissing) {
      io.out(`schema:check: skipped, no schema at ${describeBase(base)} (${reason})`);
      return 0;
    }
    io.err(`schema:check: cannot read ${describeBase(base)}: ${reason}`);
    return 2;
  }

  let announcements;
  try {
    announcements = existsSync(announcementsFile)
      ? parseAnnouncements(readFileSync(announcementsFile, "utf8"), announcementsFile)
      : [];
  } catch (error) {
    io.err(`schema:check: ${errorText(error)}`);
    return 2;
  }

  const comparison = await compareSchemas(
    subgraphSchemaFromSdl(baseSdl),
    await buildGatewaySchema(),
    announcements,
  );
  io.out(`schema:check: working schema against ${describeBase(base)}`);
  for (const change of comparison.unannounced) io.out(line("BREAKING", change));
  for (const change of comparison.announced) io.out(line("announced breaking", change));
  for (const change of comparison.dangerous) io.out(line("dangerous", change));
  io.out(
    `${comparison.unannounced.length} unannounced breaking, ${comparison.announced.length} announced breaking, ` +
      `${comparison.dangerous.length} dangerous, ${comparison.safe.length} safe change(s)`,
  );
  if (comparison.unannounced.length === 0) return 0;
  io.err(
    `schema:check: ${comparison.unannounced.length} breaking change(s) not announced. Keep the old ` +
      `schema working, or announce each in ${ANNOUNCEMENTS_PATH} ({ "coordinate", "type", "reason" }).`,
  );
  return 1;
}

function line(label: string, change: Change): string {
  return `  ${label}  ${change.type}  ${change.path ?? "(schema)"}  ${change.message}`;
}

function takeFlag(args: string[], flag: string): boolean {
  const index = args.indexOf(flag);
  if (index === -1) return false;
  args.splice(index, 1);
  return true;
}

function takeOption(args: string[], option: string): string | undefined {
  const index = args.indexOf(option);
  if (index === -1) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
}

function errorText(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === "string" && stderr.trim() ? stderr : String(error);
  return text.trim().split("\n")[0] ?? text;
}

if (require.main === module) {
  void checkSchema(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
