import { GraphQLError } from "graphql";
import { ErrorCode } from "./error-code";

/**
 * The portal sent a value this API does not know (a newer portal may add a client type, a template
 * type, a week day). It fails only the field that needed it, or leaves one item out of a list.
 */
export function unknownValueError(
  what: string,
  value: unknown,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(
    `Bitrix24 sent ${what} ${JSON.stringify(value)}, which this API does not know`,
    { extensions: { code: ErrorCode.UpstreamUnknownValue, value: value ?? null, ...details } },
  );
}
