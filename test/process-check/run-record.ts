/**
 * What globalTeardown needs of globalSetup. Jest runs both in its own process, where a global is
 * the documented way to hand it over.
 */
export interface RunRecord {
  /** The value of the run's marker. */
  run: string;
  /** The processes alive before any test ran: never the run's. */
  before: Set<string>;
}

declare global {
  var b24gwTestRun: RunRecord | undefined;
}

export function keepRunRecord(record: RunRecord): void {
  globalThis.b24gwTestRun = record;
}

/** Undefined when globalSetup did not run (jest started without this config). */
export function runRecord(): RunRecord | undefined {
  return globalThis.b24gwTestRun;
}
