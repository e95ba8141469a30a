import { setTimeout as pause } from "node:timers/promises";
import { processesOfRun, type ProcessInfo } from "./processes";
import { runRecord } from "./run-record";

/**
 * How long the run's processes may take to go once the last test file is done: a killed process is
 * gone in milliseconds, a server stopped in an orderly way in well under a second, and some
 * helpers (a browser's crash reporter) leave a moment after the process they served. Far more than
 * that, so the check never fails because the machine is slow; only then is a process left behind.
 */
const GRACE_MS = 20_000;
const POLL_MS = 100;

/**
 * Fails the run when a process it started (a gateway, a demo portal, a Redis or PostgreSQL server,
 * anything) is still running after every test has ended, naming each by its command line. They are
 * killed then, so that a failing run does not leave them behind either.
 */
export default async function globalTeardown(): Promise<void> {
  const record = runRecord();
  if (!record) return;
  const deadline = Date.now() + GRACE_MS;
  let left = processesOfRun(record.run, record.before);
  while (left.length > 0 && Date.now() < deadline) {
    await pause(POLL_MS);
    left = processesOfRun(record.run, record.before);
  }
  if (left.length === 0) return;
  for (const info of left) killQuietly(info);
  throw new Error(
    `${left.length} process(es) started by the tests outlived them (killed now):\n` +
      left.map((info) => `  ${info.pid}: ${info.cmdline}`).join("\n"),
  );
}

function killQuietly(info: ProcessInfo): void {
  try {
    process.kill(info.pid, "SIGKILL");
  } catch {
    // Gone meanwhile.
  }
}
