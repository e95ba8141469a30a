import { Agent, request } from "undici";

export interface PlainResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request over a connection of its own, closed afterwards. Polls use it: a poll that reused
 * a pooled keep-alive connection could meet the server closing that idle connection at the same
 * moment, and fail with "other side closed" for no reason the test is about.
 */
export async function requestOnNewConnection(
  url: string,
  options: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {},
): Promise<PlainResponse> {
  const dispatcher = new Agent({ pipelining: 0 });
  try {
    const response = await request(url, {
      method: options.method ?? "GET",
      dispatcher,
      headers: options.headers ?? {},
      ...(options.body !== undefined && { body: options.body }),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: await response.body.text(),
    };
  } finally {
    await dispatcher.close();
  }
}
