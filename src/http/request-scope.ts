import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { RequestDeadlineExceeded } from "../transport/errors";
import type { Clock } from "../clock";
import { ErrorCode } from "../errors/error-code";
import type { Logger } from "../logger";
import { RequestRefusal } from "../errors/request-refusal";
import type { RejectionReason } from "../observability/metrics";
import type { Handler } from "./handler-chain";
import { sendRefusal } from "./http-guards";
import type { RequestRecord } from "../context";
import { requestState, startRequestState } from "./request-state";

/** After the deadline cancelled the upstream work, how long the response may still take. */
export const DEADLINE_MARGIN_MS = 1000;

/**
 * Per request: an id (the caller's `x-request-id` when it is well-formed), the abort signal every
 * upstream call of the request listens on, and the request's wall-clock deadline. At the deadline the
 * upstream work is cancelled, so resolvers finish at once with UPSTREAM_TIMEOUT; should the response
 * still not be under way shortly after, the client gets 504. One log line per request, when it ends.
 */
export function requestScope(
  deadlineMs: number,
  logger: Logger,
  reject: (reason: RejectionReason) => void,
  clock: Clock,
): Handler {
  // The request line's fields are the gateway's own (ids, counts, codes, operation names): no path in
  // it can hold a credential, so it skips path redaction, whose wildcard paths pino runs on every
  // field of every line (about 14 KB of garbage per request). The secret scrubber still sees it.
  const requestLog = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const started = Date.now();
    const given = req.headers["x-request-id"];
    const requestId =
      typeof given === "string" && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", requestId);
    const abort = new AbortController();
    // Every upstream call of the request listens on this signal; there may be hundreds.
    setMaxListeners(0, abort.signal);
    startRequestState(req, {
      requestId,
      abort,
      caller: undefined,
      record: undefined,
    });
    // One timer per request: the hard deadline's timer is set only once the soft one has passed.
    let cancelHard: (() => void) | undefined;
    const cancelSoft = clock.setTimer(deadlineMs, () => {
      abort.abort(new RequestDeadlineExceeded());
      cancelHard = clock.setTimer(DEADLINE_MARGIN_MS, () => {
        if (res.headersSent) return;
        reject("deadline");
        sendRefusal(
          res,
          new RequestRefusal(
            ErrorCode.GatewayTimeout,
            `The request did not finish within ${deadlineMs} ms (REQUEST_DEADLINE_MS)`,
            504,
          ),
        );
      });
    });
    res.on("close", () => {
      cancelSoft();
      cancelHard?.();
      // The client going away cancels its upstream work; a finished response does not.
      const aborted = !res.writableFinished;
      if (aborted) abort.abort();
      const state = requestState(req);
      logRequest(requestLog, req.method ?? "", res.statusCode, started, state, aborted);
    });
    next();
  };
}

function logRequest(
  logger: Logger,
  method: string,
  status: number,
  started: number,
  state: {
    requestId: string;
    caller: { kind: string } | undefined;
    record: RequestRecord | undefined;
  },
  aborted: boolean,
): void {
  const { requestId, record } = state;
  const operations = record?.operations ?? [];
  const single = operations.length === 1 ? operations[0] : undefined;
  logger.info(
    {
      requestId,
      method,
      status,
      durationMs: Date.now() - started,
      caller: state.caller?.kind ?? "none",
      ...(single && {
        operationName: single.operationName?.slice(0, 100) ?? null,
        operationType: single.operationType,
        outcome: single.outcome,
        errorCodes: single.errorCodes,
      }),
      ...(operations.length > 1 && {
        operations: operations.map((operation) => ({
          ...operation,
          operationName: operation.operationName?.slice(0, 100) ?? null,
        })),
      }),
      upstreamCalls: record?.counters.upstreamCalls ?? 0,
      ...(record?.estimates.length && {
        estimatedUpstreamCommands: record.estimates.reduce(
          (sum, estimate) => sum + estimate.upstreamCommands,
          0,
        ),
      }),
      ...(aborted && { aborted: true }),
    },
    "graphql request",
  );
}
