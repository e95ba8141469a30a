import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which processes a test run started, read from /proc (Linux; elsewhere nothing is listed). Jest's
 * globalSetup gives the run a marker in its environment, which every process it starts inherits:
 * workers, gateways, demo portals, Redis and PostgreSQL servers, compilers, browsers. A process that
 * carries no marker (started with an environment of its own) is the run's when it is new and its
 * command line names this checkout. Processes of other runs, of other checkouts and of the machine
 * are never counted.
 */

/** The environment variable that marks a run's processes; its value names the run. */
export const RUN_MARKER = "B24GW_TEST_RUN";

/** This checkout: a process whose command line names it is one of its own. */
const CHECKOUT = join(__dirname, "..", "..");

export interface ProcessInfo {
  pid: number;
  /** pid and start time: a pid reused by a later process is another process. */
  key: string;
  cmdline: string;
  /** The value of RUN_MARKER in its environment; undefined when it has none. */
  run: string | undefined;
}

/** The environment entry that marks a process as this run's: for spawns that pass their own env. */
export function runMarkerEnv(): Record<string, string> {
  const run = process.env[RUN_MARKER];
  return run === undefined ? {} : { [RUN_MARKER]: run };
}

/** Every live process now. Zombies are left out: they have ended, only their exit code is left. */
export function listProcesses(): ProcessInfo[] {
  if (!existsSync("/proc/self/stat")) return [];
  const found: ProcessInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProcess(Number(name));
    if (info) found.push(info);
  }
  return found;
}

/**
 * The processes of `run` started since `before` was listed, other than this one: those that carry
 * its marker, and those without a marker whose command line names this checkout.
 */
export function processesOfRun(run: string, before: ReadonlySet<string>): ProcessInfo[] {
  return listProcesses().filter(
    (info) =>
      info.pid !== process.pid &&
      !before.has(info.key) &&
      (info.run === run || (info.run === undefined && info.cmdline.includes(`${CHECKOUT}/`))),
  );
}

/** What /proc says of `pid`; undefined when it has gone meanwhile, or is a zombie. */
function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "latin1");
    // The command name, in parentheses, may hold spaces and parentheses: fields follow the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z") return undefined;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    return { pid, key: `${pid}@${fields[19]}`, cmdline, run: markerOf(pid) };
  } catch {
    return undefined;
  }
}

function markerOf(pid: number): string | undefined {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
    const entry = environ.find((variable) => variable.startsWith(`${RUN_MARKER}=`));
    return entry?.slice(RUN_MARKER.length + 1);
  } catch {
    // Another user's process, unreadable without root: judged by its command line alone.
    return undefined;
  }
}
