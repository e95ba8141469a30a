import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { QueueCounts } from "../transport/call-queue";
import type { CircuitState } from "../transport/circuit-breaker";
import type {
  RateLimitSharing,
  UpstreamObserver,
  UpstreamRequestEvent,
} from "../transport/observer";
import { BITRIX_ERROR_CODES } from "../errors/bitrix-error-codes";
import { ErrorCode } from "../errors/error-code";
import { LabelSet } from "./label-set";

const PREFIX = "b24gw_";

const NO_QUEUES: QueueCounts = { waitingCalls: 0, requestsInFlight: 0, callsInFlight: 0 };

/** The gauges of the transport's queues: name, help, and the count each shows. */
const QUEUE_GAUGES: ReadonlyArray<[string, string, keyof QueueCounts]> = [
  [
    "upstream_queued_calls",
    "Upstream calls waiting in the queues for the next batch (while others are in flight, or a backoff)",
    "waitingCalls",
  ],
  [
    "upstream_requests_in_flight",
    "HTTP requests to the portal on their way, waits for a rate-limit slot included",
    "requestsInFlight",
  ],
  [
    "upstream_calls_in_flight",
    "Upstream calls carried by the requests on their way",
    "callsInFlight",
  ],
];

/** Why a request was refused before it reached Apollo, as a metric label. */
export type RejectionReason =
  | "unauthenticated"
  | "body_too_large"
  | "invalid_body"
  | "batching_disabled"
  | "too_many_operations"
  | "too_many_tokens"
  | "deadline"
  | "shutting_down";

const CIRCUIT_VALUES: Record<CircuitState, number> = { closed: 0, "half-open": 1, open: 2 };

/** Error codes a client can see: ours, Apollo's and graphql-js's. Anything else is `other`. */
const KNOWN_ERROR_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Bitrix24 codes the catalog names, plus generic ones of the REST core. Anything else is `other`. */
const KNOWN_UPSTREAM_OUTCOMES = new Set<string>([
  "ok",
  "INTERNAL",
  "INTERNAL_SERVER_ERROR",
  "ERROR_UNEXPECTED_ANSWER",
  "ERROR_BATCH_LENGTH_EXCEEDED",
  "ERROR_BATCH_METHOD_NOT_ALLOWED",
  ...Object.keys(BITRIX_ERROR_CODES),
]);

/**
 * The gateway's Prometheus metrics, in a registry of its own (several gateways may share a process in
 * tests). Every label value is drawn from a bounded set: operation names are capped and normalised,
 * codes outside the known catalogs become `other`, and no label ever holds a URL path, token or id.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames: LabelSet;

  private readonly operations: Counter<"operation" | "type" | "outcome">;
  private readonly operationSeconds: Histogram<"operation" | "type">;
  private readonly errors: Counter<"code">;
  private readonly rejections: Counter<"reason">;
  private readonly untrustedDocuments: Counter<"mode">;
  private readonly estimatedCommands: Histogram;
  private readonly upstreamRequests: Counter<"method" | "status" | "outcome">;
  private readonly upstreamSeconds: Histogram<"method">;
  private readonly batchCommands: Histogram;
  private readonly limiterWait: Histogram<"granted">;
  private readonly retries: Counter<"reason">;
  private readonly circuitState: Gauge<"origin">;
  private readonly circuitRejections: Counter<"origin">;
  /** The transport's queue counts, read when /metrics is scraped. */
  private readQueues: () => Readonly<QueueCounts> = () => NO_QUEUES;
  /** Only with Redis configured: without it the limit is local by design, not degraded. */
  private rateLimitShared: Gauge | undefined;

  constructor(options: { maxOperationNames: number; defaultMetrics?: boolean }) {
    this.operationNames = new LabelSet(options.maxOperationNames);
    const registers = [this.registry];
    if (options.defaultMetrics !== false) {
      collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    }
    this.operations = new Counter({
      name: `${PREFIX}graphql_operations_total`,
      help: "GraphQL operations by name (capped), type and outcome (ok, error: with errors, rejected: refused before execution)",
      labelNames: ["operation", "type", "outcome"],
      registers,
    });
    this.operationSeconds = new Histogram({
      name: `${PREFIX}graphql_operation_duration_seconds`,
      help: "Time from request start to response, by operation name (capped) and type",
      labelNames: ["operation", "type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25],
      registers,
    });
    this.errors = new Counter({
      name: `${PREFIX}graphql_errors_total`,
      help: "GraphQL errors sent to clients, by extensions.code",
      labelNames: ["code"],
      registers,
    });
    this.rejections = new Counter({
      name: `${PREFIX}http_rejections_total`,
      help: "HTTP requests refused before GraphQL processing, by reason",
      labelNames: ["reason"],
      registers,
    });
    this.untrustedDocuments = new Counter({
      name: `${PREFIX}untrusted_documents_total`,
      help: "Operations whose document is not in TRUSTED_DOCUMENTS_FILE, by TRUSTED_DOCUMENTS mode (log: they ran; enforce: refused)",
      labelNames: ["mode"],
      registers,
    });
    this.estimatedCommands = new Histogram({
      name: `${PREFIX}graphql_operation_estimated_upstream_commands`,
      help: "Upstream commands an operation was estimated to cost before it ran",
      buckets: [0, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
      registers,
    });
    this.upstreamRequests = new Counter({
      name: `${PREFIX}upstream_requests_total`,
      help: "HTTP requests to the portal, by REST method (or batch), status class and outcome code",
      labelNames: ["method", "status", "outcome"],
      registers,
    });
    this.upstreamSeconds = new Histogram({
      name: `${PREFIX}upstream_request_duration_seconds`,
      help: "Duration of HTTP requests to the portal, by REST method (or batch)",
      labelNames: ["method"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.batchCommands = new Histogram({
      name: `${PREFIX}upstream_request_commands`,
      help: "Commands carried by one HTTP request to the portal (1 for a plain call, up to 50 in a batch)",
      buckets: [1, 2, 5, 10, 20, 30, 40, 50],
      registers,
    });
    this.limiterWait = new Histogram({
      name: `${PREFIX}upstream_rate_limit_wait_seconds`,
      help: "Wait for a slot of the portal's rate-limit model; granted=false: refused, past the deadline",
      labelNames: ["granted"],
      buckets: [0, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25],
      registers,
    });
    this.retries = new Counter({
      name: `${PREFIX}upstream_retries_total`,
      help: "Upstream calls sent again, by the failure that caused it",
      labelNames: ["reason"],
      registers,
    });
    this.circuitState = new Gauge({
      name: `${PREFIX}upstream_circuit_state`,
      help: "Circuit breaker per portal origin: 0 closed, 1 half-open, 2 open",
      labelNames: ["origin"],
      registers,
    });
    this.circuitRejections = new Counter({
      name: `${PREFIX}upstream_circuit_rejections_total`,
      help: "Upstream calls failed fast because the portal's circuit was open",
      labelNames: ["origin"],
      registers,
    });
    const readQueues = () => this.readQueues();
    for (const [name, help, count] of QUEUE_GAUGES) {
      new Gauge({
        name: `${PREFIX}${name}`,
        help,
        registers,
        collect() {
          this.set(readQueues()[count]);
        },
      });
    }
  }

  /** The transport's events, as metrics. */
  upstreamObserver(): UpstreamObserver & {
    circuitState(event: { origin: string; state: CircuitState }): void;
    rateLimitSharing(event: { sharing: RateLimitSharing }): void;
  } {
    return {
      request: (event) => this.recordUpstreamRequest(event),
      retry: ({ code }) => this.retries.inc({ reason: upstreamOutcome(code) }),
      rateLimitWait: ({ waitMs, granted }) =>
        this.limiterWait.observe({ granted: String(granted) }, waitMs / 1000),
      circuitRejected: ({ origin, calls }) => this.circuitRejections.inc({ origin }, calls),
      circuitState: ({ origin, state }) => this.circuitState.set({ origin }, CIRCUIT_VALUES[state]),
      queueCounts: (read) => {
        this.readQueues = read;
      },
      rateLimitSharing: ({ sharing }) => this.rateLimitShared?.set(sharing === "shared" ? 1 : 0),
    };
  }

  /** Declares the portal's circuit so that it shows as closed before anything happens. */
  declareOrigin(origin: string): void {
    this.circuitState.set({ origin }, 0);
  }

  /** With Redis configured: the limit is local until Redis first answers. */
  declareSharedRateLimit(): void {
    this.rateLimitShared ??= new Gauge({
      name: `${PREFIX}rate_limit_shared`,
      help: "1 while the rate-limit model is shared through Redis; 0 while Redis is unreachable and each replica models its own share",
      registers: [this.registry],
    });
    this.rateLimitShared.set(0);
  }

  recordOperation(event: {
    operationName: string | null | undefined;
    type: string | undefined;
    outcome: "ok" | "error" | "rejected";
    durationMs: number;
    errorCodes: readonly string[];
  }): void {
    const operation = this.operationNames.label(event.operationName);
    const type =
      event.type === "query" || event.type === "mutation" || event.type === "subscription"
        ? event.type
        : "unknown";
    this.operations.inc({ operation, type, outcome: event.outcome });
    this.operationSeconds.observe({ operation, type }, event.durationMs / 1000);
    for (const code of event.errorCodes) {
      this.errors.inc({ code: KNOWN_ERROR_CODES.has(code) ? code : "other" });
    }
  }

  recordEstimate(commands: number): void {
    this.estimatedCommands.observe(commands);
  }

  recordRejection(reason: RejectionReason): void {
    this.rejections.inc({ reason });
  }

  recordUntrustedDocument(mode: "log" | "enforce"): void {
    this.untrustedDocuments.inc({ mode });
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private recordUpstreamRequest(event: UpstreamRequestEvent): void {
    const method = upstreamMethod(event.method);
    const status = event.status === undefined ? "none" : `${Math.floor(event.status / 100)}xx`;
    this.upstreamRequests.inc({ method, status, outcome: upstreamOutcome(event.outcome) });
    this.upstreamSeconds.observe({ method }, event.durationMs / 1000);
    this.batchCommands.observe(event.commands);
  }
}

/** booking.v1 method names and `batch`; anything else (a typo, a future method) is `other`. */
function upstreamMethod(method: string): string {
  return method === "batch" || /^booking\.v1\.[a-z.]{1,60}$/i.test(method)
    ? method.toLowerCase()
    : "other";
}

function upstreamOutcome(code: string): string {
  return KNOWN_UPSTREAM_OUTCOMES.has(code) ? code : "other";
}
