import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";

/**
 * Federated traces (ftv1) for the router: timings and paths, with error messages masked. Apollo's
 * plugin builds a trace tree for every request before it looks whether the router asked for one;
 * here only a request that carries `apollo-federation-include-trace: ftv1` reaches it.
 */
export function federatedTracesPlugin(): ApolloServerPlugin<BaseContext> {
  const inlineTrace = ApolloServerPluginInlineTrace({ includeErrors: { masked: true } });
  return {
    // Keeps the plugin's identity, so that Apollo does not install a second one for the subgraph.
    ...inlineTrace,
    requestDidStart(requestContext) {
      const asked = requestContext.request.http?.headers.get("apollo-federation-include-trace");
      return asked === "ftv1" ? inlineTrace.requestDidStart!(requestContext) : Promise.resolve();
    },
  };
}
