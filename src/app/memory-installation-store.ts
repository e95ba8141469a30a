import { hasApplicationToken, type Installation } from "./installation";
import type { InstallationStore } from "./installation-store";

/**
 * The installation in this process's memory: for the embedded demo portal only, which is itself new
 * at every start (its tokens die with it), so there is nothing a restart could keep.
 */
export class MemoryInstallationStore implements InstallationStore {
  readonly kind = "memory";
  private installation: Installation | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  load(): Promise<Installation | undefined> {
    return Promise.resolve(this.installation);
  }

  save(installation: Installation): Promise<void> {
    return this.exclusive(() => Promise.resolve({ next: installation, value: undefined }));
  }

  remove(applicationToken: string): Promise<boolean> {
    return this.exclusive(() => {
      const removed =
        this.installation !== undefined && hasApplicationToken(this.installation, applicationToken);
      if (removed) this.installation = undefined;
      return Promise.resolve({ value: removed });
    });
  }

  /** One at a time, in order: what a refresh reads is what it replaces. */
  exclusive<T>(
    update: (current: Installation | undefined) => Promise<{ next?: Installation; value: T }>,
  ): Promise<T> {
    const run = this.tail.then(async () => {
      const { next, value } = await update(this.installation);
      if (next) this.installation = next;
      return value;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
