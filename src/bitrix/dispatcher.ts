import { setTimeout as sleep } from "node:timers/promises";
import { commandKey, encodeBatchCommand } from "./batch-command";
import { readBatchResult, type CommandOutcome } from "./batch-result";
import type { BitrixClient } from "./client";
import {
  BitrixError,
  BitrixNotExecutedError,
  BitrixRateLimitedError,
  BitrixResultUnknownError,
} from "./errors";
import { identityKey, type UpstreamIdentity } from "./identity";
import type { OperatingTimeTracker } from "./operating-time";
import type { PendingCall } from "./pending-call";
import type { RateLimiter, Reservation } from "./rate-limiter";
import { backoffMs, classifyFailure, isIdempotent, RETRY_POLICY } from "./retry-policy";

/** The most commands Bitrix24 runs in one `batch`. */
export const MAX_BATCH_COMMANDS = 50;

/** What the dispatcher reports about each HTTP request, for metrics and logs. */
export interface UpstreamRequestEvent {
  method: string;
  commands: number;
  /** "ok", or the Bitrix24 error code the request failed with. */
  outcome: string;
  durationMs: number;
}

export interface DispatcherOptions {
  client: BitrixClient;
  limiter: RateLimiter;
  operating: OperatingTimeTracker;
  onRequest?: (event: UpstreamRequestEvent) => void;
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
    const bucket = new URL(identity.endpoint).origin;
    const reservation = await this.options.limiter.reserve(
      bucket,
      Math.max(0, deadline - Date.now()),
    );
    if (reservation.granted && reservation.waitMs > 0) await sleep(reservation.waitMs);
    return reservation;
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
    const bucket = new URL(identity.endpoint).origin;
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

    for (const call of live) call.attempts += 1;
    const started = Date.now();
    const single = live.length === 1 && !sequence;
    const method = single ? live[0]!.method : "batch";
    let outcomes: CommandOutcome[];
    try {
      if (single) {
        const call = live[0]!;
        const value = await this.options.client.call(identity, call.method, call.params, {
          ...(call.signal && { signal: call.signal }),
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
        const response = await this.options.client.call(identity, "batch", {
          halt: sequence ? 1 : 0,
          cmd,
        });
        this.options.operating.record(caller, "batch", response.time);
        outcomes = readBatchResult(response.result, commands);
      }
      this.report(method, live.length, "ok", started);
    } catch (error) {
      const failure = toBitrixError(error, method);
      this.report(method, live.length, failure.code, started);
      outcomes = live.map((call) => ({ ok: false, error: failure.forMethod(call.method) }));
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
      if (kind === "not-executed" && attemptsLeft) {
        retry.push(call);
      } else if (kind === "ambiguous" && isIdempotent(call.method) && attemptsLeft) {
        retry.push(call);
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

  private report(method: string, commands: number, outcome: string, started: number): void {
    this.options.onRequest?.({ method, commands, outcome, durationMs: Date.now() - started });
  }
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
