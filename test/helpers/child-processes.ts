import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

/** Whether `child` has ended: exited, ended by a signal, or never started. */
export function ended(child: ChildProcess): boolean {
  return child.pid === undefined || child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal` to `child` unless it has ended already, and resolves once it has. */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGKILL",
): Promise<void> {
  if (ended(child)) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

/** The children of this test file that may still be running. */
const running = new Set<ChildProcess>();

/**
 * Whether the file's tests are over. A hook that ran into its timeout goes on in the background
 * (jest cannot stop it), and may start a child after the file's cleanup has run: that one is killed
 * at once rather than left behind.
 */
let over = false;

/**
 * Keeps `child` to be killed once the test file's tests are over, if it is running then, whatever
 * their outcome: a helper whose start failed half-way, or a test that failed before it could stop
 * what it started, leaves no process behind.
 */
export function stoppedAfterAll<T extends ChildProcess>(child: T): T {
  if (over) {
    child.kill("SIGKILL");
    return child;
  }
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

afterAll(async () => {
  over = true;
  const left = [...running];
  running.clear();
  await Promise.all(left.map((child) => stopChild(child)));
});
