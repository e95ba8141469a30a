import type { Request } from "express";
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
  /** How the caller authenticated; set by the authentication guard. */
  caller: Caller;
  /** What the GraphQL work reports for the request log; set once the GraphQL context exists. */
  record: RequestRecord | undefined;
}

const states = new WeakMap<Request, RequestState>();

export function startRequestState(req: Request, state: RequestState): void {
  states.set(req, state);
}

/** The state `requestScope` created for `req`; every route behind it has one. */
export function requestState(req: Request): RequestState {
  const state = states.get(req);
  if (!state) throw new Error("requestState: the request did not pass through requestScope");
  return state;
}
