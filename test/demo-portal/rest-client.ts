import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from "../../src/demo-portal";
/** Small fetch wrappers for talking to the demo portal over loopback in tests. */

export interface RestTimeBody {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating: number;
}

export interface SuccessBody<R = unknown> {
  result: R;
  total?: number;
  next?: number;
  time: RestTimeBody;
}

export interface ErrorBody {
  error: string;
  error_description: string;
}

export interface Reply<B = unknown> {
  status: number;
  contentType: string | null;
  body: B;
}

export async function postJson<B = unknown>(
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<B>> {
  return send<B>(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
}

export async function postForm<B = unknown>(url: string, form: string): Promise<Reply<B>> {
  return send<B>(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
}

export async function get<B = unknown>(
  url: string,
  headers: Record<string, string> = {},
): Promise<Reply<B>> {
  return send<B>(url, { method: "GET", headers });
}

export async function send<B = unknown>(url: string, init: RequestInit): Promise<Reply<B>> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: (await response.json()) as B,
  };
}

/** Restores the demo data and zeroes the counters between tests. */
export async function resetPortal(origin: string, seed: "demo" | "empty" = "demo"): Promise<void> {
  const response = await fetch(`${origin}/_demo/reset?seed=${seed}`, { method: "POST" });
  if (response.status !== 200) throw new Error(`reset failed with HTTP ${response.status}`);
  await response.arrayBuffer();
}

/** A booking.add payload for resource 1, `minutes` long from `startTimestamp`. */
export function bookingFields(
  startTimestamp: number,
  minutes = 60,
  extra: Record<string, unknown> = {},
) {
  return {
    resourceIds: [1],
    datePeriod: {
      from: { timestamp: startTimestamp, timezone: "Europe/Berlin" },
      to: { timestamp: startTimestamp + minutes * 60, timezone: "Europe/Berlin" },
    },
    ...extra,
  };
}

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Asserts a Bitrix24 error envelope: this HTTP status (400 unless given), code and description. */
export function expectError(
  reply: { status: number; body: unknown },
  code: string,
  description: string,
  status = 400,
): void {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual<ErrorBody>({ error: code, error_description: description });
}

/**
 * One demo portal for a test file, started before its tests, closed after them and reset to the demo
 * data before each test. `call(method)` is the webhook URL that runs `method`.
 */
export function useDemoPortal(options?: DemoPortalOptions): {
  readonly portal: DemoPortal;
  call: (method: string) => string;
} {
  let started: DemoPortal | undefined;
  const portal = () => {
    if (!started) throw new Error("the demo portal is used before beforeAll started it");
    return started;
  };
  beforeAll(async () => {
    started = await startDemoPortal(options);
  });
  afterAll(() => started?.close());
  beforeEach(() => resetPortal(portal().origin));
  return {
    get portal() {
      return portal();
    },
    call: (method) => `${portal().webhookUrl}${method}`,
  };
}
