import type { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";
import type { GatewayContext } from "../context";

/**
 * The `Cache-Control` hint of each response, for routers, CDNs and browsers, so that no copy
 * downstream outlives the gateway's own or reaches a caller the gateway would refuse:
 *
 * - a query answered without errors may be kept for what is left of the life of the oldest cache
 *   entry it was answered from (at most `CACHE_TTL_S`), not a fresh `CACHE_TTL_S` from now;
 * - `public` only when the gateway asks callers for no credential at all; an answer to an
 *   authenticated caller (a gateway token or JWT, an OAuth token, the router's secret) is `private`,
 *   since a shared cache would otherwise serve it without the check;
 * - anything else, and everything with the cache off, is `no-store`.
 *
 * The schema has no `@cacheControl` hints, so the policy follows from the operation alone. Apollo's
 * own cache-control plugin would work it out field by field, wrapping every resolver of every
 * request to do so.
 */
export function cachePolicyPlugin(options: {
  /** 0 with the read cache off. */
  maxAgeSeconds: number;
}): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, operation, contextValue }) {
          const { headers } = response.http;
          // A hint set on purpose before this (by a plugin or a resolver) stands.
          if (headers.has("cache-control")) return Promise.resolve();
          const secondsLeft = Math.floor(
            Math.min(options.maxAgeSeconds, contextValue.record.cacheLife.secondsLeft),
          );
          const mayKeep =
            secondsLeft > 0 &&
            operation?.operation === OperationTypeNode.QUERY &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          const scope = contextValue.request.caller.kind === "open" ? "public" : "private";
          headers.set("cache-control", mayKeep ? `max-age=${secondsLeft}, ${scope}` : "no-store");
          return Promise.resolve();
        },
      });
    },
  };
}
