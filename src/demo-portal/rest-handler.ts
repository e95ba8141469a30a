import { type IncomingMessage, type ServerResponse } from "node:http";
import { errorEnvelope } from "./envelope";
import { type TransportFault } from "./faults";
import { queryLimitExceeded } from "./limit-errors";
import { pause } from "./pause";
import { type PortalRuntime } from "./portal-runtime";
import { readRequestParams } from "./request-params";
import { answerRestCall } from "./rest-call";
import { parseRestPath } from "./rest-path";
import { nowSeconds } from "./rest-time";
import { JSON_CONTENT_TYPE, sendText } from "./send-json";
import {
  answersInPortalsPlace,
  frontFaultAnswer,
  truncatedJson,
  type FrontFault,
  type RawAnswer,
} from "./transport-faults";

/**
 * One HTTP request under /rest/, as the network in front of the portal sees it: an injected
 * transport fault is picked by the URL's method, the rate limit is checked and the body read on
 * arrival, the answer waits for the configured latency (and a hang), and only then does the
 * portal run the call. A fault may answer in the portal's place, truncate the answer, or drop
 * the connection. A client that gives up while waiting does not stop the call, as on a real
 * server: a timed-out write may still be applied.
 */
export async function handleRestRequest(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  runtime.stats.recordArrival();
  // Every way out (answer, drop, even a bug) ends the request's time in flight exactly once.
  try {
    await answerOrDrop(runtime, request, response, url);
  } finally {
    runtime.stats.recordSettled();
  }
}

async function answerOrDrop(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const arrivedAt = nowSeconds(runtime.clock);
  const latencyMs = runtime.limits.latencyMs;
  const fault = runtime.faults.takeTransport(parseRestPath(url.pathname)?.method ?? "");
  if (fault !== undefined) runtime.stats.recordFault();
  if (fault?.kind === "reset-before" || (fault !== undefined && answersInPortalsPlace(fault))) {
    return failInFrontOfPortal(runtime, request, response, fault, latencyMs);
  }

  const admitted = runtime.limits.admitRequest();
  // Read now, while the client is surely still connected; a failure is answered after the wait.
  const pendingParams = readRequestParams(request, url);
  pendingParams.catch(() => undefined);
  if (!(await waitUnlessClosed(runtime, latencyMs + hangMs(fault)))) {
    response.destroy();
    return;
  }
  if (!admitted) {
    countRateLimited(runtime);
    send(runtime, response, jsonAnswer(503, errorEnvelope(queryLimitExceeded())));
    return;
  }
  // A client that went away in the middle of its request (or a portal that closed meanwhile)
  // leaves nothing to run and nobody to answer; it is no error of the portal's either.
  if (await cutShort(request, pendingParams)) {
    response.destroy();
    return;
  }

  const answer = await answerRestCall(
    runtime,
    request.headers,
    url,
    pendingParams,
    arrivedAt,
    latencyMs,
  );
  if (fault?.kind === "reset-after") {
    response.destroy();
    return;
  }
  send(
    runtime,
    response,
    fault?.kind === "malformed-json"
      ? truncatedJson(fault.status ?? 200, answer.body)
      : jsonAnswer(answer.status, answer.body),
  );
}

/** What never reaches the portal runs nothing and is not counted by its rate limit either. */
async function failInFrontOfPortal(
  runtime: PortalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
  fault: FrontFault | Extract<TransportFault, { kind: "reset-before" }>,
  latencyMs: number,
): Promise<void> {
  if (!(await waitUnlessClosed(runtime, latencyMs)) || fault.kind === "reset-before") {
    response.destroy();
    return;
  }
  request.resume();
  if (fault.kind === "rate-limit") countRateLimited(runtime);
  send(runtime, response, frontFaultAnswer(fault));
}

/** True when the parameters could not be read because the request never arrived whole. */
function cutShort(request: IncomingMessage, pendingParams: Promise<unknown>): Promise<boolean> {
  return pendingParams.then(
    () => false,
    () => !request.complete,
  );
}

/** A hang without `ms` lasts until the portal closes. */
function hangMs(fault: TransportFault | undefined): number {
  return fault?.kind === "hang" ? (fault.ms ?? Number.POSITIVE_INFINITY) : 0;
}

/** False when the portal closed meanwhile: its connections are gone, nothing is left to do. */
async function waitUnlessClosed(runtime: PortalRuntime, ms: number): Promise<boolean> {
  return ms <= 0 || pause(runtime.clock, ms, runtime.closing);
}

function countRateLimited(runtime: PortalRuntime): void {
  runtime.stats.recordRateLimited();
  runtime.stats.recordError(queryLimitExceeded().code);
}

function jsonAnswer(status: number, body: unknown): RawAnswer {
  return { status, contentType: JSON_CONTENT_TYPE, text: JSON.stringify(body) };
}

function send(runtime: PortalRuntime, response: ServerResponse, answer: RawAnswer): void {
  runtime.stats.recordStatus(answer.status);
  sendText(response, answer.status, answer.contentType, answer.text);
}
