/**
 * An error the portal answers with `{"error": code, "error_description": message}`.
 * `code` is always a string on the wire, even for numeric booking codes ("1021"), because the
 * server stores it as `(string)$code`. Booking and binding errors default to HTTP 400.
 */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "PortalError";
  }
}

export function wrongAuthorization(): PortalError {
  return new PortalError("NO_AUTH_FOUND", "Wrong authorization data", 401);
}

export function expiredToken(): PortalError {
  return new PortalError("expired_token", "The access token provided has expired", 401);
}

export function methodNotFound(): PortalError {
  return new PortalError("ERROR_METHOD_NOT_FOUND", "Method not found!", 404);
}

export function internalServerError(): PortalError {
  return new PortalError("INTERNAL_SERVER_ERROR", "Internal server error", 500);
}

export function batchLengthExceeded(): PortalError {
  return new PortalError("ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
}

export function batchMethodNotAllowed(): PortalError {
  return new PortalError(
    "ERROR_BATCH_METHOD_NOT_ALLOWED",
    "Method is not allowed for batch usage",
    405,
  );
}
