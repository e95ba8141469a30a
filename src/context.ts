import { createHash } from "node:crypto";
import type { GraphQLFormattedError } from "graphql";
import type { ReadCache, ScopedCache } from "./cache/read-cache";
import type { Clock } from "./clock";
import { SILENT_ANNOUNCER } from "./services/change-announcer";
import type { LiveData } from "./events/live-data";
import type { LiveFeed } from "./events/live-feed";
import type { PortalConfig } from "./config";
import type { OperationRecord } from "./observability/operation-observer";
import type { UpstreamCost } from "./limits/upstream-cost";
import { bearerToken } from "./security/bearer-token";
import type { Caller } from "./security/caller-auth";
import type { ChangeAnnouncer } from "./services/change-announcer";
import { RequestServices, type Services } from "./services/services";
import { identityKey, type ApplicationIdentity, type UpstreamIdentity } from "./transport/identity";
import { BitrixApiError } from "./transport/errors";
import type { Transport } from "./transport/transport";
import type { CallContext, Upstream } from "./transport/upstream";
import { refusesCredential } from "./security/oauth-token-verifier";

/**
 * Everything a resolver may use for one GraphQL request: the services, one per entity, and the
 * request's facts; plus the record that plugins fill in for the response and the request log.
 */
export interface GatewayContext extends Services {
  /** Changes as this caller may see them, for subscriptions. */
  live: LiveFeed;
  /** Before a subscription resolves its next change: every field is read afresh (see RequestServices). */
  forgetReads(): void;
  request: RequestFacts;
  record: RequestRecord;
}

/** What is known of the request before any resolver runs. */
export interface RequestFacts {
  id: string;
  /**
   * How the caller authenticated (never the credential). Admitting a subscriber over the callback
   * protocol, which happens after the context is built, replaces it with the verified caller.
   */
  caller: Caller;
  /** The request came through the federation router (it carried ROUTER_SECRET). */
  viaRouter: boolean;
  /** The client asked for `extensions.cost` with the `x-cost: true` header. */
  wantsCost: boolean;
}

/**
 * What the request's GraphQL work reports beside its data. Objects and arrays, so that the shallow
 * copies of the context Apollo makes per operation of an HTTP batch share them.
 */
export interface RequestRecord {
  /** Operations of the request so far; an HTTP batch holds several. */
  readonly operations: OperationRecord[];
  /** Upstream calls the request's resolvers made (batch commands each count). */
  readonly counters: { upstreamCalls: number };
  /** The upstream cost estimated for each operation before it ran. */
  readonly estimates: UpstreamCost[];
  /** List items left out (an unknown client type, a deleted resource), each an error of its own. */
  readonly partialErrors: GraphQLFormattedError[];
  /** The least life left of the cache entries the answer came from (Infinity: none), for `max-age`. */
  readonly cacheLife: { secondsLeft: number };
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
  /** How the operation arrived: "http", "ws" (graphql-ws) or "callback" (Apollo's protocol). */
  transport: string;
}

/**
 * Builds a fresh context per request (per subscription over graphql-ws); in OAuth mode each
 * caller's own token is the identity.
 */
export function createContextFactory(
  portal: PortalConfig,
  transport: Transport,
  live: LiveData,
  cache: ReadCache,
  requestDeadlineMs: number,
  clock: Clock,
  /** OAuth mode: told of each token the portal refused on a call, so that it is refused at once. */
  credentialRefused?: (token: string) => void,
  /** Application mode: the installed application, whose tokens every request uses. */
  application?: ApplicationIdentity,
) {
  // One identity for the process outside OAuth mode, so what is derived from it is computed once.
  const fixedIdentity: UpstreamIdentity | undefined =
    portal.mode === "webhook"
      ? { kind: "webhook", endpoint: portal.webhookEndpoint }
      : portal.mode === "application"
        ? application
        : undefined;
  const upstreamOf = (identity: UpstreamIdentity, context: CallContext): Upstream => {
    const upstream = transport.upstream(identity, context);
    return identity.kind === "oauth" && credentialRefused
      ? reportingRefusals(upstream, () => credentialRefused(identity.accessToken))
      : upstream;
  };
  return (input: ContextInput): GatewayContext => {
    const identity = fixedIdentity ?? oauthIdentity(portal, input.authorization);
    const upstream: Upstream = identity
      ? upstreamOf(identity, {
          signal: input.signal,
          deadline: clock.now() + requestDeadlineMs,
        })
      : missingTokenUpstream;
    const record: RequestRecord = {
      operations: [],
      counters: { upstreamCalls: 0 },
      estimates: [],
      partialErrors: [],
      cacheLife: { secondsLeft: Infinity },
    };
    const counted = countingUpstream(upstream, (calls) => {
      record.counters.upstreamCalls += calls;
    });
    // Callers who may see different things never share entries: in OAuth mode each access token is
    // its own scope (named by a digest, never the token).
    const identityName = identity ? identityKey(identity) : "none";
    const scope = cache.scope(identityName, (secondsLeft) => {
      record.cacheLife.secondsLeft = Math.min(record.cacheLife.secondsLeft, secondsLeft);
    });
    const request: RequestFacts = {
      id: input.requestId,
      caller: input.caller,
      viaRouter: input.caller.viaRouter,
      wantsCost: input.wantsCost,
    };
    return new RequestContext(counted, live.announcer, scope, {
      // Only subscriptions watch changes: the feed is built when one asks for it.
      live: () =>
        live.feed({
          identityKey: identityName,
          // Read when the subscription starts, so that it sees the caller as its admission left it.
          caller: () => callerKey(request.caller, input.authorization),
          transport: input.transport,
          // Each change's record is read afresh, past the request's own remembered reads.
          services: () =>
            new RequestServices(
              identity
                ? upstreamOf(identity, { deadline: clock.now() + requestDeadlineMs })
                : missingTokenUpstream,
              SILENT_ANNOUNCER,
              scope,
            ),
        }),
      request,
      record,
    });
  };
}

/** A request's context: its services and live feed, built on first use, and its facts and record. */
class RequestContext extends RequestServices implements GatewayContext {
  readonly request: RequestFacts;
  readonly record: RequestRecord;
  private readonly feed: { make: () => LiveFeed; made?: LiveFeed };

  constructor(
    upstream: Upstream,
    announcer: ChangeAnnouncer,
    cache: ScopedCache,
    parts: { live: () => LiveFeed; request: RequestFacts; record: RequestRecord },
  ) {
    super(upstream, announcer, cache);
    this.request = parts.request;
    this.record = parts.record;
    this.feed = { make: parts.live };
  }

  get live(): LiveFeed {
    return (this.feed.made ??= this.feed.make());
  }
}

/**
 * Whose subscriptions count together: one portal user in OAuth mode (a user can get fresh tokens at
 * will, so a token would be no bound; the gateway serves one portal, so the user id is enough), else
 * one credential, or one kind of caller without one.
 */
function callerKey(caller: Caller, authorization: string | undefined): string {
  if (caller.user !== undefined) return `oauth-user:${caller.user}`;
  const token = bearerToken(authorization);
  if (!token) return caller.kind;
  return `bearer:${createHash("sha256").update(token).digest("hex").slice(0, 16)}`;
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

/** The same view of the portal, telling `report` when the portal refuses the credential itself. */
function reportingRefusals(upstream: Upstream, report: () => void): Upstream {
  const watch = <T>(answer: Promise<T>): Promise<T> => {
    answer.catch((error: unknown) => {
      if (refusesCredential(error)) report();
    });
    return answer;
  };
  return {
    call: (method, params) => watch(upstream.call(method, params)),
    sequence: (calls) => upstream.sequence(calls).map(watch),
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
