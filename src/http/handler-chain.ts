import type { IncomingMessage, ServerResponse } from "node:http";

/** A request on the GraphQL route: node's own, with the body once the JSON parser has read it. */
export type HttpRequest = IncomingMessage & { body?: unknown };
export type Next = (error?: unknown) => void;
export type Handler = (req: HttpRequest, res: ServerResponse, next: Next) => unknown;
export type ErrorHandler = (
  error: unknown,
  req: HttpRequest,
  res: ServerResponse,
  next: Next,
) => unknown;

/**
 * Connect-style handlers (cors, body-parser and the gateway's guards) run in order on node's own
 * request and response, with connect's rules: an error (passed to `next`, thrown, or a rejected
 * promise) skips to the next error handler (four parameters), and whatever is left over goes to
 * `done`. The GraphQL route needs no more of a framework than this; express's per-request work
 * (its request and response prototypes, routing, query parsing, ETag hashing) cost more than the
 * guards themselves.
 */
export function handlerChain(
  handlers: ReadonlyArray<Handler | ErrorHandler>,
  done: (error: unknown, req: HttpRequest, res: ServerResponse) => void,
): (req: HttpRequest, res: ServerResponse) => void {
  return (req, res) => {
    let index = 0;
    const next: Next = (error) => {
      while (index < handlers.length) {
        const handler = handlers[index++]!;
        // As in connect, only a truthy value is an error.
        if (Boolean(error) !== (handler.length === 4)) continue;
        run(handler, error, req, res, next);
        return;
      }
      done(error, req, res);
    };
    next();
  };
}

function run(
  handler: Handler | ErrorHandler,
  error: unknown,
  req: HttpRequest,
  res: ServerResponse,
  next: Next,
): void {
  try {
    const result: unknown = !error
      ? (handler as Handler)(req, res, next)
      : (handler as ErrorHandler)(error, req, res, next);
    if (result instanceof Promise) {
      result.catch((rejection: unknown) => next(rejection || new Error("Rejected promise")));
    }
  } catch (thrown) {
    next(thrown);
  }
}
