import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { BitrixCircuitOpenError, BitrixError, BitrixRateLimitedError } from "../transport/errors";
import { BITRIX_ERROR_CODES, BITRIX_ERROR_RULES } from "./bitrix-error-codes";
import { ErrorCode } from "./error-code";

/** What a client sees of an upstream failure, under `extensions.bitrix`. */
export interface BitrixErrorExtension {
  error: string;
  description: string;
  status: number | null;
  method: string;
}

export function graphQLCodeFor(error: BitrixError): ErrorCode {
  const method = error.method.toLowerCase();
  const rule = BITRIX_ERROR_RULES.find(
    (candidate) =>
      candidate.code === error.code &&
      (candidate.method === undefined || candidate.method.toLowerCase() === method) &&
      (candidate.description === undefined || candidate.description.test(error.description)),
  );
  if (rule) return rule.graphQLCode;
  const mapped = BITRIX_ERROR_CODES[error.code];
  if (mapped) return mapped;
  if (error.status !== undefined && error.status >= 500) return ErrorCode.UpstreamUnavailable;
  return ErrorCode.UpstreamError;
}

/** The single translation point from an upstream failure to what a GraphQL client sees. */
export function bitrixErrorExtensions(error: BitrixError): {
  code: ErrorCode;
  bitrix: BitrixErrorExtension;
  retryAfter?: number;
} {
  return {
    code: graphQLCodeFor(error),
    ...((error instanceof BitrixRateLimitedError || error instanceof BitrixCircuitOpenError) && {
      retryAfter: error.retryAfterSeconds,
    }),
    bitrix: {
      error: error.code,
      description: error.description,
      status: error.status ?? null,
      method: error.method,
    },
  };
}

export function bitrixMessage(error: BitrixError): string {
  const detail = error.description ? `: ${error.description}` : "";
  return `Bitrix24 ${error.method} failed with ${error.code}${detail}`;
}

export interface ErrorFormatterOptions {
  /** Strip graphql-js's "Did you mean …?" hints, which reveal schema names (production). */
  hideSuggestions: boolean;
}

/** Apollo's `formatError` signature; graphql-ws errors go through the same one. */
export type ErrorFormatter = (
  formatted: GraphQLFormattedError,
  error: unknown,
) => GraphQLFormattedError;

/**
 * Apollo's `formatError` with the gateway's options: `formatGatewayError`, and schema hints removed
 * if asked.
 */
export function createErrorFormatter(options: ErrorFormatterOptions): ErrorFormatter {
  return (formatted, error) => {
    const result = formatGatewayError(formatted, error);
    if (!options.hideSuggestions) return result;
    // graphql-js appends its hint to the sentence: ` Did you mean "booking"?`.
    return { ...result, message: result.message.replace(/ Did you mean .+\?$/s, "") };
  };
}

/**
 * Apollo's `formatError`: upstream failures get their mapped code, our own GraphQL errors pass as they
 * are, and anything unexpected is masked so that no stack, path or secret reaches the client.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof BitrixError) {
    return {
      ...formatted,
      message: bitrixMessage(original),
      extensions: bitrixErrorExtensions(original),
    };
  }
  if (
    original instanceof GraphQLError ||
    formatted.extensions?.code !== ErrorCode.InternalServerError
  ) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    ...formatted,
    message: "Internal server error",
    extensions: { code: ErrorCode.InternalServerError },
  };
}
