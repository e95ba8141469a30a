import type { RedisConnection } from "../redis/redis-connection";

interface Waiting<T> {
  message: T;
  /** Told whether the message went out now, or is kept for when Redis is back; told once. */
  settle?: (sent: boolean) => void;
}

/**
 * What one replica relays to the others, sent one message at a time in the order it was added, so
 * that no failure can put a later message before an earlier one. A message leaves the outbox only
 * once Redis took it; when a send fails, it and those behind it stay, in order, for when Redis is
 * back (the latest `max`; older ones are dropped first). Once back, the outbox waits for `gate`
 * before it sends what it kept, and again if Redis goes away and comes back before it is done.
 */
export class RelayOutbox<T> {
  private readonly waiting: Waiting<T>[] = [];
  private sending = false;
  /** Redis came back with messages kept: the gate is to be passed before they go. */
  private gateDue = false;
  /** The gate is being passed. */
  private gating = false;

  constructor(
    private readonly options: {
      connection: RedisConnection;
      send: (message: T) => Promise<unknown>;
      /** Awaited before messages kept while Redis was away are sent. */
      gate?: () => Promise<void>;
      max: number;
    },
  ) {
    options.connection.onChange((state) => {
      if (state !== "ready") return;
      if (this.waiting.length > 0) this.gateDue = true;
      void this.drain();
    });
  }

  /**
   * Resolves true once Redis took the message (after those before it), false when it is kept: Redis
   * is away, or what was kept while it was away waits for the gate.
   */
  add(message: T): Promise<boolean> {
    if (this.options.connection.state !== "ready" || this.gateDue || this.gating) {
      this.keep({ message });
      return Promise.resolve(false);
    }
    return new Promise((settle) => {
      this.keep({ message, settle });
      void this.drain();
    });
  }

  private keep(entry: Waiting<T>): void {
    this.waiting.push(entry);
    if (this.waiting.length <= this.options.max) return;
    tell(this.waiting.shift()!, false);
  }

  /** Sends what waits, in order, until none is left or Redis is away. */
  private async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      // After the other listeners of "ready" (the read cache's sync) have started.
      await Promise.resolve();
      while (this.waiting.length > 0 && this.options.connection.state === "ready") {
        if (this.gateDue) {
          this.gateDue = false;
          this.settleAll(false);
          this.gating = true;
          try {
            await this.options.gate?.();
          } finally {
            this.gating = false;
          }
          continue;
        }
        const entry = this.waiting[0]!;
        try {
          await this.options.send(entry.message);
        } catch {
          this.settleAll(false);
          this.options.connection.reportFailure();
          return;
        }
        // Dropped meanwhile (the outbox overflowed): it is gone already.
        if (this.waiting[0] === entry) this.waiting.shift();
        tell(entry, true);
      }
      // Nothing waits, or Redis is away again: whether the gate is due is decided anew when Redis is
      // back. Left due after the last message went (Redis came back while it was on its way), the
      // gate would hold every later message with no drain to pass it.
      this.gateDue = false;
    } finally {
      this.sending = false;
    }
  }

  private settleAll(sent: boolean): void {
    for (const entry of this.waiting) tell(entry, sent);
  }
}

/** Tells a waiting message's sender what became of it, once. */
function tell<T>(entry: Waiting<T>, sent: boolean): void {
  entry.settle?.(sent);
  entry.settle = undefined;
}
