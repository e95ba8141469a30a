import { randomUUID } from "node:crypto";
import { listProcesses, RUN_MARKER } from "./processes";
import { keepRunRecord } from "./run-record";

/**
 * Marks the run before any worker starts: every process of the run inherits the marker, so that
 * globalTeardown can tell the processes this run left behind from everything else on the machine.
 */
export default function globalSetup(): void {
  const run = `${process.pid}-${randomUUID()}`;
  process.env[RUN_MARKER] = run;
  keepRunRecord({ run, before: new Set(listProcesses().map((info) => info.key)) });
}
