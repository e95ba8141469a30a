import type { IncomingMessage } from "node:http";
import type { RequestRecord } from "../context";
import type { Caller } from "../security/caller-auth";

/**
 * What the HTTP layer knows of one request, handed on to the GraphQL layer: typed, instead of an
 * untyped bag on the response. Created by `requestScope` as the request arrives.
 */
export interface RequestState {
  readonly requestId: string;
  /** Aborted when the client goes away or the request's deadline passes. */
  readonly abort: AbortController;
  /**
   * How the caller authenticated; set by the authentication guard. Undefined until then, and for the
   * landing page, which the guard lets through without credentials: no operation runs without one.
   */
  caller: Caller | undefined;
  /** What the GraphQL work reports for the request log; set once the GraphQL context exists. */
  record: RequestRecord | undefined;
}

// A property under a private symbol rather than a WeakMap entry: every request would otherwise add
// an ephemeron that each garbage collection has to trace.
const STATE = Symbol("requestState");
type WithState = IncomingMessage & { [STATE]?: RequestState };

export function startRequestState(req: IncomingMessage, state: RequestState): void {
  (req as WithState)[STATE] = state;
}

/** The state `requestScope` created for `req`; every route behind it has one. */
export function requestState(req: IncomingMessage): RequestState {
  const state = (req as WithState)[STATE];
  if (!state) throw new Error("requestState: the request did not pass through requestScope");
  return state;
}
