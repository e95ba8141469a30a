import type fc from "fast-check";

/**
 * Moving a model run on, the same way in every model test: the scheduler decides which waiting task
 * goes next; a task just started schedules its first step only after a turn of the event loop.
 */

/** Lets up to `count` scheduled tasks go, one at a time; stops early when none is waiting. */
export async function runSteps(s: fc.Scheduler, count: number): Promise<void> {
  for (let step = 0; step < count; step += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    if (s.count() === 0) return;
    await s.waitOne();
  }
}

/** Runs the scheduler until nothing is left to run (timers included); a model that loops fails. */
export async function runAll(s: fc.Scheduler): Promise<void> {
  for (let round = 0; round < 10_000; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    if (s.count() === 0) return;
    await s.waitAll();
  }
  throw new Error("the model did not settle");
}

/** With MODEL_TRACE set, prints what happens in a run. */
export function trace(line: string): void {
  if (process.env.MODEL_TRACE) process.stdout.write(`${line}\n`);
}
