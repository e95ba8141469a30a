import type { Clock } from "../../src/clock";

interface Timer {
  at: number;
  order: number;
  callback: () => void;
}

/** 2026-06-01T00:00:00Z: a fixed start, so that dates derived from the clock are the same every run. */
export const MANUAL_CLOCK_START = Date.UTC(2026, 5, 1);

/**
 * A clock that stands still until the test moves it. Timers fire only from `advance` or `next`, in
 * the order of their due time (then of their creation), so a test decides exactly when a rate-limit
 * slot opens, a timeout fires or a cool-down ends. A timer that is already due when it is set fires
 * on its own, on the next turn of the event loop, as a real zero-delay timer would.
 */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers: Timer[] = [];
  private created = 0;
  private readonly watchers = new Set<() => void>();

  constructor(start: number = MANUAL_CLOCK_START) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, callback: () => void): () => void {
    if (!Number.isFinite(ms)) return () => undefined;
    if (ms <= 0) {
      let cancelled = false;
      setImmediate(() => {
        if (!cancelled) callback();
      });
      return () => {
        cancelled = true;
      };
    }
    const timer: Timer = { at: this.current + ms, order: this.created++, callback };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
    this.notify();
    return () => {
      const index = this.timers.indexOf(timer);
      if (index !== -1) this.timers.splice(index, 1);
      this.notify();
    };
  }

  /** Timers waiting for the clock to move. */
  get pending(): number {
    return this.timers.length;
  }

  /** Milliseconds from now to each waiting timer, soonest first. */
  get pendingDelays(): number[] {
    return this.timers.map((timer) => timer.at - this.current);
  }

  /** Moves the clock forward by `ms`, firing every timer due on the way; returns how many fired. */
  advance(ms: number): number {
    const target = this.current + ms;
    let fired = 0;
    while (this.timers.length > 0 && this.timers[0]!.at <= target) {
      const timer = this.timers.shift()!;
      this.current = Math.max(this.current, timer.at);
      timer.callback();
      fired += 1;
    }
    this.current = target;
    if (fired > 0) this.notify();
    return fired;
  }

  /** Jumps to the soonest timer and fires it with every other timer due at that instant. */
  next(): number {
    const soonest = this.timers[0];
    return soonest ? this.advance(soonest.at - this.current) : 0;
  }

  /** Resolves once `condition` holds of the waiting timers; checked whenever they change. */
  whenTimers(condition: (pending: number) => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!condition(this.timers.length)) return;
        this.watchers.delete(check);
        resolve();
      };
      this.watchers.add(check);
      check();
    });
  }

  /**
   * Resolves once `condition` holds of the delays of the waiting timers (as `pendingDelays` gives
   * them); checked whenever timers are set, fire or are cancelled.
   */
  whenDelays(condition: (delays: number[]) => boolean): Promise<void> {
    return this.whenTimers(() => condition(this.pendingDelays));
  }

  /**
   * Lets `work` run to its end on this clock: whenever it waits for a timer due in less than
   * `belowMs`, jumps to the soonest one. Longer timers (timeouts, deadlines) are left alone, so
   * nothing expires that the test did not mean to expire.
   */
  async runUntil<T>(work: Promise<T>, belowMs = Number.POSITIVE_INFINITY): Promise<T> {
    let done = false;
    const ended = work.then(
      () => (done = true),
      () => (done = true),
    );
    const short = (delays: number[]) => delays.some((delay) => delay < belowMs);
    while (!done) {
      await Promise.race([ended, this.whenDelays(short)]);
      if (!done) this.next();
      // Let what the timer woke run before looking again.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return work;
  }

  /** Resolves once at least `count` timers are waiting. */
  whenPending(count: number): Promise<void> {
    return this.whenTimers((pending) => pending >= count);
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}
