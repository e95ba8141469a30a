import type { Scheduler } from "fast-check";

/** A record as the model portal answers it: its id and how many times it was changed. */
export interface ModelRecord {
  id: number;
  version: number;
}

/**
 * The portal: records 1..n, each with a version that every change moves on. A read is two steps of
 * the scheduler: the portal reads the state at the first and answers it at the second (the answer
 * travels while other things happen). A read may be made to fail (a transient error).
 */
export class ModelPortal {
  private readonly versions = new Map<number, number>();
  /** Reads that fail before one succeeds again (a transient portal error). */
  failingReads = 0;

  constructor(
    readonly ids: readonly number[],
    private readonly scheduler: Scheduler,
  ) {
    for (const id of ids) this.versions.set(id, 0);
  }

  version(id: number): number {
    return this.versions.get(id)!;
  }

  /** A change on the portal: the new version. */
  change(id: number): number {
    const version = this.version(id) + 1;
    this.versions.set(id, version);
    return version;
  }

  async get(id: number): Promise<ModelRecord> {
    await this.scheduler.schedule(Promise.resolve(), `portal get ${id}`);
    if (this.failingReads > 0) {
      this.failingReads -= 1;
      throw new Error("the portal failed this read");
    }
    const answer = { id, version: this.version(id) };
    await this.scheduler.schedule(Promise.resolve(), `portal get ${id} answered`);
    return answer;
  }

  async list(): Promise<ModelRecord[]> {
    await this.scheduler.schedule(Promise.resolve(), "portal list");
    const answer = this.ids.map((id) => ({ id, version: this.version(id) }));
    await this.scheduler.schedule(Promise.resolve(), "portal list answered");
    return answer;
  }
}
