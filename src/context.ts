import { randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { BookingApi } from "./bitrix/booking-api";
import type { BitrixClient } from "./bitrix/client";
import type { UpstreamIdentity } from "./bitrix/identity";
import { DirectUpstream, type Upstream } from "./bitrix/upstream";
import type { PortalConfig } from "./config";
import { ErrorCode } from "./errors/error-code";
import type { PartialErrorSink } from "./errors/partial-errors";
import { createLoaders, type Loaders } from "./loaders";

/** Everything a resolver may use for one GraphQL request. */
export interface GatewayContext extends PartialErrorSink {
  requestId: string;
  api: BookingApi;
  loaders: Loaders;
  partialErrors: GraphQLFormattedError[];
}

export interface ContextInput {
  /** The request's `Authorization` header, if any. */
  authorization: string | undefined;
  /** Aborted when the HTTP client goes away. */
  signal?: AbortSignal;
  requestId?: string;
}

/** Builds a fresh context per request; in OAuth mode each caller's own token is the identity. */
export function createContextFactory(portal: PortalConfig, client: BitrixClient) {
  return (input: ContextInput): GatewayContext => {
    const identity = identityFor(portal, input.authorization);
    const upstream: Upstream = identity
      ? new DirectUpstream(client, identity, input.signal)
      : missingTokenUpstream;
    const api = new BookingApi(upstream);
    return {
      requestId: input.requestId ?? randomUUID(),
      api,
      loaders: createLoaders(api),
      partialErrors: [],
    };
  };
}

function identityFor(
  portal: PortalConfig,
  authorization: string | undefined,
): UpstreamIdentity | undefined {
  if (portal.mode !== "oauth") return { kind: "webhook", endpoint: portal.webhookEndpoint };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  return token ? { kind: "oauth", endpoint: portal.restEndpoint, accessToken: token } : undefined;
}

/**
 * In OAuth mode a request without a token can still introspect the schema; any field that needs the
 * portal fails with UNAUTHENTICATED, and no upstream call is made.
 */
const missingTokenUpstream: Upstream = {
  call() {
    return Promise.reject(
      new GraphQLError(
        "This gateway runs in OAuth mode: send your Bitrix24 access token as `Authorization: Bearer <token>`",
        { extensions: { code: ErrorCode.Unauthenticated } },
      ),
    );
  },
};
