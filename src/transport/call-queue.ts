import { type Clock } from "../clock";
import { holdsBatchReference, withOwnResults } from "./batch-reference";
import type { Call } from "./call";
import { abortErrorFor, BitrixNotExecutedError } from "./errors";
import { classifyFailure } from "./failure";
import type { UpstreamIdentity } from "./identity";
import { MAX_REQUESTS_IN_FLIGHT, type InFlightBound } from "./in-flight-bound";
import type { UpstreamObserver } from "./observer";
import { finalFailure, retryDelayMs } from "./retry-policy";
import type { BatchSender, SendReport } from "./sender";

/** Calls that go to the portal together: one call, or a sequence that must run in order, halting. */
interface Entry {
  calls: Call[];
  halting: boolean;
  /** The first call's place: entries are kept in this order, retries included. */
  order: number;
  /**
   * A call whose parameters hold batch reference syntax (see holdsBatchReference): it goes on its
   * own as a plain call, never folded into a batch with other calls, nor they into its request.
   */
  alone: boolean;
}

/** Calls waiting for their batch; requests on their way (waits for a slot included), and their calls. */
export interface QueueCounts {
  waitingCalls: number;
  requestsInFlight: number;
  callsInFlight: number;
}

interface Batch {
  calls: Call[];
  halting: boolean;
  /** Fewer calls than a full batch: counts against the in-flight bound for partial batches. */
  partial: boolean;
  /** One call that must travel on its own: nothing joins it when its slot is granted. */
  alone: boolean;
}

export interface CallQueueOptions {
  /** Commands per batch: the protocol's 50, or 1 with folding off. */
  maxBatch: number;
  /** Folding off: every call goes at once, alone, with no bound on requests in flight. */
  unbounded: boolean;
  random?: () => number;
}

/**
 * The calls of one identity on their way to its portal, in the order they came. No timer decides
 * when a batch leaves, only what the process is doing: a full batch of 50 goes at once; a partial
 * batch goes once a turn of the event loop has passed without new calls (so a lone query waits one
 * turn, and a burst of arriving operations folds), and once the requests already in flight allow it
 * (see InFlightBound): while one is on its way, new calls gather for the next. Failed calls that may
 * go again go back to their old place, keep their deadline, and fold with whatever else is waiting.
 */
export class CallQueue {
  private waiting: Entry[] = [];
  private inFlight = 0;
  private callsInFlight = 0;
  private partialInFlight = 0;
  private pumpScheduled = false;
  /** Calls were added since the last pump: a burst of operations may still be arriving. */
  private addedSincePump = false;
  private cancelWake: (() => void) | undefined;
  private reported: QueueCounts = { waitingCalls: 0, requestsInFlight: 0, callsInFlight: 0 };

  constructor(
    private readonly identity: UpstreamIdentity,
    private readonly sender: Pick<BatchSender, "send">,
    private readonly bound: InFlightBound,
    private readonly clock: Clock,
    private readonly options: CallQueueOptions,
    private readonly events: {
      observer?: UpstreamObserver | undefined;
      /** Changes of the queue's counts, to keep totals across queues. */
      counts?: (delta: QueueCounts) => void;
      /** Nothing waits and nothing is in flight: the queue may be forgotten. */
      idle?: () => void;
    } = {},
  ) {}

  /** Queues one call, or a sequence (`halting`) whose calls run in order, each only if all before it succeeded. */
  add(calls: Call[], halting = false): void {
    if (halting && calls.some((call, index) => holdsBatchReference(call.params, index))) {
      this.addInTurn(calls);
      return;
    }
    for (const call of calls) call.watchAbort((aborted) => this.abandon(aborted));
    this.insert(entryOf(calls, halting));
    this.addedSincePump = true;
    this.schedulePump();
  }

  /**
   * A sequence that holds a client's batch reference cannot go as one `batch`, where the portal
   * would resolve it. Its calls go one after another instead, as plain calls: each once the one
   * before it succeeded, with the gateway's own references to earlier calls (`resultOf(i)`) filled
   * in from their answers, as the portal would have done. A failure stops the rest, as `halt` would.
   */
  private addInTurn(calls: Call[]): void {
    const answers: unknown[] = [];
    const notRun = (from: number) => {
      for (const later of calls.slice(from)) later.reject(new BitrixNotExecutedError(later.method));
    };
    const send = (index: number): void => {
      const call = calls[index];
      if (!call) return;
      if (call.signal?.aborted) {
        call.reject(abortErrorFor(call.method, call.signal));
        return notRun(index + 1);
      }
      call.params = withOwnResults(call.params, answers);
      this.add([call]);
      call.promise.then(
        (value) => {
          answers.push(value.result);
          send(index + 1);
        },
        () => notRun(index + 1),
      );
    };
    send(0);
  }

  get isIdle(): boolean {
    return this.waiting.length === 0 && this.inFlight === 0;
  }

  /** Sends whatever may go now; arms a wake-up for calls that wait out a backoff. */
  private pump(): void {
    this.pumpScheduled = false;
    // While each turn of the event loop brings new calls, a burst of operations is arriving (100
    // browsers opening the app): a partial batch waits for the turn that brings none. A lone call
    // waits one turn; a full batch never waits.
    const arriving = this.addedSincePump && !this.options.unbounded;
    this.addedSincePump = false;
    this.dropSettled();
    // One reading for the whole pump: what is judged not ready yet is exactly what the wake-up is
    // armed for. Two readings could disagree (the clock moves, and a timer may fire a fraction of a
    // millisecond before its reading says it is due), leaving a call that is neither sent nor woken
    // for: it would wait for its deadline.
    const now = this.clock.now();
    for (let batch = this.cut(arriving, now); batch; batch = this.cut(arriving, now)) {
      void this.run(batch);
    }
    if (arriving && this.waiting.length > 0) this.schedulePump();
    this.armWake(now);
    this.reportCounts();
    if (this.isIdle) this.events.idle?.();
  }

  private cut(arriving: boolean, now: number): Batch | undefined {
    if (!this.options.unbounded && this.inFlight >= MAX_REQUESTS_IN_FLIGHT) return undefined;
    const ready = this.waiting.filter((entry) =>
      entry.calls.every((call) => call.notBefore <= now),
    );
    if (ready.length === 0) return undefined;
    const singles = ready.filter(foldable).slice(0, this.options.maxBatch);
    if (singles.length === this.options.maxBatch) return this.take(singles, false, false);
    if (arriving) return undefined;
    if (!this.options.unbounded && this.partialInFlight >= this.bound.partialBatches) {
      return undefined;
    }
    const oldest = ready[0]!;
    if (oldest.halting) return this.take([oldest], true, true);
    if (oldest.alone) return this.take([oldest], false, true, true);
    return this.take(singles, false, true);
  }

  private take(entries: Entry[], halting: boolean, partial: boolean, alone = false): Batch {
    const taken = new Set(entries);
    this.waiting = this.waiting.filter((entry) => !taken.has(entry));
    return { calls: entries.flatMap((entry) => entry.calls), halting, partial, alone };
  }

  private async run(batch: Batch): Promise<void> {
    this.inFlight += 1;
    this.callsInFlight += batch.calls.length;
    if (batch.partial) this.partialInFlight += 1;
    const report = await this.sender.send(this.identity, {
      calls: batch.calls,
      halting: batch.halting,
      ...(!batch.alone && { seal: (room: number) => this.seal(room) }),
    });
    if (report.latencyMs !== undefined) this.bound.observe(report.latencyMs);
    this.inFlight -= 1;
    this.callsInFlight -= report.calls.length;
    if (batch.partial) this.partialInFlight -= 1;
    this.settle(batch.halting, report);
    this.schedulePump();
  }

  /** Hands the calls ready to go, up to `room`, to a batch whose slot was just granted. */
  private seal(room: number): Call[] {
    if (room <= 0) return [];
    const now = this.clock.now();
    const ready = this.waiting
      .filter((entry) => foldable(entry) && entry.calls.every((call) => call.notBefore <= now))
      .slice(0, room);
    const calls = this.take(ready, false, true).calls;
    this.callsInFlight += calls.length;
    this.reportCounts();
    return calls;
  }

  /** Resolves what succeeded, queues again what may go again, and rejects the rest. */
  private settle(halting: boolean, report: SendReport): void {
    const now = this.clock.now();
    const again: Call[] = [];
    const { calls, outcomes } = report;
    calls.forEach((call, index) => {
      const outcome = outcomes[index]!;
      if (call.settled) return;
      if (outcome.ok) return call.resolve(outcome.value);
      const { kind } = classifyFailure(outcome.error);
      const delay = retryDelayMs(call, kind, this.options.random);
      if (delay === undefined)
        return call.reject(finalFailure(call, outcome.error, kind === "ambiguous"));
      call.notBefore = Math.max(outcome.notBefore ?? 0, now + delay);
      again.push(call);
      // A call held back for its method's operating time was not sent: no retry to report.
      if (outcome.notBefore === undefined) {
        this.events.observer?.retry?.({ method: call.method, code: outcome.error.code });
      }
    });
    if (again.length === 0) return;
    if (!halting) {
      for (const call of again) this.insert(entryOf([call], false));
      return;
    }
    // A sequence starts over only from its first call, and only whole: later calls may refer to
    // earlier results, and run only if every call before them succeeded.
    const first = calls[0]!;
    if (again[0] !== first || again.length !== calls.length) {
      for (const call of again) call.reject(new BitrixNotExecutedError(call.method));
      return;
    }
    const notBefore = Math.max(...again.map((call) => call.notBefore));
    for (const call of again) call.notBefore = notBefore;
    this.insert(entryOf(again, true));
  }

  /**
   * The caller of `call` went away or its deadline passed. A waiting call is dropped; a call whose
   * request is on its way is let go, and that request is cancelled once no other caller waits on it.
   */
  private abandon(call: Call): void {
    if (call.settled) return;
    call.reject(finalFailure(call, abortErrorFor(call.method, call.signal), call.inFlight));
    this.dropSettled();
    this.reportCounts();
    if (this.isIdle) this.events.idle?.();
  }

  private insert(entry: Entry): void {
    let index = this.waiting.length;
    while (index > 0 && this.waiting[index - 1]!.order > entry.order) index -= 1;
    this.waiting.splice(index, 0, entry);
  }

  private dropSettled(): void {
    this.waiting = this.waiting.filter((entry) => entry.calls.some((call) => !call.settled));
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // Not a time window: everything the current turn of the event loop queues goes in one batch.
    setImmediate(() => this.pump());
  }

  /** Wakes the queue when the soonest call that waits out a backoff may go, judged at `now`. */
  private armWake(now: number): void {
    this.cancelWake?.();
    this.cancelWake = undefined;
    if (this.waiting.length === 0) return;
    const soonest = Math.min(
      ...this.waiting.map((entry) => Math.max(...entry.calls.map((call) => call.notBefore))),
    );
    if (soonest > now) this.cancelWake = this.clock.setTimer(soonest - now, () => this.pump());
  }

  private reportCounts(): void {
    const current: QueueCounts = {
      waitingCalls: this.waiting.reduce(
        (sum, entry) => sum + entry.calls.filter((call) => !call.settled).length,
        0,
      ),
      requestsInFlight: this.inFlight,
      callsInFlight: this.callsInFlight,
    };
    const delta: QueueCounts = {
      waitingCalls: current.waitingCalls - this.reported.waitingCalls,
      requestsInFlight: current.requestsInFlight - this.reported.requestsInFlight,
      callsInFlight: current.callsInFlight - this.reported.callsInFlight,
    };
    this.reported = current;
    if (Object.values(delta).some((change) => change !== 0)) this.events.counts?.(delta);
  }
}

function entryOf(calls: Call[], halting: boolean): Entry {
  const alone = !halting && calls.some((call) => holdsBatchReference(call.params));
  return { calls, halting, order: calls[0]!.order, alone };
}

/** May share a batch with other calls: neither a sequence nor a call that must go alone. */
function foldable(entry: Entry): boolean {
  return !entry.halting && !entry.alone;
}
