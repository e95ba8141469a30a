import { spawn } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runMarkerEnv } from "../process-check/processes";

const ROOT = join(__dirname, "..", "..");

/** What `npm start` runs before the gateway (package.json's prestart), from the project root. */
const PRESTART = ["scripts/build.mjs", "--if-stale"];

/** What the build reads (scripts/build.mjs's BUILD_INPUTS); the copy is built, never dist/ here. */
const INPUTS = [
  "src",
  "bench",
  "explorer/src",
  "explorer/build.mjs",
  "explorer/tsconfig.json",
  "scripts/build.mjs",
  "tsconfig.json",
  "tsconfig.build.json",
  "package.json",
  "package-lock.json",
];

/** A build compiles (~7 s alone, far more on a busy machine); the bound only ends a hung one. */
const BUILD_BOUND_MS = 240_000;

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "b24gw-start-build-"));
  for (const input of INPUTS) cpSync(join(ROOT, input), join(project, input), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"), "dir");
  expect(INPUTS).toEqual(buildInputsDeclared());
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** The BUILD_INPUTS list of scripts/build.mjs, so that this copy holds exactly what it reads. */
function buildInputsDeclared(): string[] {
  const source = readFileSync(join(ROOT, "scripts", "build.mjs"), "utf8");
  const list = /const BUILD_INPUTS = \[([^\]]*)\]/.exec(source)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

/** Runs the prestart step in the copy: its exit code and what it printed. */
const prestart = () => runBuildScript(PRESTART);

/** Asks the build script only whether the copy's build is current; builds nothing. */
const check = () => runBuildScript(["scripts/build.mjs", "--check"]);

function runBuildScript(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: project,
      env: { PATH: process.env.PATH ?? "", ...runMarkerEnv() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const bound = setTimeout(() => child.kill("SIGKILL"), BUILD_BOUND_MS);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(bound);
      resolve({ code, output });
    });
  });
}

const entry = () => join(project, "dist", "src", "index.js");
const builtAt = () => statSync(entry()).mtimeMs;

describe("npm start builds only when dist/ is not current", () => {
  let firstBuild: number;

  it(
    "builds when there is no build, and stamps it",
    async () => {
      const { code, output } = await prestart();
      expect(code).toBe(0);
      expect(output).toContain("Building: dist/src/index.js is missing.");
      expect(existsSync(entry())).toBe(true);
      expect(existsSync(join(project, "explorer", "dist", "graphiql.js"))).toBe(true);
      expect(existsSync(join(project, "dist", ".build-stamp.json"))).toBe(true);
      firstBuild = builtAt();
    },
    BUILD_BOUND_MS,
  );

  it("does not build again while nothing changed", async () => {
    const { code, output } = await prestart();
    expect({ code, output }).toEqual({
      code: 0,
      output: "Build is current (dist/ matches the sources): not rebuilding.\n",
    });
    expect(builtAt()).toBe(firstBuild);
  });

  it("judges by content: a source touched without a change does not rebuild", async () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(project, "src", "clock.ts"), later, later);
    const { code, output } = await prestart();
    expect(code).toBe(0);
    expect(output).toContain("Build is current");
    expect(builtAt()).toBe(firstBuild);
  });

  it(
    "rebuilds when a source changes, and the change is in dist/",
    async () => {
      appendFileSync(join(project, "src", "clock.ts"), "\nexport const buildProbe = 1;\n");
      expect(await check()).toEqual({
        code: 1,
        output: "Build is stale: the sources changed since the last build.\n",
      });
      const { code, output } = await prestart();
      expect(code).toBe(0);
      expect(output).toContain("Building: the sources changed since the last build.");
      expect(readFileSync(join(project, "dist", "src", "clock.js"), "utf8")).toContain(
        "buildProbe",
      );
      expect(await check()).toMatchObject({ code: 0 });
    },
    BUILD_BOUND_MS,
  );

  it("counts a deleted source and a missing output as changes", async () => {
    const source = join(project, "src", "clock.ts");
    const kept = readFileSync(source);
    rmSync(source);
    expect(await check()).toMatchObject({ code: 1 });
    writeFileSync(source, kept);
    expect(await check()).toMatchObject({ code: 0 });

    const bundle = join(project, "explorer", "dist", "graphiql.js");
    renameSync(bundle, `${bundle}.away`);
    expect(await check()).toEqual({
      code: 1,
      output: "Build is stale: explorer/dist/graphiql.js is missing.\n",
    });
    renameSync(`${bundle}.away`, bundle);
    expect(await check()).toMatchObject({ code: 0 });
  });

  it(
    "fails with the compiler's error and does not take a failed build for a current one",
    async () => {
      const file = join(project, "src", "clock.ts");
      const source = readFileSync(file, "utf8");
      writeFileSync(file, `${source}\nexport const broken: number = "not a number";\n`);
      const failed = await prestart();
      expect(failed.code).not.toBe(0);
      expect(failed.output).toContain("error TS2322");

      // The compiler emitted dist/ all the same; the missing stamp is what says it is not a build.
      writeFileSync(file, source);
      expect(existsSync(entry())).toBe(true);
      expect(await check()).toEqual({
        code: 1,
        output: "Build is stale: there is no build stamp.\n",
      });
    },
    BUILD_BOUND_MS,
  );
});
