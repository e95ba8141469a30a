import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "../logger";
import type { GatewayMetrics } from "./metrics";
import type { OperationRecord } from "./operation-observer";

interface Running {
  started: number;
  operationName: string | null;
  operationType: string | undefined;
  caller: string;
  errorCodes: string[];
}

/**
 * Logs and counts every operation over graphql-ws as HTTP's are: one `graphql request` line when it
 * ends (a query or mutation with its result, a subscription when it completes), and the same
 * operation metrics, so that a mutation sent over a WebSocket leaves an audit record too.
 */
export class WsOperationObserver {
  private readonly running = new Map<string, Running>();
  private readonly log: Logger;

  constructor(
    logger: Logger,
    private readonly metrics: GatewayMetrics | undefined,
  ) {
    // The line's fields are the gateway's own, as on HTTP's request line: no redaction pass.
    this.log = logger.child({}, { redact: [] });
  }

  started(
    requestId: string,
    operation: { name: string | null; type: string | undefined; caller: string },
  ): void {
    this.running.set(requestId, {
      started: Date.now(),
      operationName: operation.name,
      operationType: operation.type,
      caller: operation.caller,
      errorCodes: [],
    });
  }

  /** A result sent to the client; its errors' codes go into the operation's record. */
  result(requestId: string, errors: readonly GraphQLFormattedError[] | undefined): void {
    const running = this.running.get(requestId);
    if (running && errors) running.errorCodes.push(...errors.map(codeOf));
  }

  /** Refused before it ran (limits, validation): logged and counted as rejected. */
  refused(
    requestId: string,
    operation: { name: string | null; caller: string },
    errors: readonly GraphQLFormattedError[],
  ): void {
    this.running.set(requestId, {
      started: Date.now(),
      operationName: operation.name,
      operationType: undefined,
      caller: operation.caller,
      errorCodes: errors.map(codeOf),
    });
    this.ended(requestId, "rejected");
  }

  ended(requestId: string, outcome?: OperationRecord["outcome"]): void {
    const running = this.running.get(requestId);
    if (!running) return;
    this.running.delete(requestId);
    const record: OperationRecord = {
      operationName: running.operationName,
      operationType: running.operationType,
      outcome: outcome ?? (running.errorCodes.length === 0 ? "ok" : "error"),
      errorCodes: running.errorCodes,
      durationMs: Date.now() - running.started,
    };
    this.metrics?.recordOperation({ ...record, type: record.operationType });
    this.log.info(
      {
        requestId,
        transport: "ws",
        caller: running.caller,
        operationName: record.operationName?.slice(0, 100) ?? null,
        operationType: record.operationType,
        outcome: record.outcome,
        errorCodes: record.errorCodes,
        durationMs: record.durationMs,
      },
      "graphql request",
    );
  }
}

function codeOf(error: GraphQLFormattedError): string {
  const code = error.extensions?.code;
  return typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
}
