import cors from "cors";

/** Request headers a browser client of this gateway may send. */
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-request-id",
  "x-cost",
];

/**
 * CORS from an allowlist of exact origins (CORS_ORIGINS), or the local-origin pattern in
 * development. An origin that is not allowed gets no CORS headers, so its browser refuses to read the
 * answer; no credentials mode (cookies) is offered, since the gateway authenticates by header only.
 */
export function corsMiddleware(origins: readonly string[] | RegExp): ReturnType<typeof cors> {
  return cors({
    origin: origins instanceof RegExp ? origins : origins.length > 0 ? [...origins] : false,
    methods: ["GET", "POST"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ["x-request-id"],
    maxAge: 600,
  });
}
