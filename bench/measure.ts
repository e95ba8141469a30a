import { Agent, request } from "undici";

/** One keep-alive pool for the load generator, so connection setup is not measured. */
export const agent = new Agent({ connections: 256, keepAliveTimeout: 30_000 });

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const response = await request(url, {
    method: "POST",
    dispatcher: agent,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return response.body.json();
}

export async function graphql(
  url: string,
  query: string,
  variables?: unknown,
): Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }> {
  return (await postJson(url, { query, variables })) as {
    data?: unknown;
    errors?: Array<{ extensions?: { code?: string } }>;
  };
}

/**
 * POSTs `body`, JSON already serialised, and returns the parsed answer; any status but 200 fails, so
 * that no figure counts a refusal as an operation.
 */
export async function postOk(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  dispatcher: Agent = agent,
): Promise<unknown> {
  const response = await request(url, {
    method: "POST",
    dispatcher,
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const answer = await response.body.json();
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  return answer;
}

/**
 * Runs `send` over a connection of its own, opened for it and closed after: what a browser that has
 * not talked to the server before does. Connection setup is part of what is measured.
 */
export async function onNewConnection<T>(send: (dispatcher: Agent) => Promise<T>): Promise<T> {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    return await send(dispatcher);
  } finally {
    await dispatcher.close();
  }
}

/** A GraphQL POST on a new connection (see onNewConnection). */
export function graphqlOnNewConnection(url: string, query: string): Promise<unknown> {
  return onNewConnection(async (dispatcher) => {
    const response = await request(url, {
      method: "POST",
      dispatcher,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return response.body.json();
  });
}

/** Runs `task` and returns its duration in milliseconds. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** `promise`'s value, or undefined once `ms` have passed without one. */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
