import type { BitrixParams } from "./client";
import type { BitrixSuccess } from "./envelope";
import { abortErrorFor, BitrixResultUnknownError } from "./errors";
import { MAX_BATCH_COMMANDS, type Dispatcher } from "./dispatcher";
import { identityKey, type UpstreamIdentity } from "./identity";
import { createPendingCall, type PendingCall } from "./pending-call";
import { isIdempotent } from "./retry-policy";

export interface BatcherOptions {
  /** Folding on or off; off sends every call as its own request (the baseline of the benchmark). */
  enabled: boolean;
  /**
   * While other GraphQL operations of the same identity are running, a batch stays open until no
   * call has joined it for this long. A lone operation never waits: its calls go out in the same tick.
   */
  windowMs: number;
  /** The longest a call waits for its batch to close, however steadily calls keep arriving. */
  maxWaitMs: number;
}

interface IdentityQueue {
  identity: UpstreamIdentity;
  calls: PendingCall[];
  timer: NodeJS.Timeout | undefined;
  immediate: NodeJS.Immediate | undefined;
  /** GraphQL operations of this identity that are running now. */
  activeOperations: number;
  /** A drain loop is waiting for rate-limit slots and sending batches. */
  draining: boolean;
  /** When the newest and the oldest queued call joined, in Unix milliseconds. */
  lastJoinedAt: number;
  firstJoinedAt: number;
}

export interface CallContext {
  signal?: AbortSignal | undefined;
  deadline: number;
}

/**
 * Folds calls of one identity, from any resolver, loader or concurrent GraphQL operation, into Bitrix24
 * `batch` requests of at most 50 commands. Calls of different identities never share a request.
 */
export class Batcher {
  private readonly queues = new Map<string, IdentityQueue>();

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly options: BatcherOptions,
  ) {}

  /** Marks a GraphQL operation of `identity` as running; the returned function marks it finished. */
  beginOperation(identity: UpstreamIdentity): () => void {
    const queue = this.queueOf(identity);
    queue.activeOperations += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      queue.activeOperations -= 1;
      this.schedule(queue);
      this.forgetIfIdle(queue);
    };
  }

  call(
    identity: UpstreamIdentity,
    method: string,
    params: BitrixParams,
    context: CallContext,
  ): Promise<BitrixSuccess> {
    const queue = this.queueOf(identity);
    const { call, promise } = createPendingCall(
      method,
      params,
      context.deadline,
      context.signal,
      (aborted) => this.abort(queue, aborted),
    );
    if (context.signal?.aborted) {
      call.reject(abortErrorFor(method, context.signal));
      return promise;
    }
    // An open circuit fails the call before it waits for a batch or a rate-limit slot.
    if (this.dispatcher.refuseIfOpen(identity, [call])) return promise;
    if (!this.options.enabled) {
      void this.dispatcher.send(identity, [call]);
      return promise;
    }
    const now = Date.now();
    if (queue.calls.length === 0) queue.firstJoinedAt = now;
    queue.lastJoinedAt = now;
    queue.calls.push(call);
    if (queue.calls.length >= MAX_BATCH_COMMANDS) this.flush(queue);
    else this.schedule(queue);
    return promise;
  }

  /**
   * Sends calls in order as one halting batch, so that each runs only if those before it succeeded:
   * a write followed by the read of what it wrote.
   */
  sequence(
    identity: UpstreamIdentity,
    calls: ReadonlyArray<{ method: string; params: BitrixParams }>,
    context: CallContext,
  ): Array<Promise<BitrixSuccess>> {
    const queue = this.queueOf(identity);
    const pending = calls.map(({ method, params }) =>
      createPendingCall(method, params, context.deadline, context.signal, (aborted) =>
        this.abort(queue, aborted),
      ),
    );
    void this.dispatcher.send(
      identity,
      pending.map((p) => p.call),
      true,
    );
    return pending.map((p) => p.promise);
  }

  private schedule(queue: IdentityQueue): void {
    if (queue.calls.length === 0) return;
    // Flush in the same tick when no other operation of this identity could still add a call.
    if (queue.activeOperations <= 1) {
      queue.immediate ??= setImmediate(() => {
        queue.immediate = undefined;
        if (queue.activeOperations <= 1) this.flush(queue);
        else this.schedule(queue);
      });
      return;
    }
    queue.timer ??= setTimeout(() => this.closeWindow(queue), this.options.windowMs);
  }

  /** Flushes once calls stop arriving, or once the oldest call has waited long enough. */
  private closeWindow(queue: IdentityQueue): void {
    queue.timer = undefined;
    const now = Date.now();
    const quietFor = now - queue.lastJoinedAt;
    const oldestWaited = now - queue.firstJoinedAt;
    if (quietFor < this.options.windowMs && oldestWaited < this.options.maxWaitMs) {
      const remaining = Math.min(
        this.options.windowMs - quietFor,
        this.options.maxWaitMs - oldestWaited,
      );
      queue.timer = setTimeout(() => this.closeWindow(queue), Math.max(1, remaining));
      return;
    }
    this.flush(queue);
  }

  private flush(queue: IdentityQueue): void {
    if (queue.timer) clearTimeout(queue.timer);
    if (queue.immediate) clearImmediate(queue.immediate);
    queue.timer = undefined;
    queue.immediate = undefined;
    void this.drain(queue);
  }

  /**
   * Sends the queue as batches, one rate-limit slot each. The batch is cut only once its slot is
   * granted, so while the portal's limit makes calls wait, later calls join the waiting batch instead
   * of spending slots of their own.
   */
  private async drain(queue: IdentityQueue): Promise<void> {
    if (queue.draining) return;
    queue.draining = true;
    try {
      for (;;) {
        queue.calls = queue.calls.filter((call) => !call.settled);
        if (queue.calls.length === 0) break;
        const deadline = Math.max(...queue.calls.map((call) => call.deadline));
        const slot = await this.dispatcher.waitForSlot(queue.identity, deadline);
        const batch = this.dispatcher.admit(queue.calls.splice(0, MAX_BATCH_COMMANDS), slot);
        if (batch.length > 0) void this.dispatcher.transmit(queue.identity, batch);
      }
    } finally {
      queue.draining = false;
      this.forgetIfIdle(queue);
    }
  }

  /**
   * A caller that went away, or whose deadline passed, loses its queued call; a call already sent is
   * cancelled once no other caller waits for its request (see the dispatcher). A write that may have
   * reached the portal and cannot be repeated is reported as possibly applied.
   */
  private abort(queue: IdentityQueue, call: PendingCall): void {
    queue.calls = queue.calls.filter((queued) => queued !== call);
    const error = abortErrorFor(call.method, call.signal);
    call.reject(
      call.attempts > 0 && !isIdempotent(call.method)
        ? new BitrixResultUnknownError(call.method, error)
        : error,
    );
  }

  private queueOf(identity: UpstreamIdentity): IdentityQueue {
    const key = identityKey(identity);
    let queue = this.queues.get(key);
    if (!queue) {
      queue = {
        identity,
        calls: [],
        timer: undefined,
        immediate: undefined,
        activeOperations: 0,
        draining: false,
        lastJoinedAt: 0,
        firstJoinedAt: 0,
      };
      this.queues.set(key, queue);
    }
    return queue;
  }

  /** OAuth identities come and go with their users; drop a queue once nothing refers to it. */
  private forgetIfIdle(queue: IdentityQueue): void {
    if (
      queue.activeOperations === 0 &&
      queue.calls.length === 0 &&
      !queue.timer &&
      !queue.immediate
    ) {
      this.queues.delete(identityKey(queue.identity));
    }
  }
}
