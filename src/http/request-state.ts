import type { Request } from "express";
import type { OperationRecord } from "../observability/operation-observer";
import type { Caller } from "../security/caller-auth";

/** What the request log reports of a request's GraphQL work; the GraphQL context fills it in. */
export interface RequestRecord {
  /** Operations of the request so far; an HTTP batch holds several. */
  readonly operations: OperationRecord[];
  /** Upstream calls the request's resolvers made (batch commands each count). */
  readonly counters: { upstreamCalls: number };
  /** The upstream cost estimated for each operation before it ran. */
  readonly estimates: ReadonlyArray<{ upstreamCommands: number }>;
}

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
  /** Filled in once the GraphQL context exists. */
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
