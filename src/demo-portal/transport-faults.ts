import { STATUS_CODES } from "node:http";
import { errorEnvelope } from "./envelope";
import { type TransportFault } from "./faults";
import { queryLimitExceeded } from "./limit-errors";
import { internalServerError } from "./portal-error";
import { JSON_CONTENT_TYPE } from "./send-json";

/** A complete answer to put on the wire as is. */
export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
}

export type FrontFault = Extract<TransportFault, { kind: "http-error" | "html" | "rate-limit" }>;

/**
 * Faults that answer in the portal's place, like a proxy or the cloud's limiter in front of
 * it: the request is never run and does not count against the rate limit.
 */
export function answersInPortalsPlace(fault: TransportFault): fault is FrontFault {
  return fault.kind === "http-error" || fault.kind === "html" || fault.kind === "rate-limit";
}

export function frontFaultAnswer(fault: FrontFault): RawAnswer {
  switch (fault.kind) {
    case "http-error":
      return fault.body === undefined
        ? {
            status: fault.status,
            contentType: JSON_CONTENT_TYPE,
            text: JSON.stringify(errorEnvelope(internalServerError())),
          }
        : {
            status: fault.status,
            contentType: fault.contentType ?? "text/plain; charset=utf-8",
            text: fault.body,
          };
    case "html":
      return htmlErrorPage(fault.status ?? 502);
    case "rate-limit":
      return {
        status: 503,
        contentType: JSON_CONTENT_TYPE,
        text: JSON.stringify(errorEnvelope(queryLimitExceeded())),
      };
  }
}

/** The kind of page nginx sends when the portal behind it fails. */
function htmlErrorPage(status: number): RawAnswer {
  const title = `${status} ${STATUS_CODES[status] ?? "Error"}`;
  return {
    status,
    contentType: "text/html",
    text:
      `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
      `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

/**
 * A JSON answer cut in half: a proper prefix of a JSON object or array never parses, which is
 * what a client sees when a proxy drops the rest of the body.
 */
export function truncatedJson(status: number, body: unknown): RawAnswer {
  const text = JSON.stringify(body);
  return {
    status,
    contentType: JSON_CONTENT_TYPE,
    text: text.slice(0, Math.max(1, Math.floor(text.length / 2))),
  };
}
