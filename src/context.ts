import type { GraphQLFormattedError } from "graphql";
import type { Clock } from "./clock";
import { BookingApi } from "./bitrix/booking-api";
import { ExternalDataApi } from "./bitrix/external-data-api";
import { ResourceApi } from "./bitrix/resource-api";
import { ResourceTypeApi } from "./bitrix/resource-type-api";
import { WaitListApi } from "./bitrix/waitlist-api";
import type { UpstreamIdentity } from "./transport/identity";
import { BitrixApiError } from "./transport/errors";
import type { Transport } from "./transport/transport";
import type { Upstream } from "./transport/upstream";
import type { PortalConfig } from "./config";
import type { PartialErrorSink } from "./errors/partial-errors";
import type { LimitsContext } from "./limits/operation-limits";
import { createLoaders, type Loaders } from "./loaders";
import type { ObservedContext, OperationRecord } from "./observability/operation-observer";
import { bearerToken } from "./security/bearer-token";
import type { Caller } from "./security/caller-auth";

/** Everything a resolver may use for one GraphQL request. */
export interface GatewayContext extends PartialErrorSink, LimitsContext, ObservedContext {
  requestId: string;
  api: BookingApi;
  resourceTypeApi: ResourceTypeApi;
  resourceApi: ResourceApi;
  waitListApi: WaitListApi;
  externalDataApi: ExternalDataApi;
  loaders: Loaders;
  /**
   * Resource-type codes that mutations of this request have given to a type so far, by code: the
   * type's id. A second field of the same request asking for one of them is refused before it costs
   * an upstream call (the portal would answer 1010/1011).
   */
  resourceTypeCodes: Map<string, number>;
  partialErrors: GraphQLFormattedError[];
  /** How the caller authenticated (never the credential). */
  caller: Caller;
  /**
   * Upstream calls the request's resolvers made (batch commands each count). An object, so that the
   * shallow copies of the context Apollo makes per operation share it.
   */
  counters: { upstreamCalls: number };
}

/** What the context is built from: the HTTP request's facts, as the HTTP layer recorded them. */
export interface ContextInput {
  /** The request's `Authorization` header, if any. */
  authorization: string | undefined;
  /** Aborted when the HTTP client goes away or the request's deadline passes. */
  signal: AbortSignal;
  requestId: string;
  /** How the authentication guard admitted the request. */
  caller: Caller;
  /** The client asked for `extensions.cost` with the `x-cost: true` header. */
  wantsCost: boolean;
}

/** Builds a fresh context per request; in OAuth mode each caller's own token is the identity. */
export function createContextFactory(
  portal: PortalConfig,
  transport: Transport,
  requestDeadlineMs: number,
  clock: Clock,
) {
  // One webhook identity for the process, so what is derived from it is computed once.
  const webhookIdentity: UpstreamIdentity | undefined =
    portal.mode === "oauth" ? undefined : { kind: "webhook", endpoint: portal.webhookEndpoint };
  return (input: ContextInput): GatewayContext => {
    const identity = webhookIdentity ?? oauthIdentity(portal, input.authorization);
    const upstream: Upstream = identity
      ? transport.upstream(identity, {
          signal: input.signal,
          deadline: clock.now() + requestDeadlineMs,
        })
      : missingTokenUpstream;
    const caller = input.caller;
    const counters = { upstreamCalls: 0 };
    const counted = countingUpstream(upstream, (calls) => {
      counters.upstreamCalls += calls;
    });
    const api = new BookingApi(counted);
    const resourceTypeApi = new ResourceTypeApi(counted);
    const resourceApi = new ResourceApi(counted);
    const waitListApi = new WaitListApi(counted);
    const externalDataApi = new ExternalDataApi(counted);
    return {
      counters,
      requestId: input.requestId,
      api,
      resourceTypeApi,
      resourceApi,
      waitListApi,
      externalDataApi,
      loaders: createLoaders({
        booking: api,
        resourceType: resourceTypeApi,
        resource: resourceApi,
        waitList: waitListApi,
        externalData: externalDataApi,
      }),
      resourceTypeCodes: new Map<string, number>(),
      partialErrors: [],
      caller,
      viaRouter: caller.viaRouter,
      wantsCost: input.wantsCost,
      operations: [] as OperationRecord[],
      estimates: [],
    };
  };
}

/** The same view of the portal, counting the calls made through it for the request log. */
function countingUpstream(upstream: Upstream, count: (calls: number) => void): Upstream {
  return {
    call(method, params) {
      count(1);
      return upstream.call(method, params);
    },
    sequence(calls) {
      count(calls.length);
      return upstream.sequence(calls);
    },
  };
}

function oauthIdentity(
  portal: PortalConfig,
  authorization: string | undefined,
): UpstreamIdentity | undefined {
  if (portal.mode !== "oauth") return undefined;
  const token = bearerToken(authorization);
  return token ? { kind: "oauth", endpoint: portal.restEndpoint, accessToken: token } : undefined;
}

/**
 * In OAuth mode a request without a token is refused with 401 before it gets here; should one slip
 * through (a test building contexts directly), any field that needs the portal fails with
 * UNAUTHENTICATED and no upstream call is made.
 */
const missingTokenUpstream: Upstream = {
  call(method) {
    return Promise.reject(missingToken(method));
  },
  sequence(calls) {
    return calls.map((call) => Promise.reject(missingToken(call.method)));
  },
};

/** What the portal itself answers a call without a token: it becomes UNAUTHENTICATED like any other. */
function missingToken(method: string): BitrixApiError {
  return new BitrixApiError(
    "NO_AUTH_FOUND",
    "This gateway runs in OAuth mode: send your Bitrix24 access token as `Authorization: Bearer <token>`",
    method,
    401,
  );
}
