import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/**
 * Errors about single list items that were left out while the rest of the list was delivered: the
 * schema's lists hold non-null items, so graphql-js alone could only fail the whole list. Resolvers
 * record such items here and the plugin adds them to the response's `errors`.
 */
export interface PartialErrorSink {
  partialErrors: GraphQLFormattedError[];
}

export function partialErrorsPlugin<
  TContext extends PartialErrorSink,
>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          const extra = contextValue.partialErrors;
          if (extra.length === 0 || response.body.kind !== "single") return Promise.resolve();
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra];
          return Promise.resolve();
        },
      });
    },
  };
}
