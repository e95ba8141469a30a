import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import { ApolloServerPluginSubscriptionCallback } from "@apollo/server/plugin/subscriptionCallback";
import type { Logger } from "../logger";
import { OperationTypeNode } from "graphql";
import { ErrorCode } from "../errors/error-code";
import { RequestRefusal } from "../errors/request-refusal";

/**
 * Subscriptions over HTTP: Apollo's callback protocol (for Apollo Router), and only with a callback
 * the gateway can use. Apollo's plugin is handed only requests whose callback extension holds up;
 * anything else is refused with 400 and the reason (a plain POST of a subscription, a callback URL
 * that is no http(s) URL, a missing id or verifier), where Apollo's plugin would answer 500 after
 * trying the callback.
 */
export function subscriptionCallbackPlugin(logger: Logger): ApolloServerPlugin<BaseContext> {
  const callbacks = ApolloServerPluginSubscriptionCallback({ logger });
  // A plain request: only a subscription is refused, and always with the same reason.
  const plainRequest = Promise.resolve(refusing(NOT_OVER_PLAIN_HTTP, false));
  return {
    // Apollo's own hooks stay: its serverWillStart stops open callbacks and heartbeats on shutdown.
    ...callbacks,
    requestDidStart(requestContext) {
      const extension: unknown = requestContext.request.extensions?.subscription;
      if (extension === undefined) return plainRequest;
      const problem = callbackProblem(extension);
      if (!problem) return callbacks.requestDidStart!(requestContext);
      return Promise.resolve(refusing(problem, true));
    },
  };
}

const NOT_OVER_PLAIN_HTTP =
  "Subscriptions are served over graphql-ws (ws://…/graphql) or Apollo's HTTP callback protocol (extensions.subscription), not as a plain HTTP request";

/** Refuses the operation with 400 and `problem`: any operation (`always`), or only a subscription. */
function refusing(problem: string, always: boolean): GraphQLRequestListener<BaseContext> {
  return {
    didResolveOperation({ operation }) {
      if (always || operation?.operation === OperationTypeNode.SUBSCRIPTION) {
        throw new RequestRefusal(ErrorCode.BadRequest, problem, 400);
      }
      return Promise.resolve();
    },
  };
}

function callbackProblem(extension: unknown): string | undefined {
  const callback = extension as {
    callbackUrl?: unknown;
    subscriptionId?: unknown;
    verifier?: unknown;
  };
  if (typeof callback.subscriptionId !== "string" || typeof callback.verifier !== "string") {
    return "extensions.subscription needs a subscriptionId and a verifier, as strings";
  }
  if (
    typeof callback.callbackUrl !== "string" ||
    !/^https?:$/.test(protocolOf(callback.callbackUrl))
  ) {
    return "extensions.subscription.callbackUrl must be an http(s) URL";
  }
  return undefined;
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}
