import { commandKey } from "../../src/transport/batch-command";
import type { BitrixSuccess } from "../../src/transport/envelope";
import { abortErrorFor, type BitrixError } from "../../src/transport/errors";
import type { BitrixParams, CallOptions, HttpClient } from "../../src/transport/http-client";
import type { UpstreamIdentity } from "../../src/transport/identity";

/** What one command of a `batch` comes to: a result, a portal error code, or not run (halted). */
export type CommandAnswer = { result: unknown } | { error: string } | "not run";

/** One HTTP request the code under test made. It stays open until the test answers it. */
export class DeferredRequest {
  private settled = false;

  constructor(
    readonly method: string,
    readonly params: BitrixParams,
    /** The signal the client was given: it fires when the sender cancels the request. */
    readonly signal: AbortSignal | undefined,
    private readonly settle: {
      resolve(value: BitrixSuccess): void;
      reject(error: unknown): void;
    },
  ) {}

  /** The request has been answered, failed, or cancelled. */
  get answered(): boolean {
    return this.settled;
  }

  /** Methods the request carries: its own for a plain call, each command's for a `batch`. */
  get methods(): string[] {
    if (this.method !== "batch") return [this.method];
    const commands = Object.values(this.params.cmd as Record<string, string>);
    return commands.map((command) => command.split("?")[0]!);
  }

  succeed(result: unknown): void {
    this.finish(() => this.settle.resolve({ result }));
  }

  /** Answers a `batch` the way the portal does: one map per kind of outcome, keyed by command. */
  answerBatch(answers: CommandAnswer[]): void {
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    answers.forEach((answer, index) => {
      if (answer === "not run") return;
      if ("error" in answer) errors[commandKey(index)] = { error: answer.error };
      else result[commandKey(index)] = answer.result;
    });
    this.finish(() => this.settle.resolve({ result: { result, result_error: errors } }));
  }

  fail(error: BitrixError): void {
    this.finish(() => this.settle.reject(error));
  }

  private finish(settle: () => void): void {
    if (this.settled) throw new Error(`${this.method} was answered already`);
    this.settled = true;
    settle();
  }
}

/**
 * An HTTP client with no network: each request is recorded with its method, parameters and signal,
 * and waits until the test answers it. A cancelled request fails at once with the error the real
 * client gives (see HttpClient.call).
 */
export class DeferredHttpClient implements Pick<HttpClient, "call"> {
  readonly requests: DeferredRequest[] = [];

  call<T = unknown>(
    _identity: UpstreamIdentity,
    method: string,
    params: BitrixParams,
    options: CallOptions = {},
  ): Promise<BitrixSuccess<T>> {
    const { signal } = options;
    const answer = new Promise<BitrixSuccess>((resolve, reject) => {
      const request = new DeferredRequest(method, params, signal, { resolve, reject });
      this.requests.push(request);
      const cancel = () => {
        if (!request.answered) request.fail(abortErrorFor(method, signal));
      };
      if (signal?.aborted) cancel();
      else signal?.addEventListener("abort", cancel, { once: true });
    });
    return answer as Promise<BitrixSuccess<T>>;
  }

  /** The request made `index`-th (from 0), once it has been made. */
  async request(index: number): Promise<DeferredRequest> {
    await until(
      () => this.requests.length > index,
      () => `request #${index} (${this.requests.length} made)`,
    );
    return this.requests[index]!;
  }
}

/** Lets `count` turns of the event loop pass: enough for anything the transport would do next. */
export async function turns(count = 10): Promise<void> {
  for (let turn = 0; turn < count; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Resolves once `condition` holds, checked once per turn of the event loop. Nothing here waits for
 * time, so a condition still false after many turns never will be: that fails at once, naming
 * `what`, instead of running into the test timeout.
 */
export async function until(
  condition: () => boolean,
  what: () => string,
  maxTurns = 50,
): Promise<void> {
  for (let turn = 0; !condition(); turn += 1) {
    if (turn >= maxTurns) throw new Error(`still waiting for ${what()} after ${maxTurns} turns`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
