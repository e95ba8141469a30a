import { PortalError } from "./portal-error";

/** What the cloud's request-rate limiter answers (body as reported in b24-rest-docs#193). */
export function queryLimitExceeded(): PortalError {
  return new PortalError("QUERY_LIMIT_EXCEEDED", "Too many requests", 503);
}

/** What the server answers once a caller has used up a method's operating time (rest.php). */
export function operationTimeLimit(): PortalError {
  return new PortalError(
    "OPERATION_TIME_LIMIT",
    "Method is blocked due to operation time limit.",
    429,
  );
}
