import type { ErrorRequestHandler } from "express";

/**
 * Bitrix24's POSTs (event deliveries, the install call) whose body cannot be read: too large (413)
 * or malformed (400), with the reason. Only body-parser's errors (they carry a `type`) are answered
 * here; anything else goes on to the final error handler.
 */
export function bodyRefusals(limitName: string, refused?: () => void): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent || typeof error.type !== "string") {
      next(error);
      return;
    }
    refused?.();
    if (error.type === "entity.too.large") {
      res.status(413).json({ error: `the body is larger than ${limitName}` });
      return;
    }
    res.status(error.status && error.status < 500 ? error.status : 400).json({
      error: "the body is neither form fields nor JSON that can be read",
    });
  };
}
