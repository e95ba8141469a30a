import type { Scheduler } from "fast-check";
import { hasApplicationToken, type Installation } from "../../src/app/installation";
import {
  InstallationStoreError,
  type InstallationStore,
  type InstallationStoreOperation,
} from "../../src/app/installation-store";

/**
 * A store fault, applied once, at the next operation it fits:
 * - "load": a load fails;
 * - "acquire": an `exclusive` fails before it holds the installation (a lock timeout);
 * - "write": an `exclusive` fails to write what its update returned (rolled back: nothing written);
 * - "writeAnswer": an `exclusive` writes, and then fails all the same (the COMMIT's answer is lost).
 */
export type StoreFault = "load" | "acquire" | "write" | "writeAnswer";

const NAME = "model";

/**
 * The installation store all replicas share. `exclusive` is a mutex: one update at a time, in the
 * order requests reach the store; every step (a request on its way, the lock, the write, the
 * answer) is a step of the fast-check scheduler. Installations are copied in and out, so a replica
 * holds only what it read.
 */
export class ModelInstallationStore implements InstallationStore {
  readonly kind = "model";
  /** Every installation written, oldest first. */
  readonly history: Installation[] = [];

  private stored: Installation | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private holding = false;
  private readonly faults = new Set<StoreFault>();

  constructor(
    private readonly scheduler: Scheduler,
    initial?: Installation,
  ) {
    if (initial) this.put(initial);
  }

  /** What is stored now, as the test sees it (no scheduler step). */
  peek(): Installation | undefined {
    return copy(this.stored);
  }

  inject(fault: StoreFault): void {
    this.faults.add(fault);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  async load(): Promise<Installation | undefined> {
    await this.step("load");
    if (this.take("load")) throw failure("load", "ECONNRESET");
    const installation = copy(this.stored);
    await this.step("load answered");
    return installation;
  }

  save(installation: Installation): Promise<void> {
    return this.exclusive(() => Promise.resolve({ next: installation, value: undefined }));
  }

  async remove(applicationToken: string): Promise<boolean> {
    return this.exclusive((current) => {
      const removed = current !== undefined && hasApplicationToken(current, applicationToken);
      if (removed) this.stored = undefined;
      return Promise.resolve({ value: removed });
    });
  }

  async exclusive<T>(
    update: (current: Installation | undefined) => Promise<{ next?: Installation; value: T }>,
  ): Promise<T> {
    await this.step("exclusive sent");
    const run = this.tail.then(() => this.hold(update));
    this.tail = run.catch(() => undefined);
    return run;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async hold<T>(
    update: (current: Installation | undefined) => Promise<{ next?: Installation; value: T }>,
  ): Promise<T> {
    await this.step("exclusive locked");
    if (this.take("acquire")) throw failure("exclusive", "55P03");
    if (this.holding) throw new Error("model store: two updates hold the installation at once");
    this.holding = true;
    try {
      const { next, value } = await update(copy(this.stored));
      if (next) {
        await this.step("exclusive write");
        if (this.take("write")) throw failure("exclusive", "57P01");
        this.put(next);
        await this.step("exclusive committed");
        if (this.take("writeAnswer")) throw failure("exclusive", "08006");
      }
      return value;
    } finally {
      this.holding = false;
    }
  }

  private put(installation: Installation): void {
    this.stored = copy(installation);
    this.history.push(copy(installation));
  }

  private take(fault: StoreFault): boolean {
    return this.faults.delete(fault);
  }

  private step(label: string): Promise<void> {
    return this.scheduler.schedule(Promise.resolve(), `store ${label}`);
  }
}

function copy(installation: Installation): Installation;
function copy(installation: Installation | undefined): Installation | undefined;
function copy(installation: Installation | undefined): Installation | undefined {
  return installation && { ...installation };
}

function failure(operation: InstallationStoreOperation, code: string): InstallationStoreError {
  return new InstallationStoreError(NAME, operation, code, code);
}
