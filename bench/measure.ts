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
 * The same POST over a connection of its own, opened for it and closed after: what a browser that
 * has not talked to the gateway before sends. Connection setup is part of what is measured.
 */
export async function graphqlOnNewConnection(url: string, query: string): Promise<unknown> {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    const response = await request(url, {
      method: "POST",
      dispatcher,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return await response.body.json();
  } finally {
    await dispatcher.close();
  }
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
