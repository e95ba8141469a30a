import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { BitrixError } from "../transport/errors";
import type { Logger } from "../logger";
import type { GatewayMetrics } from "./metrics";

/** One GraphQL operation of a request, as logs and metrics see it. */
export interface OperationRecord {
  operationName: string | null;
  operationType: string | undefined;
  outcome: "ok" | "error" | "rejected";
  errorCodes: string[];
  durationMs: number;
}

/** What the observer needs of a request's context. */
export interface ObservedContext {
  request: { id: string };
  /** Operations of the request so far go here; an HTTP batch holds several. */
  record: { operations: OperationRecord[] };
}

/**
 * Records every operation for the request log and the metrics: its name, type, outcome, error codes and
 * duration. Errors the gateway masks (INTERNAL_SERVER_ERROR) are logged here with their cause, so that
 * operators see what clients do not.
 */
export function operationObserverPlugin<TContext extends ObservedContext>(options: {
  logger: Logger;
  metrics: GatewayMetrics | undefined;
}): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      const started = Date.now();
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = error instanceof GraphQLError ? error.originalError : error;
            if (original === undefined || original instanceof GraphQLError) continue;
            if (original instanceof BitrixError) continue;
            options.logger.error(
              { requestId: contextValue.request.id, err: original, path: error.path },
              "resolver failed unexpectedly; the client got INTERNAL_SERVER_ERROR",
            );
          }
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue, operationName, operation }) {
          const result = response.body.kind === "single" ? response.body.singleResult : undefined;
          const errorCodes = (result?.errors ?? []).map((error) => {
            const code = error.extensions?.code;
            return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
          });
          const status = response.http.status ?? 200;
          const record: OperationRecord = {
            operationName: operationName ?? null,
            operationType: operation?.operation,
            outcome:
              errorCodes.length === 0
                ? "ok"
                : status >= 400 && result?.data === undefined
                  ? "rejected"
                  : "error",
            errorCodes,
            durationMs: Date.now() - started,
          };
          contextValue.record.operations.push(record);
          options.metrics?.recordOperation({ ...record, type: record.operationType });
          return Promise.resolve();
        },
      });
    },
  };
}
