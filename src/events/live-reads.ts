import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { sleep, type Clock } from "../clock";
import type { ChangeReadOutcome } from "../observability/live-metrics";
import type { Change } from "./change";

/** What subscribers of one identity are sent for one change. */
export type LiveMessage =
  { change: Change; state: unknown } | { change: Change; failure: unknown; attempts: number };

export interface LiveReadsOptions {
  clock: Clock;
  /** Waits before each retry of a failed read; its length + 1 is the number of attempts. */
  retryDelaysMs?: readonly number[];
  /** Most changes whose outcome is remembered for late subscribers of the same identity. */
  maxChanges?: number;
  /** Most records whose last published state is remembered, per replica. */
  maxRecords?: number;
  onOutcome?: (outcome: ChangeReadOutcome) => void;
}

/**
 * Decides, once per change and upstream identity, what its subscribers are sent, by content rather
 * than by time windows: the record is read now (through the read cache, which the change has already
 * invalidated) and sent only if its state differs from the last one sent to that identity. So the
 * portal's event echoing a write made through the gateway, or a delivery repeated, costs one read and
 * sends nothing, while a real change that comes in the same second, or in place of a lost echo, is
 * always sent.
 *
 * - **Only the latest read is sent.** When a read ends while a later change of the same record (for
 *   the same identity) has started its own read, its state may predate that change, which the
 *   gateway knows of: it is dropped, and the later read, which began after that change was
 *   invalidated, decides. So no message carries a state older than a change its replica had
 *   accepted when it was sent. (Records carry no version, so two reads can only be ordered by when
 *   they began.)
 * - **Failures** are retried (`retryDelaysMs`), never remembered as the outcome; after the last
 *   attempt subscribers get the change with the failure, never a null that would read as "deleted".
 * - **Bounded:** outcomes of the last `maxChanges` changes and the last states of `maxRecords`
 *   records (an evicted record's next change is sent whatever its state).
 */
export class LiveReads {
  private readonly outcomes: LRUCache<string, Promise<LiveMessage | undefined>>;
  /** The same outcomes by change object, while the change is still being handed to subscribers. */
  private readonly byChange = new WeakMap<Change, Map<string, Promise<LiveMessage | undefined>>>();
  /** Per identity and record: the ticket of its latest read, and the digest of the state last sent. */
  private readonly records: LRUCache<string, { latest: number; sent?: string }>;
  private tickets = 0;
  /** Aborted on shutdown: no retry waits past it. */
  private readonly closing = new AbortController();
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: LiveReadsOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? [100, 500, 2000];
    this.outcomes = new LRUCache({
      maxSize: options.maxChanges ?? 1000,
      sizeCalculation: () => 1,
    });
    this.records = new LRUCache({
      maxSize: options.maxRecords ?? 10_000,
      sizeCalculation: () => 1,
    });
  }

  /**
   * What `identityKey`'s subscribers of `change` are sent (undefined: nothing, the state they were
   * last sent stands). `read` gives the record now, null when it no longer exists.
   */
  decide(
    change: Change,
    identityKey: string,
    read: () => Promise<unknown>,
  ): Promise<LiveMessage | undefined> {
    // Every subscriber of a change asks with the same change object: 10,000 of them cost one
    // lookup in the bounded cache, the rest a lookup in this one, which goes with the object.
    let byIdentity = this.byChange.get(change);
    const known = byIdentity?.get(identityKey);
    if (known) return known;
    const key = `${change.key}|${identityKey}`;
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      outcome = this.settle(change, identityKey, read);
      this.outcomes.set(key, outcome);
    }
    if (!byIdentity) {
      this.byChange.set(change, (byIdentity = new Map<string, Promise<LiveMessage | undefined>>()));
    }
    byIdentity.set(identityKey, outcome);
    return outcome;
  }

  private async settle(
    change: Change,
    identityKey: string,
    read: () => Promise<unknown>,
  ): Promise<LiveMessage | undefined> {
    const key = `${identityKey}|${change.entity}:${change.id}`;
    const ticket = ++this.tickets;
    this.records.set(key, { ...this.records.get(key), latest: ticket });
    const result = change.kind === "DELETED" ? { state: null } : await this.readWithRetries(read);
    const record = this.records.get(key) ?? { latest: ticket };
    if (record.latest !== ticket) {
      this.options.onOutcome?.("superseded");
      return undefined;
    }
    if ("failure" in result) {
      this.options.onOutcome?.("failed");
      return { change, ...result };
    }
    const digest = digestOf(result.state);
    // A change of a part (a booking's clients) leaves the record's own fields as they were.
    if (record.sent === digest && change.part === undefined) {
      this.options.onOutcome?.("unchanged");
      return undefined;
    }
    this.records.set(key, { latest: ticket, sent: digest });
    this.options.onOutcome?.("changed");
    return { change, state: result.state };
  }

  /** Stops every retry waiting now, and any later one: shutdown must not wait for them. */
  close(): void {
    this.closing.abort();
  }

  private async readWithRetries(
    read: () => Promise<unknown>,
  ): Promise<{ state: unknown } | { failure: unknown; attempts: number }> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return { state: await read() };
      } catch (failure) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined || this.closing.signal.aborted) {
          return { failure, attempts: attempt + 1 };
        }
        try {
          await sleep(this.options.clock, delay, this.closing.signal);
        } catch {
          return { failure, attempts: attempt + 1 };
        }
      }
    }
  }
}

/** What a state is compared by; a record that no longer exists (null) has one digest too. */
function digestOf(state: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(state ?? null))
    .digest("base64");
}
