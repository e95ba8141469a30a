import { setTimeout as sleep } from "node:timers/promises";
import { commandKey, encodeBatchCommand } from "./batch-command";
import { readBatchResult, type CommandOutcome } from "./batch-result";
import { isAvailabilityFailure, type CircuitBreaker } from "./circuit-breaker";
import type { BitrixClient } from "./client";
import {
  BitrixCircuitOpenError,
  BitrixError,
  BitrixNotExecutedError,
  BitrixRateLimitedError,
  BitrixResultUnknownError,
} from "./errors";
import { identityKey, portalOrigin, type UpstreamIdentity } from "./identity";
import type { OperatingTimeTracker } from "./operating-time";
import type { PendingCall } from "./pending-call";
import type { RateLimiter, Reservation } from "./rate-limiter";
import { backoffMs, classifyFailure, isIdempotent, RETRY_POLICY } from "./retry-policy";

/** The most commands Bitrix24 runs in one `batch`. */
export const MAX_BATCH_COMMANDS = 50;

/** What the dispatcher reports about each HTTP request, for metrics and logs. */
export interface UpstreamRequestEvent {
  /** The method in the URL: a booking.v1 method, or "batch". */
  method: string;
  commands: number;
  /** "ok", or the Bitrix24 error code the request failed with. */
  outcome: string;
  /** HTTP status of the answer; undefined when none arrived. */
  status: number | undefined;
  durationMs: number;
}

/**
 * Everything the upstream layer reports, for metrics and logs. Events never carry an identity, a URL
 * path or parameters: only method names, codes and numbers.
 */
export interface UpstreamObserver {
  request?(event: UpstreamRequestEvent): void;
  /** A call is sent again after `code`. */
  retry?(event: { method: string; code: string }): void;
  /** A rate-limit reservation: how long it waits, or would have waited when not granted. */
  rateLimitWait?(event: { waitMs: number; granted: boolean }): void;
  /** Calls refused without a request because the portal's circuit is open. */
  circuitRejected?(event: { origin: string; calls: number }): void;
}

export interface DispatcherOptions {
  client: BitrixClient;
  limiter: RateLimiter;
  operating: OperatingTimeTracker;
  breaker?: CircuitBreaker;
  /** Kept for callers that only want request events; `observer.request` gets the same. */
  onRequest?: (event: UpstreamRequestEvent) => void;
  observer?: UpstreamObserver;
}

/**
 * Sends a group of calls of one identity as one HTTP request: alone when it is one call, as a `batch`
 * otherwise. Before sending it waits for the rate-limit model and the operating-time tracker; after a
 * failure it retries what the retry policy allows and reports everything else to its caller.
 */
export class Dispatcher {
  constructor(private readonly options: DispatcherOptions) {}

  /**
   * `sequence` sends the calls as a halting batch, in order, so a later call runs only if the earlier
   * ones succeeded (a write and the read of its result, say).
   */
  async send(identity: UpstreamIdentity, calls: PendingCall[], sequence = false): Promise<void> {
    if (this.refuseIfOpen(identity, calls)) return;
    const deadline = Math.max(...calls.map((call) => call.deadline));
    const slot = await this.waitForSlot(identity, deadline);
    const live = this.admit(calls, slot);
    if (live.length > 0) await this.transmit(identity, live, sequence);
  }

  /**
   * Waits until the rate-limit model has room for one more request to the identity's portal, or
   * says at once that there will be none before `deadline`.
   */
  async waitForSlot(identity: UpstreamIdentity, deadline: number): Promise<Reservation> {
    const bucket = portalOrigin(identity);
    const reservation = await this.options.limiter.reserve(
      bucket,
      Math.max(0, deadline - Date.now()),
    );
    this.options.observer?.rateLimitWait?.(reservation);
    if (reservation.granted && reservation.waitMs > 0) await sleep(reservation.waitMs);
    return reservation;
  }

  /**
   * Fails `calls` at once when the portal's circuit is open, so they neither wait for a rate-limit
   * slot nor reach the portal. Returns whether it did.
   */
  refuseIfOpen(identity: UpstreamIdentity, calls: PendingCall[]): boolean {
    const origin = portalOrigin(identity);
    const permit = this.options.breaker?.isRejecting(origin) ?? { allowed: true };
    if (permit.allowed) return false;
    this.rejectOpen(origin, calls, permit.retryAfterMs);
    return true;
  }

  private rejectOpen(origin: string, calls: PendingCall[], retryAfterMs: number): void {
    const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
    this.rejectAll(calls, (call) => new BitrixCircuitOpenError(call.method, retryAfter));
    this.options.observer?.circuitRejected?.({ origin, calls: calls.length });
  }

  /** The calls still wanted after a wait for a slot; the others get RATE_LIMITED with a hint. */
  admit(calls: PendingCall[], slot: Reservation): PendingCall[] {
    const retryAfter = Math.max(1, Math.ceil(slot.waitMs / 1000));
    const now = Date.now();
    const live: PendingCall[] = [];
    for (const call of calls) {
      if (call.settled) continue;
      if (!slot.granted || call.deadline < now)
        call.reject(new BitrixRateLimitedError(call.method, retryAfter));
      else live.push(call);
    }
    return live;
  }

  /** Sends calls that already hold a slot, as one HTTP request, then settles or retries each. */
  async transmit(
    identity: UpstreamIdentity,
    calls: PendingCall[],
    sequence = false,
  ): Promise<void> {
    const caller = identityKey(identity);
    const bucket = portalOrigin(identity);
    let live = calls;
    const operatingDelay = this.options.operating.delayMs(
      caller,
      live.map((call) => call.method),
    );
    if (operatingDelay > 0) {
      live = this.dropPastDeadline(live, operatingDelay);
      await sleep(operatingDelay);
      live = live.filter((call) => !call.settled);
      if (live.length === 0) return;
    }

    const permit = this.options.breaker?.acquire(bucket) ?? { allowed: true };
    if (!permit.allowed) {
      this.rejectOpen(bucket, live, permit.retryAfterMs);
      return;
    }

    for (const call of live) call.attempts += 1;
    const started = Date.now();
    const single = live.length === 1 && !sequence;
    const method = single ? live[0]!.method : "batch";
    const cancel = cancelWhenAbandoned(live);
    let outcomes: CommandOutcome[];
    try {
      if (single) {
        const call = live[0]!;
        const value = await this.options.client.call(identity, call.method, call.params, {
          signal: cancel.signal,
        });
        outcomes = [{ ok: true, value }];
      } else {
        const commands = live.map((call, index) => ({
          key: commandKey(index),
          method: call.method,
        }));
        const cmd = Object.fromEntries(
          live.map((call, index) => [
            commandKey(index),
            encodeBatchCommand(call.method, call.params),
          ]),
        );
        const response = await this.options.client.call(
          identity,
          "batch",
          { halt: sequence ? 1 : 0, cmd },
          { signal: cancel.signal },
        );
        this.options.operating.record(caller, "batch", response.time);
        outcomes = readBatchResult(response.result, commands);
      }
      this.options.breaker?.succeeded(bucket);
      this.report(method, live.length, "ok", 200, started);
    } catch (error) {
      const failure = toBitrixError(error, method);
      if (isAvailabilityFailure(failure)) this.options.breaker?.failed(bucket);
      else if (failure.status !== undefined) this.options.breaker?.succeeded(bucket);
      else this.options.breaker?.settledWithoutVerdict(bucket);
      this.report(method, live.length, failure.code, failure.status, started);
      outcomes = live.map((call) => ({ ok: false, error: failure.forMethod(call.method) }));
    } finally {
      cancel.dispose();
    }
    await this.settle(identity, caller, bucket, live, outcomes, sequence);
  }

  /** Resolves what succeeded, retries what may be retried, and rejects the rest. */
  private async settle(
    identity: UpstreamIdentity,
    caller: string,
    bucket: string,
    calls: PendingCall[],
    outcomes: CommandOutcome[],
    sequence: boolean,
  ): Promise<void> {
    const retry: PendingCall[] = [];
    let retryBackoff = 0;
    let portalRefused = false;
    outcomes.forEach((outcome, index) => {
      const call = calls[index]!;
      if (outcome.ok) {
        this.options.operating.record(caller, call.method, outcome.value.time);
        call.resolve(outcome.value);
        return;
      }
      const error = outcome.error;
      const kind = classifyFailure(error);
      if (error.code === "QUERY_LIMIT_EXCEEDED") portalRefused = true;
      if (error.code === "OPERATION_TIME_LIMIT") this.options.operating.block(caller, call.method);
      const attemptsLeft = call.attempts < RETRY_POLICY.maxAttempts;
      if (call.settled) {
        // Its caller went away or its deadline passed: nothing to retry for.
      } else if (kind === "not-executed" && attemptsLeft) {
        retry.push(call);
        this.options.observer?.retry?.({ method: call.method, code: error.code });
      } else if (kind === "ambiguous" && isIdempotent(call.method) && attemptsLeft) {
        retry.push(call);
        this.options.observer?.retry?.({ method: call.method, code: error.code });
        retryBackoff = Math.max(retryBackoff, backoffMs(call.attempts));
      } else if (kind === "ambiguous" && !isIdempotent(call.method)) {
        call.reject(new BitrixResultUnknownError(call.method, error));
      } else {
        call.reject(error);
      }
    });
    // The model let a request through that the portal refused: someone else shares the limit.
    if (portalRefused) await this.options.limiter.markFull(bucket);
    if (retry.length === 0) return;
    if (sequence && retry[0] !== calls[0]) {
      // A sequence resumes only from its start: later calls may refer to earlier results.
      this.rejectAll(retry, (call) => new BitrixNotExecutedError(call.method));
      return;
    }
    if (retryBackoff > 0) await sleep(retryBackoff);
    await this.send(identity, sequence ? calls.filter((call) => !call.settled) : retry, sequence);
  }

  private dropPastDeadline(calls: PendingCall[], waitMs: number): PendingCall[] {
    const ready = Date.now() + waitMs;
    const late = calls.filter((call) => call.deadline < ready);
    this.rejectAll(
      late,
      (call) => new BitrixRateLimitedError(call.method, Math.ceil(waitMs / 1000)),
    );
    return calls.filter((call) => call.deadline >= ready);
  }

  private rejectAll(calls: PendingCall[], error: (call: PendingCall) => BitrixError): void {
    for (const call of calls) call.reject(error(call));
  }

  private report(
    method: string,
    commands: number,
    outcome: string,
    status: number | undefined,
    started: number,
  ): void {
    const event = { method, commands, outcome, status, durationMs: Date.now() - started };
    this.options.onRequest?.(event);
    this.options.observer?.request?.(event);
  }
}

/**
 * A signal for one HTTP request that fires once every call it carries is settled without it: their
 * callers went away or their deadlines passed. A batch shared with calls that are still wanted goes on.
 */
function cancelWhenAbandoned(calls: PendingCall[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const signals = [...new Set(calls.map((call) => call.signal).filter((s) => s !== undefined))];
  // A call without a signal is always wanted.
  if (signals.length === 0 || calls.some((call) => call.signal === undefined)) {
    return { signal: controller.signal, dispose: () => undefined };
  }
  const check = () => {
    if (calls.every((call) => call.settled)) controller.abort();
  };
  for (const signal of signals) signal.addEventListener("abort", check, { once: true });
  // The callers may have gone while the request waited for its slot.
  check();
  return {
    signal: controller.signal,
    dispose: () => {
      for (const signal of signals) signal.removeEventListener("abort", check);
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
