import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix, relative, sep } from "node:path";
import { runMarkerEnv } from "../process-check/processes";
import {
  CONTEXT,
  inBuildContext,
  readImageRecipe,
  type ImageRecipe,
  type Stage,
} from "./dockerfile";

/**
 * The image's file system, laid out by following the Dockerfile's stages without a container
 * engine: each stage's WORKDIR is a folder of its own under the system's temporary folder (outside
 * the project, so that no module resolves from the project's node_modules by accident), COPY copies
 * what .dockerignore lets into the build context, and RUN runs its command there. One shortcut: the
 * build stage's full `npm ci` (every devDependency, minutes on this machine) is replaced by a link to
 * the project's own node_modules, which that same command installed; the runtime stage's
 * `npm ci --omit=dev` runs for real.
 */
export interface ImageLayout {
  recipe: ImageRecipe;
  /** The final stage's WORKDIR, the container's /app: run the CMD here. */
  app: string;
  /** Every stage's WORKDIR by stage name. */
  stages: Record<string, string>;
  /** What each RUN printed, for a failure's message. */
  log: string;
  remove(): void;
}

/** What a RUN may take at most: an `npm ci` from the cache, a compile, on a busy machine. */
const RUN_BOUND_MS = 240_000;

export async function layOutImage(): Promise<ImageLayout> {
  const recipe = readImageRecipe();
  const root = mkdtempSync(join(tmpdir(), "b24gw-image-"));
  const stages: Record<string, string> = {};
  const layout: ImageLayout = {
    recipe,
    app: "",
    stages,
    log: "",
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  try {
    for (const stage of recipe.stages) {
      stages[stage.name] = await runStage(stage, join(root, stage.name), stages, layout);
    }
  } catch (error) {
    layout.remove();
    throw error;
  }
  layout.app = stages[recipe.final.name]!;
  return layout;
}

async function runStage(
  stage: Stage,
  folder: string,
  earlier: Record<string, string>,
  layout: ImageLayout,
): Promise<string> {
  let workdir: string | undefined;
  const env: Record<string, string> = {};
  const where = (step: { line: number }) => `Dockerfile line ${step.line}`;
  for (const step of stage.steps) {
    switch (step.keyword) {
      case "WORKDIR":
        if (step.args[0] !== "/app")
          throw new Error(`${where(step)}: only WORKDIR /app is laid out`);
        workdir = folder;
        mkdirSync(workdir, { recursive: true });
        break;
      case "ENV":
        for (const pair of step.args) {
          const [name = "", value = ""] = pair.split(/=(.*)/s);
          env[name] = value;
        }
        break;
      case "COPY": {
        if (!workdir) throw new Error(`${where(step)}: COPY before WORKDIR`);
        const sources = step.args.slice(0, -1);
        const target = step.args[step.args.length - 1]!;
        for (const source of sources) {
          const from = step.flags.from;
          if (from === undefined) {
            copyFromContext(source, workdir, target, where(step));
          } else {
            const stageFolder = earlier[from];
            if (!stageFolder) throw new Error(`${where(step)}: no earlier stage ${from}`);
            if (!source.startsWith("/app/")) {
              throw new Error(`${where(step)}: only paths under /app are laid out, got ${source}`);
            }
            copyInto(join(stageFolder, source.slice("/app/".length)), workdir, target, sources);
          }
        }
        break;
      }
      case "RUN": {
        if (!workdir) throw new Error(`${where(step)}: RUN before WORKDIR`);
        const command = step.args.join(" ");
        if (/^npm ci\b/.test(command) && !step.args.includes("--omit=dev")) {
          symlinkSync(join(CONTEXT, "node_modules"), join(workdir, "node_modules"), "dir");
        } else {
          layout.log += `$ ${command}\n${await run(command, workdir, env)}`;
        }
        break;
      }
      case "USER":
      case "EXPOSE":
      case "HEALTHCHECK":
      case "STOPSIGNAL":
      case "CMD":
        // Read by the recipe; nothing to lay out.
        break;
      default:
        throw new Error(`${where(step)}: ${step.keyword} is not laid out by this helper`);
    }
  }
  if (!workdir) throw new Error(`stage ${stage.name} sets no WORKDIR`);
  return workdir;
}

/** COPY from the build context: only what .dockerignore keeps; a source it drops whole is an error. */
function copyFromContext(source: string, workdir: string, target: string, where: string): void {
  const files = contextFiles(source);
  if (files.length === 0) {
    throw new Error(`${where}: COPY ${source}: nothing of it is in the build context`);
  }
  const isFolder = statSync(join(CONTEXT, source)).isDirectory();
  for (const file of files) {
    const inside = isFolder ? relative(join(CONTEXT, source), join(CONTEXT, file)) : "";
    const destination = target.endsWith("/")
      ? join(workdir, target, posix.basename(source), inside)
      : join(workdir, target, inside);
    mkdirSync(dirname(destination), { recursive: true });
    cpSync(join(CONTEXT, file), destination);
  }
}

/** The files under `source` (or `source` itself) that the build context holds. */
function contextFiles(source: string): string[] {
  const path = join(CONTEXT, source);
  if (!existsSync(path)) return [];
  const contextPath = (file: string) => relative(CONTEXT, file).split(sep).join("/");
  if (!statSync(path).isDirectory()) return inBuildContext(source) ? [source] : [];
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (!inBuildContext(contextPath(full))) continue;
      if (entry.isDirectory()) walk(full);
      else found.push(contextPath(full));
    }
  };
  walk(path);
  return found;
}

/** COPY --from: a folder's content to the target, a file into a target folder ("./x/") or to it. */
function copyInto(source: string, workdir: string, target: string, sources: string[]): void {
  if (!existsSync(source)) throw new Error(`COPY --from: ${source} was not built`);
  const intoFolder = target.endsWith("/") || sources.length > 1;
  const destination =
    intoFolder && !statSync(source).isDirectory()
      ? join(workdir, target, posix.basename(source))
      : join(workdir, target);
  mkdirSync(dirname(destination), { recursive: true });
  cpSync(source, destination, { recursive: true });
}

/** `sh -c command` in `cwd`; resolves with its output, rejects with it when the command fails. */
function run(command: string, cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], {
      cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/root",
        ...runMarkerEnv(),
        // The same command; npm answers from its cache what it has (CI's `npm ci` filled it).
        npm_config_prefer_offline: "true",
        npm_config_update_notifier: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const bound = setTimeout(() => child.kill("SIGKILL"), RUN_BOUND_MS);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(bound);
      if (code === 0) resolve(output);
      else reject(new Error(`RUN ${command} exited ${code}:\n${output}`));
    });
  });
}
