import { type IncomingMessage } from "node:http";

/** Control bodies are small settings and fault lists; anything larger is a mistake. */
const MAX_CONTROL_BODY_BYTES = 1024 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads a whole request body as JSON; a bad body is reported, never thrown. With `empty`, a body
 * with nothing in it (routes whose body is optional) reads as that value instead of an error.
 */
export function readJsonBody(
  request: IncomingMessage,
  options: { empty?: unknown } = {},
): Promise<JsonBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CONTROL_BODY_BYTES) chunks.push(chunk);
    });
    request.on("error", (error) => resolve({ ok: false, message: error.message }));
    request.on("end", () => {
      if (size > MAX_CONTROL_BODY_BYTES) {
        resolve({
          ok: false,
          message: `the body must be at most ${MAX_CONTROL_BODY_BYTES} bytes, got ${size}`,
        });
        return;
      }
      const text = Buffer.concat(chunks).toString("utf8");
      if ("empty" in options && text.trim() === "") {
        resolve({ ok: true, value: options.empty });
        return;
      }
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({
          ok: false,
          message: `the body must be JSON, got ${JSON.stringify(text.slice(0, 100))}`,
        });
      }
    });
  });
}
