import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";

type Handler = RequestHandler | ErrorRequestHandler;

/**
 * Express handlers run in order as one handler, with express's own rules: an error (passed to
 * `next`, thrown, or a rejected promise) skips to the next error handler (four parameters), and
 * whatever is left over goes on to the handlers after the chain. Mounted one by one, each would be a
 * router layer that matches the path and trims and restores the URL: on a small query the router
 * cost more than the guards themselves.
 */
export function handlerChain(handlers: readonly Handler[]): RequestHandler {
  return (req: Request, res: Response, done: NextFunction) => {
    let index = 0;
    const next = (error?: unknown): void => {
      // "route" and "router" are express's own ways of leaving a stack early.
      if (error === "route" || error === "router") return done(error);
      while (index < handlers.length) {
        const handler = handlers[index++]!;
        // As in express, only a truthy value is an error.
        if (Boolean(error) !== (handler.length === 4)) continue;
        run(handler, error, req, res, next);
        return;
      }
      done(error);
    };
    next();
  };
}

function run(
  handler: Handler,
  error: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  try {
    const result: unknown = !error
      ? (handler as RequestHandler)(req, res, next)
      : (handler as ErrorRequestHandler)(error, req, res, next);
    if (result instanceof Promise) {
      result.catch((rejection: unknown) => next(rejection || new Error("Rejected promise")));
    }
  } catch (thrown) {
    next(thrown);
  }
}
