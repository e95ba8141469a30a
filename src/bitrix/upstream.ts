import type { BitrixClient, BitrixParams } from "./client";
import type { BitrixSuccess } from "./envelope";
import type { UpstreamIdentity } from "./identity";

/**
 * A view of the portal for one caller: method calls already bound to an identity and to the caller's
 * cancellation signal. Typed APIs are written against this interface, so that the layers which batch,
 * rate-limit and retry calls can stand in for the plain client without the callers noticing.
 */
export interface Upstream {
  call<T = unknown>(method: string, params: BitrixParams): Promise<BitrixSuccess<T>>;
}

/** Sends every call as its own HTTP request. */
export class DirectUpstream implements Upstream {
  constructor(
    private readonly client: BitrixClient,
    private readonly identity: UpstreamIdentity,
    private readonly signal?: AbortSignal,
  ) {}

  call<T = unknown>(method: string, params: BitrixParams): Promise<BitrixSuccess<T>> {
    return this.client.call<T>(
      this.identity,
      method,
      params,
      this.signal ? { signal: this.signal } : {},
    );
  }
}
