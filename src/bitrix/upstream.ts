import type { Batcher, CallContext } from "./batcher";
import type { BitrixParams } from "./client";
import type { BitrixSuccess } from "./envelope";
import type { UpstreamIdentity } from "./identity";

export interface UpstreamCall {
  method: string;
  params: BitrixParams;
}

/**
 * A view of the portal for one GraphQL request: calls bound to the caller's identity, cancellation
 * signal and deadline. Typed APIs are written against this interface and never see batching, rate
 * limits or retries.
 */
export interface Upstream {
  call<T = unknown>(method: string, params: BitrixParams): Promise<BitrixSuccess<T>>;
  /**
   * Runs calls in order in one upstream request; each runs only if the ones before it succeeded. A
   * later call may use an earlier result through `resultOf(index)`.
   */
  sequence(calls: UpstreamCall[]): Array<Promise<BitrixSuccess>>;
}

export class BatchingUpstream implements Upstream {
  constructor(
    private readonly batcher: Batcher,
    private readonly identity: UpstreamIdentity,
    private readonly context: CallContext,
  ) {}

  call<T = unknown>(method: string, params: BitrixParams): Promise<BitrixSuccess<T>> {
    return this.batcher.call(this.identity, method, params, this.context) as Promise<
      BitrixSuccess<T>
    >;
  }

  sequence(calls: UpstreamCall[]): Array<Promise<BitrixSuccess>> {
    const promises = this.batcher.sequence(this.identity, calls, this.context);
    // A caller may stop at the first failure; the later rejections are expected, not unhandled.
    for (const promise of promises) promise.catch(() => undefined);
    return promises;
  }
}
