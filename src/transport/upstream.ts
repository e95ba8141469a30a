import type { BitrixSuccess } from "./envelope";
import type { BitrixParams } from "./http-client";

export interface UpstreamCall {
  method: string;
  params: BitrixParams;
}

/**
 * The portal as one GraphQL request sees it: calls bound to the caller's identity, cancellation
 * signal and deadline. The typed booking.v1 APIs are written against this interface and never see
 * queues, batches, rate limits or retries.
 */
export interface Upstream {
  call<T = unknown>(method: string, params: BitrixParams): Promise<BitrixSuccess<T>>;
  /**
   * Runs calls in order in one upstream request; each runs only if the ones before it succeeded. A
   * later call may use an earlier result through `resultOf(index)`.
   */
  sequence(calls: UpstreamCall[]): Array<Promise<BitrixSuccess>>;
}

/** What binds an Upstream to one GraphQL request. */
export interface CallContext {
  /** Fires when the client goes away or the request's deadline passes. */
  signal?: AbortSignal | undefined;
  /** Clock time after which nothing is waited for any more. */
  deadline: number;
}
