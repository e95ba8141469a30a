import { type ServerResponse } from "node:http";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** Every answer the portal itself makes, success or error, is JSON in this content type. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON_CONTENT_TYPE, JSON.stringify(body));
}

/** Any text body with an exact Content-Length, so clients never wait for more. */
export function sendText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
): void {
  response.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}
