import { createClient, type Client, type FormattedExecutionResult } from "graphql-ws";
import WebSocket from "ws";

/** A graphql-ws client of a gateway, over a real WebSocket to its /graphql. */
export function wsClient(
  gatewayUrl: string,
  connectionParams: Record<string, unknown> = {},
): Client {
  return createClient({
    url: gatewayUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * A subscription whose messages can be awaited one at a time. `started` resolves once the server
 * has the subscription in place (its first `next` could arrive from then on), so a test changes data
 * only after it: a barrier, not a sleep.
 */
export interface Subscription<T> {
  next(): Promise<FormattedExecutionResult<T, unknown>>;
  /** Resolves when the server completes the subscription; rejects on an error message. */
  readonly completed: Promise<void>;
  stop(): void;
}

export function subscribe<T = Record<string, unknown>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription<T> {
  const queued: Array<FormattedExecutionResult<T, unknown>> = [];
  const waiting: Array<(result: FormattedExecutionResult<T, unknown>) => void> = [];
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const completed = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  completed.catch(() => undefined);
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        const waiter = waiting.shift();
        if (waiter) waiter(result);
        else queued.push(result);
      },
      error: (error) => settle.reject(error),
      complete: () => settle.resolve(),
    },
  );
  return {
    next: () => {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        waiting.push(resolve);
        completed.then(
          () => reject(new Error("the subscription completed before another message")),
          reject,
        );
      });
    },
    completed,
    stop,
  };
}
