import { type IncomingMessage } from "node:http";
import { isPhpArray, listsAsArrays } from "./php-array";
import { parsePhpQuery } from "./php-query";
import { type RequestParams } from "./params";
import { PortalError } from "./portal-error";

/** Bodies above this are refused; booking payloads are a few kilobytes. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Builds the parameter array the way the server does (CRestUtil::getRequestData): start from
 * the query string; for a POST, decode the body (strict JSON for JSON content types, form
 * fields for multipart, PHP parse_str for anything else) and lay it over the query with
 * array_replace, so top-level body keys win. Invalid JSON is dropped silently.
 */
export async function readRequestParams(
  request: IncomingMessage,
  url: URL,
): Promise<RequestParams> {
  const query = parsePhpQuery(url.search.slice(1));
  if (request.method !== "POST") {
    request.resume();
    return query;
  }
  const body = await readBody(request);
  const bodyParams = await parseBody(body, request.headers["content-type"] ?? "");
  return { ...query, ...bodyParams };
}

async function parseBody(body: Buffer, contentType: string): Promise<RequestParams> {
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (mediaType === "application/json" || mediaType.endsWith("+json")) return parseJson(body);
  if (mediaType === "multipart/form-data") return parseMultipart(body, contentType);
  return parsePhpQuery(body.toString("utf8").trim());
}

function parseJson(body: Buffer): RequestParams {
  let decoded: unknown;
  try {
    decoded = JSON.parse(body.toString("utf8"));
  } catch {
    return {};
  }
  if (!isPhpArray(decoded)) return {};
  return { ...(listsAsArrays(decoded) as RequestParams) };
}

/**
 * Multipart fields are re-encoded as one urlencoded string so their PHP-style names
 * (`clients[0][id]`) nest exactly like a form body. Uploaded files are ignored.
 */
async function parseMultipart(body: Buffer, contentType: string): Promise<RequestParams> {
  let form: FormData;
  try {
    form = await new Request("http://demo-portal.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }).formData();
  } catch {
    return {};
  }
  const pairs: string[] = [];
  form.forEach((value, name) => {
    if (typeof value === "string")
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  });
  return parsePhpQuery(pairs.join("&"));
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is still read and discarded, so the connection stays usable.
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > MAX_BODY_BYTES) reject(bodyTooLarge(size));
      else resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
  });
}

function bodyTooLarge(size: number): PortalError {
  return new PortalError(
    "REQUEST_ENTITY_TOO_LARGE",
    `Request body must be at most ${MAX_BODY_BYTES} bytes, got ${size}`,
    413,
  );
}
