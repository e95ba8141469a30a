import type { ApolloServerPlugin, GraphQLRequestListener } from "@apollo/server";
import { ApolloServerPluginSubscriptionCallback } from "@apollo/server/plugin/subscriptionCallback";
import type { Logger } from "../logger";
import { OperationTypeNode } from "graphql";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";
import type { AuthOutcome, Caller } from "../security/caller-auth";

/** What the plugin needs of a request's context. */
interface CallbackContext {
  request: { viaRouter: boolean; caller: Caller };
}

export interface SubscriptionCallbackOptions {
  logger: Logger;
  /** SUBSCRIPTION_CALLBACK_ORIGINS: the only origins a callback URL may have. */
  allowedOrigins: readonly string[];
  /** Admits the caller as a subscriber (OAuth mode: a token the portal accepted). */
  admitSubscriber: (caller: Caller, authorization: string | undefined) => Promise<AuthOutcome>;
}

/**
 * Subscriptions over HTTP: Apollo's callback protocol, for Apollo Router only. A callback makes the
 * gateway send requests to a URL the caller names, so it is taken only from a caller that came
 * through the router (ROUTER_SECRET), only to an origin of SUBSCRIPTION_CALLBACK_ORIGINS, and in
 * OAuth mode only with a token the portal has accepted. Anything else is refused with 400 and the
 * reason before Apollo's plugin sees it, so before any outbound request; so is a plain POST of a
 * subscription, and a callback extension that does not hold up.
 */
export function subscriptionCallbackPlugin<TContext extends CallbackContext>(
  options: SubscriptionCallbackOptions,
): ApolloServerPlugin<TContext> {
  const callbacks = ApolloServerPluginSubscriptionCallback({
    logger: options.logger,
  }) as ApolloServerPlugin<TContext>;
  // A plain request: only a subscription is refused, and always with the same reason.
  const plainRequest = Promise.resolve(refusing<TContext>(NOT_OVER_PLAIN_HTTP, false));
  return {
    // Apollo's own hooks stay: its serverWillStart stops open callbacks and heartbeats on shutdown.
    ...callbacks,
    async requestDidStart(requestContext) {
      const extension: unknown = requestContext.request.extensions?.subscription;
      if (extension === undefined) return plainRequest;
      const problem = callbackProblem(
        extension,
        requestContext.contextValue.request.viaRouter,
        options.allowedOrigins,
      );
      if (problem) return refusing<TContext>(problem, true);
      const admitted = await options.admitSubscriber(
        requestContext.contextValue.request.caller,
        requestContext.request.http?.headers.get("authorization"),
      );
      if (!admitted.ok) return refusing<TContext>(admitted.message, true);
      // The context was built before this admission: from here on it holds the verified caller
      // (in OAuth mode with its portal user, whose subscription cap the subscription is charged to).
      requestContext.contextValue.request.caller = admitted.caller;
      const listener = await callbacks.requestDidStart!(requestContext);
      return listener && onlyIfAdmitted(listener);
    },
  };
}

/**
 * Apollo's listener with one change: its `willSendResponse` (which sends the `check` request to the
 * callback URL, then starts the subscription) runs only for an operation that was admitted. Apollo's
 * plugin runs it for every response, so an operation the limits refused still made the gateway
 * call the callback URL.
 */
function onlyIfAdmitted<TContext extends CallbackContext>(
  listener: GraphQLRequestListener<TContext>,
): GraphQLRequestListener<TContext> {
  return {
    ...listener,
    willSendResponse(requestContext) {
      const { body } = requestContext.response;
      if (body.kind === "single" && body.singleResult.errors?.length) return Promise.resolve();
      return listener.willSendResponse?.(requestContext) ?? Promise.resolve();
    },
  };
}

const NOT_OVER_PLAIN_HTTP =
  "Subscriptions are served over graphql-ws (ws://…/graphql) or Apollo's HTTP callback protocol (extensions.subscription), not as a plain HTTP request";

/** Refuses the operation with 400 and `problem`: any operation (`always`), or only a subscription. */
function refusing<TContext extends CallbackContext>(
  problem: string,
  always: boolean,
): GraphQLRequestListener<TContext> {
  return {
    didResolveOperation({ operation }) {
      if (always || operation?.operation === OperationTypeNode.SUBSCRIPTION) {
        throw new RequestRefusal(ErrorCode.BadRequest, problem, 400);
      }
      return Promise.resolve();
    },
  };
}

function callbackProblem(
  extension: unknown,
  viaRouter: boolean,
  allowedOrigins: readonly string[],
): string | undefined {
  if (!viaRouter) {
    return "extensions.subscription (the callback protocol) is accepted only from the federation router, which sends x-router-secret (ROUTER_SECRET)";
  }
  const callback = extension as {
    callbackUrl?: unknown;
    subscriptionId?: unknown;
    verifier?: unknown;
  };
  if (typeof callback.subscriptionId !== "string" || typeof callback.verifier !== "string") {
    return "extensions.subscription needs a subscriptionId and a verifier, as strings";
  }
  const url = typeof callback.callbackUrl === "string" ? parseUrl(callback.callbackUrl) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) {
    return "extensions.subscription.callbackUrl must be an http(s) URL";
  }
  if (!allowedOrigins.includes(url.origin)) {
    return `extensions.subscription.callbackUrl must point at one of the origins in SUBSCRIPTION_CALLBACK_ORIGINS, got ${url.origin}`;
  }
  return undefined;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
