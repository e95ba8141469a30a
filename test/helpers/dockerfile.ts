import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DockerfileParser, type Instruction } from "dockerfile-ast";

/** The project root: the image's build context. */
export const CONTEXT = join(__dirname, "..", "..");

/** One instruction of a stage, as the builder reads it. */
export interface Step {
  keyword: string;
  /** `--name=value` flags (`COPY --from=build` gives { from: "build" }). */
  flags: Record<string, string>;
  /** The arguments after the flags, split on whitespace as the shell form is. */
  args: string[];
  /** The arguments as one text, continuation lines joined. */
  text: string;
  line: number;
}

export interface Stage {
  name: string;
  /** The base image, build arguments substituted. */
  from: string;
  steps: Step[];
}

export interface ImageRecipe {
  stages: Stage[];
  /** The stage that is the image: the last one. */
  final: Stage;
  /** ENV of the final stage. */
  env: Record<string, string>;
  /** CMD of the final stage, exec form. */
  cmd: string[];
  /** HEALTHCHECK of the final stage: its flags and its exec-form command. */
  healthcheck: { flags: Record<string, string>; cmd: string[] };
  /** USER of the final stage. */
  user: string | undefined;
}

/** Reads the Dockerfile at the context's root with the parser of dockerfile-utils' linter. */
export function readImageRecipe(path = join(CONTEXT, "Dockerfile")): ImageRecipe {
  const dockerfile = DockerfileParser.parse(readFileSync(path, "utf8"));
  const buildArgs = Object.fromEntries(
    dockerfile
      .getInitialARGs()
      .map((arg) => [arg.getProperty()?.getName() ?? "", arg.getProperty()?.getValue() ?? ""]),
  );
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") {
      const [image = "", as, name] = instruction.getArguments().map((arg) => arg.getValue());
      stages.push({
        name: as?.toUpperCase() === "AS" && name ? name : String(stages.length),
        from: image.replace(/\$\{(\w+)\}/g, (_whole, arg: string) => buildArgs[arg] ?? ""),
        steps: [],
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.steps.push(stepOf(instruction));
    }
  }
  const final = stages[stages.length - 1];
  if (!final) throw new Error("the Dockerfile has no FROM");
  const last = (keyword: string) => final.steps.filter((step) => step.keyword === keyword).pop();
  const cmd = last("CMD");
  const healthcheck = last("HEALTHCHECK");
  if (!cmd || !healthcheck) throw new Error("the final stage needs a CMD and a HEALTHCHECK");
  const healthcheckText = healthcheck.text.replace(/^(--\S+\s+)*/, "");
  if (!healthcheckText.startsWith("CMD ")) {
    throw new Error(`HEALTHCHECK must be "CMD [...]", got ${healthcheckText}`);
  }
  return {
    stages,
    final,
    env: Object.fromEntries(
      final.steps
        .filter((step) => step.keyword === "ENV")
        .flatMap((step) => step.args.map((pair) => pair.split(/=(.*)/s).slice(0, 2))),
    ) as Record<string, string>,
    cmd: execForm(cmd.text, "CMD"),
    healthcheck: {
      flags: healthcheck.flags,
      cmd: execForm(healthcheckText.slice("CMD ".length), "HEALTHCHECK CMD"),
    },
    user: last("USER")?.args[0],
  };
}

function stepOf(instruction: Instruction): Step {
  const withFlags = instruction as Instruction & {
    getFlags?: () => Array<{ getName(): string; getValue(): string | null }>;
  };
  return {
    keyword: instruction.getKeyword(),
    flags: Object.fromEntries(
      (withFlags.getFlags?.() ?? []).map((flag) => [flag.getName(), flag.getValue() ?? ""]),
    ),
    args: instruction.getArguments().map((arg) => arg.getValue()),
    text: instruction.getArgumentsContent() ?? "",
    line: instruction.getRange().start.line + 1,
  };
}

/** The exec form (a JSON array of strings), which runs its program with no shell in between. */
function execForm(text: string, what: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${what} must be in exec form (a JSON array), got ${text}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === "string")) {
    throw new Error(`${what} must be a JSON array of strings, got ${text}`);
  }
  return parsed;
}

/**
 * Whether .dockerignore keeps `path` (relative to the context, with forward slashes) in the build
 * context. The subset of its syntax the file uses: `*`, a plain path, and `!` before either; a
 * pattern matches a path or any folder above it, and the last matching line decides.
 */
export function inBuildContext(path: string, ignoreFile = join(CONTEXT, ".dockerignore")): boolean {
  const rules = readFileSync(ignoreFile, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => ({
      keep: line.startsWith("!"),
      pattern: line.replace(/^!/, "").replace(/^\/|\/$/g, ""),
    }));
  for (const { pattern } of rules) {
    if (pattern !== "*" && /[*?[\]]/.test(pattern)) {
      throw new Error(`.dockerignore: this check reads "*" and plain paths only, got ${pattern}`);
    }
  }
  const parts = path.split("/");
  const prefixes = parts.map((_part, index) => parts.slice(0, index + 1).join("/"));
  let kept = true;
  for (const { keep, pattern } of rules) {
    const matches = pattern === "*" ? true : prefixes.includes(pattern);
    if (matches) kept = keep;
  }
  return kept;
}
