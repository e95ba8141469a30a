import { sleep, type Clock } from "../clock";
import { commandKey, encodeBatchCommand } from "./batch-command";
import { readBatchResult, type CommandOutcome } from "./batch-result";
import type { Call } from "./call";
import type { CircuitBreaker } from "./circuit-breaker";
import { BitrixCircuitOpenError, BitrixError, BitrixRateLimitedError } from "./errors";
import { classifyFailure } from "./failure";
import type { HttpClient } from "./http-client";
import { identityKey, portalOrigin, type UpstreamIdentity } from "./identity";
import type { UpstreamObserver } from "./observer";
import type { OperatingTimeTracker } from "./operating-time";
import { MAX_BATCH_COMMANDS, PortalCode } from "./protocol";
import type { RateLimiter } from "./rate-limiter";

export interface SenderOptions {
  client: Pick<HttpClient, "call">;
  limiter: RateLimiter;
  breaker: CircuitBreaker;
  operating: OperatingTimeTracker;
  clock: Clock;
  observer?: UpstreamObserver | undefined;
}

/** A failed outcome may say when the call may go at the earliest (a method paused by the portal). */
export type SendOutcome = CommandOutcome & { notBefore?: number };

/**
 * A batch on its way to the sender. Until its rate-limit slot is granted it is still open: `seal`
 * then adds calls that gathered in the queue meanwhile (up to `room`), so that while the portal's
 * limit makes a batch wait, later calls ride along instead of spending slots of their own.
 */
export interface OutgoingBatch {
  calls: readonly Call[];
  /** A sequence: its calls run in order, each only if all before it succeeded. Never added to. */
  halting: boolean;
  seal?(room: number): Call[];
}

export interface SendReport {
  /** The calls the batch ended up with: the first ones, then those added when it was sealed. */
  calls: readonly Call[];
  /** One per call, in the order of `calls`. */
  outcomes: SendOutcome[];
  /** How long the HTTP request took, when one was made. */
  latencyMs?: number;
}

/**
 * Sends one batch of calls of one identity as one HTTP request (a plain call when it is one call),
 * through each stage once, in this order:
 * 1. operating time: calls of a method the portal paused are held back until it may run again;
 * 2. rate limit: a slot in the model of the portal's leaky bucket, waited for if need be; then the
 *    batch is sealed with what gathered meanwhile (see OutgoingBatch);
 * 3. circuit breaker: an open circuit refuses the batch (it is also asked, without changing it,
 *    before the wait for a slot, so that calls to a failing portal do not wait for nothing);
 * 4. the HTTP client.
 * It never throws and never retries: it reports one outcome per call, and the queue decides what to
 * send again (see classifyFailure and the retry policy).
 */
export class BatchSender {
  constructor(private readonly options: SenderOptions) {}

  async send(identity: UpstreamIdentity, batch: OutgoingBatch): Promise<SendReport> {
    const attempt = new Attempt(batch.calls, batch.halting, this.options.clock);
    try {
      await this.run(identity, batch, attempt);
    } catch (error) {
      attempt.failAll(toBitrixError(error, "batch"));
    }
    return attempt.report();
  }

  private async run(
    identity: UpstreamIdentity,
    batch: OutgoingBatch,
    attempt: Attempt,
  ): Promise<void> {
    const { breaker, clock, limiter, observer, operating } = this.options;
    const origin = portalOrigin(identity);
    const caller = identityKey(identity);

    const open = breaker.isRejecting(origin);
    if (!open.allowed) return this.refuseOpen(origin, attempt, open.retryAfterMs);

    const pausedFor = (call: Call) =>
      call.heldBack ? 0 : operating.delayMs(caller, [call.method]);
    attempt.holdBack(pausedFor);
    if (attempt.isOver()) return;

    const reservation = await limiter.reserve(
      origin,
      Math.max(0, attempt.latestDeadline() - clock.now()),
    );
    observer?.rateLimitWait?.(reservation);
    const retryAfter = Math.max(1, Math.ceil(reservation.waitMs / 1000));
    if (!reservation.granted) {
      attempt.failAll((call) => new BitrixRateLimitedError(call.method, retryAfter));
      return;
    }
    if (reservation.waitMs > 0) await attempt.wait(reservation.waitMs);
    attempt.refusePastDeadline((call) => new BitrixRateLimitedError(call.method, retryAfter));
    if (attempt.isOver()) return;
    if (!batch.halting && batch.seal) {
      attempt.join(batch.seal(MAX_BATCH_COMMANDS - attempt.size));
      attempt.holdBack(pausedFor);
    }

    const permit = breaker.acquire(origin);
    if (!permit.allowed) return this.refuseOpen(origin, attempt, permit.retryAfterMs);

    const started = clock.now();
    const { outcomes, method, failure } = await this.transmit(identity, attempt);
    const latencyMs = clock.now() - started;
    breaker.report(
      origin,
      failure ? classifyFailure(failure).portal : "up",
      failure && `${failure.code}: ${failure.description}`,
    );
    attempt.finish(outcomes, latencyMs);
    observer?.request?.({
      method,
      commands: outcomes.length,
      outcome: failure ? failure.code : "ok",
      status: failure ? failure.status : 200,
      durationMs: latencyMs,
    });

    // What the portal said about its own limits feeds the models the next batches wait on.
    let refused = false;
    attempt.sent.forEach((call, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) return operating.record(caller, call.method, outcome.value.time);
      if (outcome.error.code === PortalCode.QueryLimitExceeded) refused = true;
      if (outcome.error.code === PortalCode.OperationTimeLimit)
        operating.block(caller, call.method);
    });
    // The model let a request through that the portal refused: someone else shares the limit.
    if (refused) await limiter.markFull(origin);
  }

  /** The HTTP request itself: a plain call for one call, a `batch` for several or a sequence. */
  private async transmit(
    identity: UpstreamIdentity,
    attempt: Attempt,
  ): Promise<{ outcomes: CommandOutcome[]; method: string; failure: BitrixError | undefined }> {
    const calls = attempt.startSending();
    const single = calls.length === 1 && !attempt.halting;
    const method = single ? calls[0]!.method : "batch";
    const cancel = cancelWhenAbandoned(calls);
    try {
      if (single) {
        const call = calls[0]!;
        const value = await this.options.client.call(identity, call.method, call.params, {
          signal: cancel.signal,
        });
        return { outcomes: [{ ok: true, value }], method, failure: undefined };
      }
      const cmd = Object.fromEntries(
        calls.map((call, index) => [
          commandKey(index),
          encodeBatchCommand(call.method, call.params),
        ]),
      );
      const response = await this.options.client.call(
        identity,
        "batch",
        { halt: attempt.halting ? 1 : 0, cmd },
        { signal: cancel.signal },
      );
      const commands = calls.map((call, index) => ({
        key: commandKey(index),
        method: call.method,
      }));
      return { outcomes: readBatchResult(response.result, commands), method, failure: undefined };
    } catch (error) {
      const failure = toBitrixError(error, method);
      return {
        outcomes: calls.map((call) => ({ ok: false, error: failure.forMethod(call.method) })),
        method,
        failure,
      };
    } finally {
      cancel.dispose();
    }
  }

  private refuseOpen(origin: string, attempt: Attempt, retryAfterMs: number): void {
    const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const refused = attempt.failAll((call) => new BitrixCircuitOpenError(call.method, retryAfter));
    this.options.observer?.circuitRejected?.({ origin, calls: refused });
  }
}

/**
 * One pass of a batch through the stages: which calls are still going, and the outcome of each one
 * that has dropped out. A halting batch goes whole or not at all, since its later calls depend on the
 * earlier ones.
 */
class Attempt {
  private readonly outcomes = new Map<Call, SendOutcome>();
  private readonly all: Call[];
  private live: Call[];
  /** The calls the HTTP request carried, in command order. */
  sent: Call[] = [];
  private latencyMs: number | undefined;

  constructor(
    calls: readonly Call[],
    readonly halting: boolean,
    private readonly clock: Clock,
  ) {
    this.all = [...calls];
    this.live = calls.filter((call) => !call.settled);
  }

  /** Calls still going. */
  get size(): number {
    return this.live.length;
  }

  /** Calls that join the batch when it is sealed. */
  join(calls: Call[]): void {
    this.all.push(...calls);
    this.live.push(...calls);
  }

  isOver(): boolean {
    this.live = this.live.filter((call) => !call.settled);
    return this.live.length === 0;
  }

  latestDeadline(): number {
    return Math.max(...this.live.map((call) => call.deadline));
  }

  /** Calls of paused methods wait in their queue instead; those whose deadline comes first fail. */
  holdBack(pausedFor: (call: Call) => number): void {
    const now = this.clock.now();
    const paused = this.live
      .map((call) => ({ call, ms: pausedFor(call) }))
      .filter(({ ms }) => ms > 0);
    if (paused.length === 0) return;
    const longest = Math.max(...paused.map(({ ms }) => ms));
    const held = this.halting ? this.live.map((call) => ({ call, ms: longest })) : paused;
    for (const { call, ms } of held) {
      call.heldBack = true;
      this.outcomes.set(
        call,
        call.deadline < now + ms
          ? { ok: false, error: new BitrixRateLimitedError(call.method, Math.ceil(ms / 1000)) }
          : {
              ok: false,
              error: new BitrixError(PortalCode.OperationTimeLimit, "held back", call.method, 429),
              notBefore: now + ms,
            },
      );
    }
    this.drop(held.map(({ call }) => call));
  }

  /** Waits `ms`, or less if every caller of the batch goes away meanwhile. */
  async wait(ms: number): Promise<void> {
    const cancel = cancelWhenAbandoned(this.live);
    try {
      await sleep(this.clock, ms, cancel.signal);
    } catch {
      // Every caller went away: nothing is left to send.
    } finally {
      cancel.dispose();
    }
  }

  refusePastDeadline(error: (call: Call) => BitrixError): void {
    const now = this.clock.now();
    const late = this.live.filter((call) => !call.settled && call.deadline < now);
    if (late.length === 0) return;
    const failed = this.halting ? this.live : late;
    for (const call of failed) this.outcomes.set(call, { ok: false, error: error(call) });
    this.drop(failed);
  }

  /** Every call still going fails with `error`; returns how many. */
  failAll(error: BitrixError | ((call: Call) => BitrixError)): number {
    const failed = this.live;
    for (const call of failed) {
      const failure = typeof error === "function" ? error(call) : error.forMethod(call.method);
      this.outcomes.set(call, { ok: false, error: failure });
    }
    this.live = [];
    return failed.length;
  }

  startSending(): Call[] {
    this.sent = this.live.filter((call) => !call.settled);
    for (const call of this.sent) {
      call.attempts += 1;
      call.inFlight = true;
      call.heldBack = false;
    }
    return this.sent;
  }

  finish(outcomes: CommandOutcome[], latencyMs: number): void {
    this.sent.forEach((call, index) => {
      call.inFlight = false;
      this.outcomes.set(call, outcomes[index]!);
    });
    this.live = [];
    this.latencyMs = latencyMs;
  }

  report(): SendReport {
    for (const call of this.sent) call.inFlight = false;
    const calls = this.all;
    const outcomes = calls.map(
      (call): SendOutcome =>
        this.outcomes.get(call) ?? {
          ok: false,
          error: new BitrixError("ABORTED", "the caller went away", call.method, undefined),
        },
    );
    return this.latencyMs === undefined
      ? { calls, outcomes }
      : { calls, outcomes, latencyMs: this.latencyMs };
  }

  private drop(calls: Call[]): void {
    const dropped = new Set(calls);
    this.live = this.live.filter((call) => !dropped.has(call));
  }
}

/**
 * A signal that fires once every call in `calls` is settled without the request: their callers went
 * away or their deadlines passed. A request shared with calls that are still wanted goes on.
 */
function cancelWhenAbandoned(calls: readonly Call[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const signals = [...new Set(calls.map((call) => call.signal))];
  // A call without a signal is always wanted.
  if (signals.includes(undefined)) return { signal: controller.signal, dispose: () => undefined };
  const check = () => {
    if (calls.every((call) => call.settled)) controller.abort();
  };
  for (const signal of signals) signal?.addEventListener("abort", check, { once: true });
  // The callers may have gone already.
  check();
  return {
    signal: controller.signal,
    dispose: () => {
      for (const signal of signals) signal?.removeEventListener("abort", check);
    },
  };
}

function toBitrixError(error: unknown, method: string): BitrixError {
  if (error instanceof BitrixError) return error;
  return new BitrixError(
    "INTERNAL",
    error instanceof Error ? error.message : String(error),
    method,
    undefined,
  );
}
