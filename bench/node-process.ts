import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A server the benchmark starts as its own OS process, so its CPU and memory are its own. */
export interface NodeProcess {
  url: string;
  pid: number;
  /** Peak resident set size so far, in MB (Linux VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export interface NodeProcessSpec {
  /** Node arguments: V8 flags, then the entry file. */
  args: string[];
  env: Record<string, string>;
  /** The line the process prints once it listens; its first group is the URL. */
  ready: RegExp;
}

/**
 * Starts `node <args>` and resolves once it prints its URL. Its output is read to the end and dropped
 * (log lines included), so a server that logs every request writes to a pipe that never fills.
 */
export async function startNodeProcess(spec: NodeProcessSpec): Promise<NodeProcess> {
  const child = spawn(process.execPath, spec.args, {
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = spec.ready.exec(output);
      if (!match) return;
      child.stdout.off("data", onData);
      child.stdout.resume();
      resolve(match[1]!);
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`${spec.args.at(-1)} exited with ${code}: ${output}`)),
    );
  });
  return {
    url,
    pid: child.pid!,
    peakRssMb: () => readPeakRss(child),
    stop: () => stopChild(child),
  };
}

function readPeakRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Resident set size now, in MB, and the number of open file descriptors (sockets included). */
export function currentUsage(pid: number): { rssMb: number; openFds: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb / 1024), openFds: readdirSync(`/proc/${pid}/fd`).length };
}

/** CPU time the process has used so far (user and system), in ms: unlike wall time, not inflated by other processes. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Linux's USER_HZ, what /proc counts CPU time in; 100 on every common build. */
const CLOCK_TICKS_PER_SECOND = 100;
