import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./error-code";
import { formatGatewayError } from "./to-graphql-error";

/**
 * Errors about single list items that were left out while the rest of the list was delivered: the
 * schema's lists hold non-null items, so graphql-js alone could only fail the whole list. Resolvers
 * record such items here and the plugin adds them to the response's `errors`.
 */
export interface PartialErrorSink {
  record: { partialErrors: GraphQLFormattedError[] };
}

/**
 * The error for one item left out of a list at `path`: `reason` goes through the same translation
 * as any other error (an upstream failure gets its mapped code and `extensions.bitrix`), and
 * `details` name the list's owner and the item.
 */
export function leftOutOfList(
  path: ReadonlyArray<string | number>,
  reason: Error,
  details: Record<string, unknown>,
): GraphQLFormattedError {
  // As Apollo Server hands an error to formatError: one of ours keeps its code, an upstream failure
  // is mapped from `reason`, and anything else is marked internal, so that its message is masked.
  const formatted = formatGatewayError(
    {
      message: reason.message,
      extensions:
        reason instanceof GraphQLError
          ? reason.extensions
          : { code: ErrorCode.InternalServerError },
    },
    reason,
  );
  return {
    ...formatted,
    path,
    extensions: { ...formatted.extensions, ...details, leftOut: true },
  };
}

export function partialErrorsPlugin<
  TContext extends PartialErrorSink,
>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          const extra = contextValue.record.partialErrors;
          if (extra.length === 0 || response.body.kind !== "single") return Promise.resolve();
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra];
          return Promise.resolve();
        },
      });
    },
  };
}
