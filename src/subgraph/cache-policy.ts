import type { ApolloServerPlugin } from "@apollo/server";
import { OperationTypeNode } from "graphql";

/**
 * The `Cache-Control` hint of each response, for routers and browsers: a query answered without
 * errors may be kept as long as the gateway keeps its own entries (`max-age=<CACHE_TTL_S>`), and only
 * by its caller (`private`) when each caller sees the portal with their own token; anything else,
 * and everything with the cache off, is `no-store`.
 *
 * The schema has no `@cacheControl` hints, so the policy follows from the operation alone. Apollo's
 * own cache-control plugin would work it out field by field, wrapping every resolver of every
 * request to do so.
 */
export function cachePolicyPlugin(options: {
  /** 0 with the read cache off. */
  maxAgeSeconds: number;
  scope: "public" | "private";
}): ApolloServerPlugin {
  const cacheable = `max-age=${options.maxAgeSeconds}, ${options.scope}`;
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, operation }) {
          const { headers } = response.http;
          // A hint set on purpose before this (by a plugin or a resolver) stands.
          if (headers.has("cache-control")) return Promise.resolve();
          const mayKeep =
            options.maxAgeSeconds > 0 &&
            operation?.operation === OperationTypeNode.QUERY &&
            response.body.kind === "single" &&
            !response.body.singleResult.errors;
          headers.set("cache-control", mayKeep ? cacheable : "no-store");
          return Promise.resolve();
        },
      });
    },
  };
}
