import { CombinedGraphQLErrors, CombinedProtocolErrors, ServerError } from "@apollo/client";

/** One error as the board shows it: the gateway's fixed `extensions.code` first, then its words. */
export interface ShownError {
  code: string;
  message: string;
  /** The input field a BAD_USER_INPUT error names. */
  field?: string;
}

interface FormattedError {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

/**
 * The gateway's errors out of whatever Apollo Client wrapped them in. The board branches on codes
 * only, never on messages (see the gateway's error reference): a code is a promise, a message is not.
 */
export function shownErrors(error: unknown): ShownError[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(fromFormatted);
  if (CombinedProtocolErrors.is(error)) return error.errors.map(fromFormatted);
  if (ServerError.is(error)) {
    // A request refused before it ran (HTTP 400, e.g. DOCUMENT_NOT_TRUSTED) still has a GraphQL body.
    const body = parseErrors(error.bodyText);
    if (body.length > 0) return body.map(fromFormatted);
    return [{ code: `HTTP_${error.statusCode}`, message: error.message }];
  }
  if (error instanceof Error) return [{ code: "NETWORK_ERROR", message: error.message }];
  return [];
}

function fromFormatted(error: FormattedError): ShownError {
  const code = error.extensions?.code;
  const field = error.extensions?.field;
  return {
    code: typeof code === "string" ? code : "INTERNAL_SERVER_ERROR",
    message: error.message,
    ...(typeof field === "string" && { field }),
  };
}

function parseErrors(body: string): FormattedError[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    return Array.isArray(parsed.errors) ? (parsed.errors as FormattedError[]) : [];
  } catch {
    return [];
  }
}
