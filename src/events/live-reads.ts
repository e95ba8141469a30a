import type { Change } from "./change";

/**
 * The current state of changed records, read once per change per upstream identity however many
 * subscribers want it: 1,000 subscribers of one booking cost one `booking.get` in webhook mode, and
 * one per user in OAuth mode, since each user may see the record differently. Bounded: the oldest
 * changes are forgotten first, long after their subscribers were served.
 */
export class LiveReads {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 1000) {}

  read<T>(change: Change, identityKey: string, load: () => Promise<T>): Promise<T> {
    const key = `${change.key}|${identityKey}`;
    let read = this.reads.get(key) as Promise<T> | undefined;
    if (!read) {
      read = load();
      this.reads.set(key, read);
      // Subscribers that come later still get this read's outcome; nobody else awaits it now.
      read.catch(() => undefined);
      while (this.reads.size > this.maxEntries) {
        this.reads.delete(this.reads.keys().next().value!);
      }
    }
    return read;
  }
}
