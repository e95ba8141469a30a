import { Agent, errors as undiciErrors, request } from "undici";
import { systemClock, timeoutSignal, type Clock } from "../clock";
import { parseEnvelope, type BitrixSuccess } from "./envelope";
import { abortErrorFor, BitrixError, BitrixNetworkError, BitrixTimeoutError } from "./errors";
import { endpointPath, identitySecrets, portalOrigin, type UpstreamIdentity } from "./identity";
import { scrubberOf, type Scrub } from "./scrub";

export interface HttpClientOptions {
  /** Per-call timeout in milliseconds. */
  timeoutMs: number;
  /** Keep-alive connections per portal origin. */
  connectionsPerOrigin?: number;
  /** What the timeout is measured on. Default: the system clock. */
  clock?: Clock;
}

export interface CallOptions {
  /** Aborts the call, e.g. when the GraphQL client disconnects. */
  signal?: AbortSignal;
}

/** Parameters of a REST method, sent as the JSON body. */
export type BitrixParams = Record<string, unknown>;

/**
 * The one place that speaks HTTP to a portal: POST JSON over a keep-alive pool, with a timeout, and
 * turn every outcome into a success envelope or a BitrixError. It knows nothing of GraphQL, batching
 * or rate limits; those layers wrap it.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(private readonly options: HttpClientOptions) {
    this.agent = new Agent({
      connections: options.connectionsPerOrigin ?? 32,
      keepAliveTimeout: 10_000,
    });
  }

  async call<T = unknown>(
    identity: UpstreamIdentity,
    method: string,
    params: BitrixParams,
    options: CallOptions = {},
  ): Promise<BitrixSuccess<T>> {
    if (identity.kind === "application") {
      // Its token is resolved first, by the SessionClient that wraps this one.
      throw new TypeError("an application identity is sent through SessionClient");
    }
    const scrub = scrubberFor(identity);
    const body = identity.kind === "oauth" ? { ...params, auth: identity.accessToken } : params;
    const callerSignal = options.signal;
    // One signal for both ends of the call: the caller going away, and the timeout.
    const timeout = timeoutSignal(
      this.options.clock ?? systemClock,
      this.options.timeoutMs,
      callerSignal,
    );

    try {
      // Origin and path given apart: the endpoint's URL is parsed once per identity, not per call.
      const response = await this.agent.request({
        origin: portalOrigin(identity),
        path: `${endpointPath(identity)}${method}`,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(body),
        signal: timeout.signal,
      });
      const text = await response.body.text();
      const contentType = response.headers["content-type"];
      // Everything the portal sent is scrubbed as it is parsed, and nowhere else (see parseEnvelope).
      return parseEnvelope<T>(
        method,
        {
          status: response.statusCode,
          contentType: Array.isArray(contentType) ? contentType[0] : contentType,
          body: text,
        },
        scrub,
      );
    } catch (error) {
      if (error instanceof BitrixError) throw error;
      if (callerSignal?.aborted) throw abortErrorFor(method, callerSignal);
      if (timeout.signal.aborted) {
        throw new BitrixTimeoutError(method, this.options.timeoutMs, error);
      }
      throw new BitrixNetworkError(method, networkCode(error), error);
    } finally {
      timeout.dispose();
    }
  }

  /**
   * Whether the portal's origin answers HTTP at all: a HEAD to its root, which is no REST call and so
   * costs nothing of the portal's request limit. Any status counts as reachable.
   */
  async probe(origin: string, timeoutMs: number): Promise<boolean> {
    try {
      const response = await request(origin, {
        method: "HEAD",
        dispatcher: this.agent,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body.dump();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function networkCode(error: unknown): string {
  if (error instanceof undiciErrors.UndiciError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "UNKNOWN";
}

/** One scrubber per identity object, like the names derived from it: asked for on every call. */
const scrubbers = new WeakMap<UpstreamIdentity, Scrub>();

function scrubberFor(identity: UpstreamIdentity): Scrub {
  let scrub = scrubbers.get(identity);
  if (!scrub) scrubbers.set(identity, (scrub = scrubberOf(identitySecrets(identity))));
  return scrub;
}
